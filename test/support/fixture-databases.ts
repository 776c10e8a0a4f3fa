// The real-snapshot databases the tests share, built once per run by global-setup.ts: which files each holds,
// where the run keeps them, and how a test opens one read-only or takes its own copy to write to.

import { copyFileSync, cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { loadLineage, type Lineage } from "./graphology-reference/lineage.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { ALL_DATA_FILES, EDGES_CSV, FAMILY_TREES, METADATA_CSV } from "./bundled-data.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of this run's fixture databases and oracle answers (removed when the run ends). */
    fixtureFolder: string;
  }
}

/** Each database holds exactly these files, imported in this order with importFile into a new database. */
export const SOURCE_SETS = {
  edges: [EDGES_CSV],
  "edges-and-metadata": [EDGES_CSV, METADATA_CSV],
  "family-trees": FAMILY_TREES,
  bundle: ALL_DATA_FILES,
} as const satisfies Record<string, readonly string[]>;

export type SourceSet = keyof typeof SOURCE_SETS;

/**
 * Every database has its lineage index built and stored, except the bundle's twin "bundle-without-metrics", which
 * is the bundle just as imported, for tests of what comes before the index and its metrics.
 */
export type FixtureName = SourceSet | "bundle-without-metrics";

export function fixtureFile(folder: string, name: FixtureName): string {
  return join(folder, `${name}.db`);
}

/** The path of a fixture database; open it read-only (openFixture) or copy it (copyOfFixture), never write it. */
export function fixturePath(name: FixtureName): string {
  return fixtureFile(inject("fixtureFolder"), name);
}

export function openFixture(name: FixtureName): Store {
  return openStore(fixturePath(name), { readonly: true });
}

/** The reference lineage of a fixture database, read-only: the whole graphology graph and its metrics. */
export function fixtureLineage(name: SourceSet): Lineage {
  return loadLineage(openFixture(name));
}

/** A private copy of a fixture database and its index files, free to write to, in `folder` (which the test removes). */
export function copyOfFixture(name: FixtureName, folder: string): string {
  const path = join(folder, `${name}-copy.db`);
  copyFileSync(fixturePath(name), path);
  const indexFiles = `${fixturePath(name)}-index`;
  if (existsSync(indexFiles)) cpSync(indexFiles, `${path}-index`, { recursive: true });
  return path;
}

/** The lineage of a private copy of a fixture database with more files imported into it (the reference lineage). */
export async function fixtureLineageWith(name: SourceSet, files: readonly string[], folder: string): Promise<Lineage> {
  const store = openStore(copyOfFixture(name, folder));
  for (const file of files) await importFile(store, file);
  return loadLineage(store);
}
