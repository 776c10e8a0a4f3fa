// The database every command uses when no --db is given: built from the bundled snapshot in data/ on first
// use (resumable: an interrupted build continues), kept in the cache directory, and reused until the bundle changes.
// One process builds it at a time: another started meanwhile waits for the build and then reads it.

import { createHash } from "node:crypto";
import { INGEST_REVISION } from "../ingest/normalize-base-model.js";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { openStore, StoreError, type Store } from "../store/open-store.js";
import { SCHEMA_VERSION } from "../store/schema.js";
import { importFile } from "./import-file.js";
import { formatCount } from "../vocabulary/count-text.js";

export interface DefaultStoreOptions {
  /** The folder holding manifest.json and the bundled files. */
  dataDirectory: string;
  /** Where built databases are kept. */
  cacheDirectory: string;
  /** Told what is happening while the database is built (once per bundle). */
  onProgress?: (message: string) => void;
}

interface Manifest {
  files: { path: string; sha256: string }[];
}

function readManifest(dataDirectory: string): { manifest: Manifest; hash: string } {
  const path = join(dataDirectory, "manifest.json");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new StoreError(
      `store: the bundled snapshot is missing ("${path}": ${(error as Error).message}); pass --db PATH`,
    );
  }
  const hash = createHash("sha256")
    .update(text)
    .update(`schema ${SCHEMA_VERSION}`)
    .update(`ingest ${INGEST_REVISION}`)
    .digest("hex")
    .slice(0, 16);
  return { manifest: JSON.parse(text) as Manifest, hash };
}

/** Where the database for the current bundle lives (whether or not it is built yet). */
export function defaultStorePath(options: DefaultStoreOptions): string {
  return join(options.cacheDirectory, `bundled-${readManifest(options.dataDirectory).hash}.db`);
}

/** Whether a process with this id runs (a signal 0 is sent to it: nothing is done to the process). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}

/**
 * Takes the build lock: a file holding this process's id, created only if absent. A lock whose process no longer
 * runs (a build killed part-way) is taken over. Returns false while another process holds it.
 */
function takeBuildLock(lockPath: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(lockPath, "utf8"));
    } catch {
      continue; // released meanwhile: try again
    }
    // A lock being written may still be empty (read as 0): its holder runs. Text that is no process id is no lock
    // this code wrote, and is taken over like a dead holder's.
    if (holder === 0 || (Number.isInteger(holder) && holder > 0 && isRunning(holder))) return false;
    rmSync(lockPath, { force: true });
  }
  return false;
}

/** How often a process waiting for another's build looks again. */
const WAIT_STEP_MS = 200;

export async function openDefaultStore(options: DefaultStoreOptions): Promise<Store> {
  const { manifest, hash } = readManifest(options.dataDirectory);
  const finalPath = join(options.cacheDirectory, `bundled-${hash}.db`);
  if (existsSync(finalPath)) return openStore(finalPath);
  mkdirSync(options.cacheDirectory, { recursive: true });
  const report = options.onProgress ?? (() => {});
  const lockPath = `${finalPath}.lock`;
  let waiting = false;
  while (!takeBuildLock(lockPath)) {
    if (existsSync(finalPath)) return openStore(finalPath);
    if (!waiting) report(`Waiting for another hf-lineage process to build the bundled database at ${finalPath}\n`);
    waiting = true;
    await sleep(WAIT_STEP_MS);
  }
  try {
    // Built by the process that held the lock before this one.
    if (existsSync(finalPath)) return openStore(finalPath);
    await buildDefaultStore(options.dataDirectory, manifest, finalPath, report);
  } finally {
    rmSync(lockPath, { force: true });
  }
  return openStore(finalPath);
}

async function buildDefaultStore(
  dataDirectory: string,
  manifest: Manifest,
  finalPath: string,
  report: (message: string) => void,
): Promise<void> {
  const buildingPath = `${finalPath}.building`;
  report(`Building the bundled database (first run only) at ${finalPath}\n`);
  const store = openStore(buildingPath);
  try {
    for (const file of manifest.files) {
      const started = Date.now();
      const summary = await importFile(store, join(dataDirectory, file.path));
      const note =
        summary.status === "already-imported"
          ? "already imported"
          : `${formatCount(summary.records)} records, ${summary.skipped} skipped`;
      report(`  ${file.path}: ${note} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    }
  } finally {
    store.close();
  }
  renameSync(buildingPath, finalPath);
}
