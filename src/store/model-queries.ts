// Looking models up: by id in any letter case, an org's own models, every id (for suggestions), and one model's
// stored record as the API shows it.

import { connectionOf, type Store } from "./database-handle.js";

/** The ids equal to `text` but for letter case, sorted. */
export function modelIdsIgnoringCase(store: Store, text: string): string[] {
  return connectionOf(store)
    .prepare(`SELECT id FROM models WHERE id = ? COLLATE NOCASE ORDER BY id`)
    .pluck()
    .all(text) as string[];
}

/**
 * The ids of an org's own models (`ORG/...`, any case of ORG), sorted. A range on the case-insensitive index
 * (`ORG/` up to `ORG0`, "0" following "/"), which LIKE with an escape for `_` could not use.
 */
export function orgModelIds(store: Store, org: string): string[] {
  return connectionOf(store)
    .prepare(`SELECT id FROM models WHERE id >= ? COLLATE NOCASE AND id < ? COLLATE NOCASE ORDER BY id`)
    .pluck()
    .all(`${org}/`, `${org}0`) as string[];
}

/** `text` for LIKE, with LIKE's own characters escaped by a backslash. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** `%text%` for LIKE. */
function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}

/** The node numbers and ids of an org's own models (as orgModelIds finds them), in node order. */
export function orgModelNodes(store: Store, org: string): [number, string][] {
  return connectionOf(store)
    .prepare(`SELECT node, id FROM models WHERE id >= ? COLLATE NOCASE AND id < ? COLLATE NOCASE ORDER BY node`)
    .raw()
    .all(`${org}/`, `${org}0`) as [number, string][];
}

/** Lengths an id (or, with `orgs`, its org) must fall within to be worth measuring. */
export interface LengthWindow {
  min: number;
  max: number;
  orgs: boolean;
}

/**
 * The ids that contain at least one of `pieces` and whose length (or, with `window.orgs`, whose org's length) is
 * within `window`, or whose name (the part after the org) is `name`: both compared without case (ASCII letters only,
 * as SQLite's LIKE does; ids are ASCII). Matched inside SQLite, the cheap length test first: only candidates reach
 * JavaScript.
 */
export function* modelIdsContainingAny(
  store: Store,
  pieces: readonly string[],
  name: string,
  window: LengthWindow,
): Generator<string> {
  const contains = pieces.map((_piece, i) => `id LIKE @piece${i} ESCAPE '\\'`).join(" OR ");
  const orgLength = window.orgs ? ` OR instr(id, '/') - 1 BETWEEN @min AND @max` : "";
  const named = Object.fromEntries(pieces.map((piece, i) => [`piece${i}`, containsPattern(piece)]));
  yield* connectionOf(store)
    .prepare(
      `SELECT id FROM models WHERE ((length(id) BETWEEN @min AND @max${orgLength}) AND (${contains}))
         OR id LIKE @name ESCAPE '\\' OR id LIKE @whole ESCAPE '\\'`,
    )
    .pluck()
    .iterate({
      ...named,
      min: window.min,
      max: window.max,
      name: `%/${likeLiteral(name)}`,
      // An id without an org is all name.
      whole: likeLiteral(name),
    }) as Iterable<string>;
}

/**
 * The node and id of the `limit` models whose id contains `text` (without case, ASCII letters only), best first by
 * each of `rankBy` in turn (highest first, null last; called inside SQLite for each match), ties by id.
 */
export function modelsContaining(
  store: Store,
  text: string,
  limit: number,
  rankBy: readonly ((node: number) => number | null)[],
): [number, string][] {
  const db = connectionOf(store);
  rankBy.forEach((rank, position) =>
    db.function(`rank_${position}`, { directOnly: true }, (node: number) => rank(node)),
  );
  const order = rankBy.map((_rank, position) => `rank_${position}(node) DESC`);
  return db
    .prepare(`SELECT node, id FROM models WHERE id LIKE ? ESCAPE '\\' ORDER BY ${[...order, "id"].join(", ")} LIMIT ?`)
    .raw()
    .all(containsPattern(text), limit) as [number, string][];
}

export interface OrgMatch {
  /** The org's name in lower case, and as its first model (in id order) spells it. */
  lower: string;
  spelled: string;
  /** The sum of `weight` over the org's models, and of their known downloads (null when none is known). */
  weight: number;
  downloads: number | null;
}

/** The orgs whose name contains `text` (without case, ASCII letters only), heaviest first by `weight` of models. */
export function orgsContaining(store: Store, text: string, weight: (node: number) => number): OrgMatch[] {
  const db = connectionOf(store);
  db.function("org_weight", { directOnly: true }, (node: number) => weight(node));
  return db
    .prepare(
      `SELECT lower(org) AS lower, min(org) AS spelled, sum(org_weight(node)) AS weight,
              sum(downloads) AS downloads
       FROM (SELECT node, downloads, substr(id, 1, instr(id, '/') - 1) AS org FROM models WHERE instr(id, '/') > 1)
       WHERE org LIKE ? ESCAPE '\\' GROUP BY lower(org) ORDER BY weight DESC, lower`,
    )
    .all(containsPattern(text)) as OrgMatch[];
}

/** How many models name themselves as a base. */
export function countSelfLoopModels(store: Store): number {
  return Number(
    connectionOf(store).prepare(`SELECT count(DISTINCT child) FROM edges WHERE child = parent`).pluck().get(),
  );
}

export interface ModelRecordRow {
  id: string;
  author: string | null;
  created_at: string | null;
  last_modified: string | null;
  downloads: number | null;
  likes: number | null;
  license: string | null;
  pipeline_tag: string | null;
  library_name: string | null;
  gated: string | null;
  placeholder: number;
}

/** The stored record of the model with exactly this id, or undefined. */
export function modelRecord(store: Store, id: string): ModelRecordRow | undefined {
  return connectionOf(store)
    .prepare(
      `SELECT id, author, created_at, last_modified, downloads, likes, license, pipeline_tag, library_name, gated,
              placeholder FROM models WHERE id = ?`,
    )
    .get(id) as ModelRecordRow | undefined;
}

/** Every model's node number and id, in node order. */
export function* modelNodes(store: Store): Generator<[number, string]> {
  yield* connectionOf(store).prepare(`SELECT node, id FROM models ORDER BY node`).raw().iterate() as Iterable<
    [number, string]
  >;
}

const LOOKUP_BATCH = 500;

/** The node numbers of these ids (ids with no model left out). */
export function nodesOfIds(store: Store, ids: readonly string[]): Map<string, number> {
  const db = connectionOf(store);
  const result = new Map<string, number>();
  for (let start = 0; start < ids.length; start += LOOKUP_BATCH) {
    const batch = ids.slice(start, start + LOOKUP_BATCH);
    const rows = db
      .prepare(`SELECT id, node FROM models WHERE id IN (${batch.map(() => "?").join(",")})`)
      .raw()
      .all(...batch) as [string, number][];
    for (const [id, node] of rows) result.set(id, node);
  }
  return result;
}

/** The ids of these node numbers (numbers with no model left out). */
export function idsOfNodes(store: Store, nodes: Iterable<number>): Map<number, string> {
  const db = connectionOf(store);
  const all = [...nodes];
  const result = new Map<number, string>();
  for (let start = 0; start < all.length; start += LOOKUP_BATCH) {
    const batch = all.slice(start, start + LOOKUP_BATCH);
    const rows = db
      .prepare(`SELECT node, id FROM models WHERE node IN (${batch.map(() => "?").join(",")})`)
      .raw()
      .all(...batch) as [number, string][];
    for (const [node, id] of rows) result.set(node, id);
  }
  return result;
}

/** The id and stored creation date of these node numbers (numbers with no model left out). */
export function creationOfNodes(
  store: Store,
  nodes: Iterable<number>,
): Map<number, { id: string; createdAt: string | null }> {
  const db = connectionOf(store);
  const all = [...nodes];
  const result = new Map<number, { id: string; createdAt: string | null }>();
  for (let start = 0; start < all.length; start += LOOKUP_BATCH) {
    const batch = all.slice(start, start + LOOKUP_BATCH);
    const rows = db
      .prepare(`SELECT node, id, created_at FROM models WHERE node IN (${batch.map(() => "?").join(",")})`)
      .raw()
      .all(...batch) as [number, string, string | null][];
    for (const [node, id, createdAt] of rows) result.set(node, { id, createdAt });
  }
  return result;
}

export interface ModelSummaryRow {
  node: number;
  id: string;
  author: string | null;
  downloads: number | null;
  likes: number | null;
  created_at: string | null;
}

/** What a drawn or exported family needs of each of these models (numbers with no model left out). */
export function modelSummaries(store: Store, nodes: Iterable<number>): ModelSummaryRow[] {
  const db = connectionOf(store);
  const all = [...nodes];
  const rows: ModelSummaryRow[] = [];
  for (let start = 0; start < all.length; start += LOOKUP_BATCH) {
    const batch = all.slice(start, start + LOOKUP_BATCH);
    const found = db
      .prepare(
        `SELECT node, id, author, downloads, likes, created_at FROM models
         WHERE node IN (${batch.map(() => "?").join(",")})`,
      )
      .all(...batch) as ModelSummaryRow[];
    rows.push(...found);
  }
  return rows;
}
