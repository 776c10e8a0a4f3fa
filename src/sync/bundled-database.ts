// The database every command uses when no --db is given: built from the bundled snapshot in data/ on first
// use (resumable: an interrupted build continues), kept in the cache directory, and reused until the bundle changes.

import { createHash } from "node:crypto";
import { INGEST_REVISION } from "../ingest/normalize-base-model.js";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
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

export async function openDefaultStore(options: DefaultStoreOptions): Promise<Store> {
  const { manifest, hash } = readManifest(options.dataDirectory);
  const finalPath = join(options.cacheDirectory, `bundled-${hash}.db`);
  if (existsSync(finalPath)) return openStore(finalPath);
  mkdirSync(options.cacheDirectory, { recursive: true });
  const buildingPath = `${finalPath}.building`;
  const report = options.onProgress ?? (() => {});
  report(`Building the bundled database (first run only) at ${finalPath}\n`);
  const store = openStore(buildingPath);
  try {
    for (const file of manifest.files) {
      const started = Date.now();
      const summary = await importFile(store, join(options.dataDirectory, file.path));
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
  return openStore(finalPath);
}
