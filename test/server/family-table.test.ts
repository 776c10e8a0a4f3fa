// GET /api/family-table on the bundled snapshot: every member of phi-2's family as a row, checked against the
// database read independently with a recursive SQL query (members, shortest depth) and plain SELECTs (facts, children).

import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import type { App } from "../../src/server/app.js";
import type { FamilyTableResponse } from "../../src/server/wire-types.js";
import { appOver, getJson, type ErrorBody } from "../support/app-requests.js";
import { fixtureLineage, fixturePath } from "../support/fixture-databases.js";

const PHI = "microsoft/phi-2";
let lineage: Lineage;
let app: App;
let db: Database.Database;

beforeAll(() => {
  lineage = fixtureLineage("bundle");
  app = appOver(lineage);
  db = new Database(fixturePath("bundle"), { readonly: true });
});

/** The family by SQL: each member with its shortest distance from the model, the model itself at 0. */
function sqlFamily(id: string, maxDepth = 50): Map<string, number> {
  const rows = db
    .prepare(
      `WITH RECURSIVE reach(id, depth) AS (SELECT ?, 0
         UNION SELECT e.child, r.depth + 1 FROM reach r JOIN edges e ON e.parent = r.id
         WHERE r.depth < ? AND e.child <> e.parent)
       SELECT id, min(depth) FROM reach GROUP BY id`,
    )
    .raw()
    .all(id, maxDepth) as [string, number][];
  return new Map(rows);
}

describe("GET /api/family-table", () => {
  it("lists every member of phi-2's family with its depth, nearest first, as SQL finds them", async () => {
    const { status, body } = await getJson<FamilyTableResponse>(app, `/api/family-table?q=${encodeURIComponent(PHI)}`);
    expect(status).toBe(200);
    expect(body.columns).toEqual([
      "id",
      "relation",
      "depth",
      "downloads",
      "likes",
      "created",
      "licence",
      "children",
      "descendants",
      "placeholder",
    ]);
    const expected = sqlFamily(PHI);
    expect(body.rows).toHaveLength(expected.size);
    expect(body.members).toBe(expected.size);
    expect(body.truncated).toBeNull();
    expect(new Map(body.rows.map((row) => [row[0], row[2]]))).toEqual(expected);
    const depths = body.rows.map((row) => row[2]);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(body.rows[0]![0]).toBe(PHI);
  });

  it("gives each row its record's counts, date and licence (null when unknown), children and descendants", async () => {
    const { body } = await getJson<FamilyTableResponse>(app, `/api/family-table?q=${encodeURIComponent(PHI)}`);
    const facts = db.prepare(`SELECT downloads, likes, created_at, license FROM models WHERE id = ?`);
    const children = db.prepare(`SELECT count(DISTINCT child) FROM edges WHERE parent = ? AND child <> parent`);
    let known = 0;
    for (const row of body.rows) {
      const [downloads, likes, created, licence] = facts.raw().get(row[0]) as unknown[];
      expect([row[3], row[4], row[5], row[6]]).toEqual([downloads, likes, created, licence]);
      expect(row[7]).toBe((children.raw().get(row[0]) as [number])[0]);
      expect(row[8]).toBe(sqlFamily(row[0]).size - 1);
      if (row[3] !== null) known += 1;
    }
    // The family-tree dump gives phi-2's tree full records; the rest of the family has no downloads: null, not 0.
    expect(known).toBeGreaterThan(0);
    expect(body.rows.some((row) => row[3] === null)).toBe(true);
  });

  it("keeps the nearest rows under maxRows and says how many it left out; limits depth", async () => {
    const all = sqlFamily(PHI);
    const { body } = await getJson<FamilyTableResponse>(
      app,
      `/api/family-table?q=${encodeURIComponent(PHI)}&maxRows=10`,
    );
    expect(body.rows).toHaveLength(10);
    expect(body.truncated).toEqual({ omittedRows: all.size - 10 });
    const { body: near } = await getJson<FamilyTableResponse>(
      app,
      `/api/family-table?q=${encodeURIComponent(PHI)}&depth=1`,
    );
    expect(near.rows).toHaveLength(sqlFamily(PHI, 1).size);
  });

  it("answers bad parameters with one clear line", async () => {
    const { status, body } = await getJson<ErrorBody>(app, `/api/family-table?q=${encodeURIComponent(PHI)}&maxRows=0`);
    expect(status).toBe(400);
    expect(body.error.message).toBe('parameter "maxRows" must be a whole number from 1 to 500000, got "0"');
  });
});
