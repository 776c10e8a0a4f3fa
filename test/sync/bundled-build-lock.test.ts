// The bundled database is built by one process at a time: another asking for it meanwhile waits and then reads the
// same database, and a lock left by a build that was killed is taken over. Built here from a one-edge bundle.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { defaultStorePath, openDefaultStore, type DefaultStoreOptions } from "../../src/sync/bundled-database.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

/** A bundle of one edge list (a/b → c/d): two models once built. */
function oneEdgeBundle(): string {
  const data = scratchFolder();
  writeFileSync(join(data, "edges.csv"), "child,parent\na/b,c/d\n");
  writeFileSync(join(data, "manifest.json"), JSON.stringify({ files: [{ path: "edges.csv", sha256: "-" }] }));
  return data;
}

const modelIds = (store: Awaited<ReturnType<typeof openDefaultStore>>) =>
  connectionOf(store).prepare("SELECT id FROM models ORDER BY id").pluck().all();

it("builds once while a second request waits for it, then both read the same database", async () => {
  const dataDirectory = oneEdgeBundle();
  const cacheDirectory = join(scratchFolder(), "cache");
  const told: string[][] = [[], []];
  const options = (who: 0 | 1): DefaultStoreOptions => ({
    dataDirectory,
    cacheDirectory,
    // Without the folder and the time taken, which vary from run to run.
    onProgress: (message) =>
      told[who]!.push(
        message
          .split(" at ")[0]!
          .trim()
          .replace(/ \(\d+\.\d s\)$/, ""),
      ),
  });
  const stores = await Promise.all([openDefaultStore(options(0)), openDefaultStore(options(1))]);
  expect(stores.map(modelIds)).toEqual([
    ["a/b", "c/d"],
    ["a/b", "c/d"],
  ]);
  expect(told[0]).toEqual(["Building the bundled database (first run only)", "edges.csv: 1 records, 0 skipped"]);
  expect(told[1]).toEqual(["Waiting for another hf-lineage process to build the bundled database"]);
  for (const store of stores) store.close();
  // Only the database is left: no lock, no half-built copy.
  expect(readdirSync(cacheDirectory).filter((name) => !/\.db(-wal|-shm|-index)?$/.test(name))).toEqual([]);
});

it.each([
  ["whose process no longer runs", () => String(spawnSync(process.execPath, ["-e", ""]).pid)],
  ["that holds no process id", () => "not a process id"],
])("takes over a build lock %s", async (_case, holder) => {
  const dataDirectory = oneEdgeBundle();
  const cacheDirectory = join(scratchFolder(), "cache");
  mkdirSync(cacheDirectory);
  const lockPath = `${defaultStorePath({ dataDirectory, cacheDirectory })}.lock`;
  writeFileSync(lockPath, holder());
  const store = await openDefaultStore({ dataDirectory, cacheDirectory });
  expect(modelIds(store)).toEqual(["a/b", "c/d"]);
  store.close();
  expect(existsSync(lockPath)).toBe(false);
});
