// The licence codes kept with the lineage index against SQL over the same database: on the whole bundled snapshot
// (stored with its index by the test setup), every model's code names the licence a SQL expression of the rule gives
// (the card's licence; the licence name for `other`; `none` for a record declaring none; `unknown` without one).

import { describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { readLicenceCodes } from "../../src/graph/index-licence-codes.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { transaction } from "../../src/store/transaction.js";
import { openFixture } from "../support/fixture-databases.js";

/**
 * Each model's declared licence by SQL: the details are consulted only where the licence is absent or `other` (a
 * stored licence came from a record, so it says a record was read).
 */
const DECLARED_BY_SQL = `
  SELECT m.node, CASE
    WHEN m.license IS NULL AND d.node IS NULL THEN 'unknown'
    WHEN m.license IS NOT NULL AND lower(trim(m.license)) <> 'other' AND trim(m.license) <> ''
      THEN lower(trim(m.license))
    WHEN m.license IS NOT NULL AND lower(trim(m.license)) <> 'other' THEN 'none'
    WHEN d.license_name IS NOT NULL AND d.license_name <> '' THEN lower(trim(d.license_name))
    WHEN m.license IS NOT NULL THEN 'other'
    ELSE 'none' END
  FROM models m LEFT JOIN model_details d ON d.node = m.node ORDER BY m.node`;

describe("the licence codes of the lineage index", () => {
  const store = openFixture("bundle");
  const lineage = openIndexedLineage(store);
  const { code, names } = lineage.licences;
  const expected = connectionOf(store).prepare(DECLARED_BY_SQL).raw().all() as [number, string][];

  it("give every model of the bundled snapshot the licence SQL reads for it", () => {
    expect(code.length).toBe(lineage.index.size);
    const actual = expected.map(([node]) => [node, names[code[node] as number]]);
    expect(actual).toEqual(expected);
  });

  it("name each licence once, sorted, with no name no model holds but unknown", () => {
    expect(names).toEqual([...new Set([...expected.map(([, licence]) => licence), "unknown"])].sort());
    // By hand: the gemma family's root declares the Gemma terms; a model known only from the edge list has no record.
    const licenceOf = (id: string) => {
      const node = connectionOf(store).prepare(`SELECT node FROM models WHERE id = ?`).pluck().get(id) as number;
      return names[code[node] as number];
    };
    expect(licenceOf("google/gemma-7b")).toBe("gemma");
    expect(names.length).toBeGreaterThan(20);
  });

  it("are what the stored index holds: read again from every model, the same codes", () => {
    const read = transaction(store, () => readLicenceCodes(store, lineage.index));
    expect(read.names).toEqual(names);
    expect(read.code).toEqual(code);
  });
});
