// An import killed with SIGKILL just as it creates a new database (the first milliseconds after the file
// appears): the database left behind opens, and importing again gives the rows of an uninterrupted import.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { startBuiltCli as startCli } from "../support/built-cli.js";
import { bundledText, EDGES_CSV } from "../support/bundled-data.js";
import { lineageRows } from "../support/lineage-table-rows.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-kill-create-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("import killed while the database is being created", () => {
  it("leaves a database that opens and resumes to the uninterrupted rows", async () => {
    // The first 3,000 real rows: two batches, so some kills also land in the first commits.
    const file = join(folder, "edges-3000.csv");
    writeFileSync(file, bundledText(EDGES_CSV).split("\r\n").slice(0, 3001).join("\r\n") + "\r\n");
    const reference = openStore(":memory:");
    await importFile(reference, file);
    const want = lineageRows(reference);

    const kills = 8;
    for (let run = 0; run < kills; run++) {
      const path = join(folder, `run-${run}.db`);
      const child = startCli(["import", file, "--db", path]);
      const exited = new Promise<void>((done) => child.on("exit", () => done()));
      let finished = false;
      void exited.then(() => (finished = true));
      while (!finished && !existsSync(path)) await sleep(1);
      // 0, 1, 2, ... 7 ms after the file appears: while the schema is written and the import starts.
      await sleep(run);
      child.kill("SIGKILL");
      await exited;
      const db = openStore(path);
      await importFile(db, file);
      expect(lineageRows(db), `killed ${run} ms after the database file appeared`).toEqual(want);
      db.close();
    }
  }, 120_000);
});
