// Imports the real 30K lineage edge list: its 30,383 data rows (counted in the data README) are each either stored
// or reported as skipped, and a second import of the same file changes nothing.
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { EDGES_CSV as EDGES } from "../support/bundled-data.js";

describe("importFile on the real edge list", () => {
  it("stores every valid row once and skips nothing on a second import", async () => {
    const db = openStore(":memory:");
    const first = await importFile(db, EDGES);
    expect(first.format).toBe("edges-csv");
    expect(first.records + first.skipped).toBe(30383);
    const edges = (connectionOf(db).prepare("SELECT count(*) AS n FROM edges").get() as { n: number }).n;
    expect(edges).toBe(first.records);
    const second = await importFile(db, EDGES);
    expect(second.status).toBe("already-imported");
    expect((connectionOf(db).prepare("SELECT count(*) AS n FROM edges").get() as { n: number }).n).toBe(edges);
  });
});
