// Loads the records a stand-in for the Hub serves: family-tree dumps and Hub JSON/JSONL files, turned into the
// Hub's own record shape (tags with `base_model:` links, cardData), one record per id (the first one read wins).

import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { HubModelRecord } from "../../src/hub/api-types.js";
import { readFamilyTreeEntry } from "../../src/ingest/family-tree-record.js";
import { detectFormat } from "../../src/ingest/import-formats.js";
import { openText, peekText, readAllText, SourceFileError } from "../../src/ingest/source-file.js";
import { isModelId } from "../../src/vocabulary/model-id.js";
import { createInterface } from "node:readline";

/** A Mongo-style `_id` (24 hex digits) derived from the model id, for records that carry none. */
export function syntheticObjectId(id: string): string {
  return createHash("sha1").update(id).digest("hex").slice(0, 24);
}

function filesOf(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => /\.(json|jsonl|ndjson)(\.gz)?$/.test(name))
    .sort()
    .map((name) => join(path, name));
}

async function* familyTreeRecords(path: string): AsyncGenerator<unknown> {
  const parsed = JSON.parse(await readAllText(path)) as { models?: unknown };
  if (!Array.isArray(parsed.models)) throw new SourceFileError(`hub stand-in: "${path}" is not a family-tree dump`);
  for (const entry of parsed.models) {
    try {
      const tree = readFamilyTreeEntry(entry);
      if (tree.record !== null) yield tree.record;
    } catch {
      // an entry without a usable id has no record to serve
    }
  }
}

async function* hubJsonRecords(path: string): AsyncGenerator<unknown> {
  if ((await peekText(path, 64)).trimStart().startsWith("[")) {
    yield* JSON.parse(await readAllText(path)) as unknown[];
    return;
  }
  for await (const line of createInterface({ input: openText(path), crlfDelay: Infinity })) {
    if (line.trim().length > 0) yield JSON.parse(line);
  }
}

function asRecord(value: unknown): HubModelRecord | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const record = value as HubModelRecord;
  if (typeof record.id !== "string" || !isModelId(record.id)) return null;
  return {
    ...record,
    _id: typeof record._id === "string" ? record._id : syntheticObjectId(record.id),
    private: record.private ?? false,
    tags: Array.isArray(record.tags) ? record.tags : [],
  };
}

/** Every record in the given files and folders (folders: their .json/.jsonl files in name order). */
export async function loadRecordedRecords(paths: readonly string[]): Promise<HubModelRecord[]> {
  const byId = new Map<string, HubModelRecord>();
  for (const file of paths.flatMap(filesOf)) {
    const format = await detectFormat(file);
    if (format !== "family-trees" && format !== "hub-json")
      throw new SourceFileError(`hub stand-in: "${file}" holds ${format}, not model records`);
    const values = format === "family-trees" ? familyTreeRecords(file) : hubJsonRecords(file);
    for await (const value of values) {
      const record = asRecord(value);
      if (record !== null && !byId.has(record.id)) byId.set(record.id, record);
    }
  }
  return [...byId.values()];
}
