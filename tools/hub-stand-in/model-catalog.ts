// The stand-in's model collection and the `/api/models` query semantics: author, tag filters (including
// `base_model:` ones), search, sort with direction, and keyset pagination behind an opaque cursor.

import type { HubModelRecord } from "../../src/hub/api-types.js";
import { legacyIdTable } from "../../src/vocabulary/legacy-ids.js";

export interface ModelQuery {
  author?: string;
  /** Every filter must be one of the record's tags. */
  filters: readonly string[];
  search?: string;
  sort?: string;
  descending: boolean;
  limit: number;
  cursor?: string;
}

export interface ModelQueryPage {
  items: HubModelRecord[];
  /** The cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

export class InvalidQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidQueryError";
  }
}

const SORT_FIELDS = new Set(["id", "createdAt", "lastModified", "downloads", "likes"]);
type Key = string | number;

function sortKey(record: HubModelRecord, sort: string): Key {
  switch (sort) {
    case "downloads":
    case "likes": {
      const value = record[sort];
      return typeof value === "number" ? value : -1;
    }
    case "createdAt":
    case "lastModified": {
      const value = record[sort];
      return typeof value === "string" ? value : "";
    }
    default:
      return record.id;
  }
}

function compareKeys(a: Key, aId: string, b: Key, bId: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

function encodeCursor(key: Key, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

function decodeCursor(cursor: string): [Key, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === "string" || typeof value[0] === "number") &&
      typeof value[1] === "string"
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // reported below
  }
  throw new InvalidQueryError(`Invalid cursor`);
}

export class ModelCatalog {
  private readonly byId = new Map<string, HubModelRecord>();
  private readonly renamed = new Map<string, string>();
  private sorted = new Map<string, HubModelRecord[]>();
  private byTag: Map<string, HubModelRecord[]> | null = null;

  constructor(records: Iterable<HubModelRecord>) {
    for (const record of records) this.byId.set(record.id, record);
    // The Hub redirects the legacy org-less ids it moved into orgs (`gpt2` → `openai-community/gpt2`).
    for (const [legacy, current] of legacyIdTable()) if (this.byId.has(current)) this.renamed.set(legacy, current);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): HubModelRecord | undefined {
    return this.byId.get(id);
  }

  /** The new id of a repository renamed from `id`, if any. */
  renamedTo(id: string): string | undefined {
    return this.renamed.get(id);
  }

  /** Adds or replaces a record (as when a model card is edited). */
  upsert(record: HubModelRecord): void {
    this.byId.set(record.id, record);
    this.invalidate();
  }

  /** Renames a repository: the old id answers with a redirect to the new one. */
  rename(from: string, to: string): void {
    const record = this.byId.get(from);
    if (record === undefined) throw new Error(`hub stand-in: cannot rename unknown model "${from}"`);
    this.byId.delete(from);
    this.byId.set(to, { ...record, id: to });
    this.renamed.set(from, to);
    this.invalidate();
  }

  query(query: ModelQuery): ModelQueryPage {
    const sort = query.sort !== undefined && SORT_FIELDS.has(query.sort) ? query.sort : "id";
    const sign = query.descending ? -1 : 1;
    const compare = (a: HubModelRecord, b: HubModelRecord) =>
      sign * compareKeys(sortKey(a, sort), a.id, sortKey(b, sort), b.id);
    const filtered = query.author !== undefined || query.filters.length > 0 || query.search !== undefined;
    const list = filtered ? this.matching(query).sort(compare) : this.sortedAll(`${sort}:${sign}`, compare);
    let start = 0;
    if (query.cursor !== undefined) {
      const [key, id] = decodeCursor(query.cursor);
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        const item = list[middle] as HubModelRecord;
        if (sign * compareKeys(sortKey(item, sort), item.id, key, id) <= 0) low = middle + 1;
        else high = middle;
      }
      start = low;
    }
    const items = list.slice(start, start + query.limit);
    const last = items.at(-1);
    const nextCursor =
      start + query.limit < list.length && last !== undefined ? encodeCursor(sortKey(last, sort), last.id) : null;
    return { items, nextCursor };
  }

  private invalidate(): void {
    this.sorted = new Map();
    this.byTag = null;
  }

  private sortedAll(key: string, compare: (a: HubModelRecord, b: HubModelRecord) => number): HubModelRecord[] {
    let list = this.sorted.get(key);
    if (list === undefined) {
      list = [...this.byId.values()].sort(compare);
      this.sorted.set(key, list);
    }
    return list;
  }

  private tagIndex(): Map<string, HubModelRecord[]> {
    if (this.byTag === null) {
      this.byTag = new Map();
      for (const record of this.byId.values()) {
        for (const tag of new Set(record.tags ?? [])) {
          const list = this.byTag.get(tag);
          if (list === undefined) this.byTag.set(tag, [record]);
          else list.push(record);
        }
      }
    }
    return this.byTag;
  }

  private matching(query: ModelQuery): HubModelRecord[] {
    const [first, ...rest] = query.filters;
    const candidates: Iterable<HubModelRecord> =
      first === undefined ? this.byId.values() : (this.tagIndex().get(first) ?? []);
    const author = query.author?.toLowerCase();
    const search = query.search?.toLowerCase();
    const result: HubModelRecord[] = [];
    for (const record of candidates) {
      if (author !== undefined && (record.author ?? record.id.split("/")[0] ?? "").toLowerCase() !== author) continue;
      if (search !== undefined && !record.id.toLowerCase().includes(search)) continue;
      if (rest.some((filter) => !record.tags?.includes(filter))) continue;
      result.push(record);
    }
    return result;
  }
}
