// Once per test run: builds the shared real-snapshot databases (fixture-databases.ts) from data/ into a temporary
// folder, starts the common oracle questions in the background, and removes the folder when the run ends.

import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { refreshIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { openStore } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { EDGES_CSV, FAMILY_TREES, METADATA_CSV } from "./bundled-data.js";
import { fixtureFile, type FixtureName, type SourceSet } from "./fixture-databases.js";
import { runOracleInBackground } from "./oracle-cache.js";
import { ORACLE_QUESTIONS } from "./oracle-questions.js";

async function importInto(path: string, files: readonly string[]): Promise<void> {
  const store = openStore(path);
  try {
    for (const file of files) await importFile(store, file);
  } finally {
    store.close();
  }
}

function storeIndex(path: string): void {
  const store = openStore(path);
  try {
    refreshIndexedLineage(store);
  } finally {
    store.close();
  }
}

/**
 * Each database holds what importing its files in order into a new database gives. A longer set continues from
 * a copy of the shorter one it starts with (the same imports in the same order, done once).
 */
async function buildFixtureDatabases(folder: string): Promise<void> {
  const file = (name: FixtureName) => fixtureFile(folder, name);
  await importInto(file("edges"), [EDGES_CSV]);
  copyFileSync(file("edges"), file("edges-and-metadata"));
  await importInto(file("edges-and-metadata"), [METADATA_CSV]);
  copyFileSync(file("edges-and-metadata"), file("bundle-without-metrics"));
  await importInto(file("bundle-without-metrics"), FAMILY_TREES);
  copyFileSync(file("bundle-without-metrics"), file("bundle"));
  await importInto(file("family-trees"), FAMILY_TREES);
  for (const name of ["edges", "edges-and-metadata", "family-trees", "bundle"] as const) storeIndex(file(name));
}

/** Longest first, one at a time: a test that needs an answer not yet started computes it itself meanwhile. */
const ORACLE_ORDER: SourceSet[] = ["bundle", "edges-and-metadata", "family-trees", "edges"];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), "hf-lineage-fixtures-"));
  project.provide("fixtureFolder", folder);
  const stop = new AbortController();
  const oracles = (async () => {
    for (const set of ORACLE_ORDER) await runOracleInBackground(folder, ORACLE_QUESTIONS[set], stop.signal);
  })();
  const teardown = async () => {
    stop.abort();
    await oracles;
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await buildFixtureDatabases(folder);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
