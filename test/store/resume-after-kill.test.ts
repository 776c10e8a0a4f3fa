// An import of the real 30K edge list killed with SIGKILL at several random moments from start to end, and run
// again each time, ends in the same models, edges and unresolved rows as one uninterrupted import.

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runBuiltCli as runCli, startBuiltCli as startCli } from "../support/built-cli.js";
import { EDGES_CSV } from "../support/bundled-data.js";
import { fixturePath } from "../support/fixture-databases.js";
import { lineageRowsOfFile } from "../support/lineage-table-rows.js";
import { seededRandom } from "../../tools/scale-model/seeded-random.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-resume-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** edges.csv has 30,383 data rows (data/README.md; `wc -l` gives 30,384 lines with the header). */
const ROWS = 30_383;

interface ImportState {
  status: string;
  position: number;
}

function importState(path: string): ImportState | null {
  if (!existsSync(path)) return null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (
        (db.prepare(`SELECT status, records_read AS position FROM runs ORDER BY id DESC LIMIT 1`).get() as
          ImportState | undefined) ?? null
      );
    } finally {
      db.close();
    }
  } catch {
    return null; // the schema is still being created
  }
}

describe("import killed with SIGKILL and run again", () => {
  it("ends with the rows of an uninterrupted import", async () => {
    // The uninterrupted import: the run's database of data/edges.csv.gz, imported whole by importFile.
    const reference = fixturePath("edges");

    const seed = Date.now() % 1_000_000;
    const next = seededRandom(seed);
    const killed = join(folder, "killed.db");
    // Kill once before any batch is committed, then after the run has committed at least these many records
    // (the default batch is 2,000 records, read and committed in about 100 ms: the whole file takes about 1.6 s of
    // CPU), each after a further random 0-200 ms, so kills land while a batch is read or committed.
    const targets = [0, 2_000, 6_000, 12_000, 18_000, 24_000, 28_000];
    const afterKills: ImportState[] = [];
    for (const target of targets) {
      const child = startCli(["import", EDGES_CSV, "--db", killed]);
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      let finished = false;
      void exited.then(() => (finished = true));
      const started = Date.now();
      if (target === 0) await sleep(100 + next() * 150);
      else
        while (!finished && (importState(killed)?.position ?? 0) < target && Date.now() - started < 60_000)
          await sleep(5);
      await sleep(next() * 200);
      child.kill("SIGKILL");
      await exited;
      const state = importState(killed);
      if (state !== null) afterKills.push(state);
    }
    const interrupted = afterKills.filter(
      (state) => state.status === "running" && state.position > 0 && state.position < ROWS,
    );
    // The kills must really have interrupted the import part-way, several times, or this test proves nothing.
    expect(
      interrupted.length,
      `seed ${seed}: states after each kill ${JSON.stringify(afterKills)}`,
    ).toBeGreaterThanOrEqual(4);
    // Each run resumes where the killed one stopped, so the committed position never goes back.
    const positions = afterKills.map((state) => state.position);
    expect(positions, `seed ${seed}`).toEqual([...positions].sort((a, b) => a - b));

    const last = runCli(["import", EDGES_CSV, "--db", killed]);
    expect(last.status, last.stderr).toBe(0);
    const lastPosition = afterKills.at(-1)?.position ?? 0;
    if (lastPosition < ROWS) expect(last.stdout).toContain(`resumed at record ${lastPosition.toLocaleString("en-US")}`);
    expect(importState(killed)).toEqual({ status: "complete", position: ROWS });

    const want = lineageRowsOfFile(reference);
    const got = lineageRowsOfFile(killed);
    // Compared table by table so a difference names its table; each must hold exactly the reference's rows.
    expect(got.models.length, `seed ${seed}`).toBe(want.models.length);
    expect(got.models, `seed ${seed}`).toEqual(want.models);
    expect(got.edges, `seed ${seed}`).toEqual(want.edges);
    expect(got.unresolved, `seed ${seed}`).toEqual(want.unresolved);
  }, 180_000);
});
