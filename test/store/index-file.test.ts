// The lineage index's large sections kept in one file beside the database: read back equal to a new build, rebuilt
// when the file is missing or cut, the previous file kept for a reader still reading it, older ones removed, and
// every section kept in the database when no file can be written beside it.

import { copyFileSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computeIndexMetrics } from "../../src/graph/index-metrics.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { buildLineageIndex } from "../../src/graph/lineage-index.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { storedIndexVersion } from "../../src/store/index-sections.js";
import { dataVersion, openStore, StoreError, type Store } from "../../src/store/open-store.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(() => removeScratchFolders());

/** The sections the database holds for its stored index, by name, with their sizes. */
function storedRows(store: Store): Map<string, number> {
  const rows = connectionOf(store).prepare(`SELECT section, length(bytes) FROM lineage_index`).raw().all() as [
    string,
    number,
  ][];
  return new Map(rows);
}

/** Marks the data as changed, as any write does, so the next open builds a new index. */
function touchData(store: Store): void {
  connectionOf(store).prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'`).run();
}

function expectIndexOfData(store: Store): void {
  const lineage = openIndexedLineage(store);
  const built = buildLineageIndex(store);
  expect(lineage.index).toEqual(built);
  expect(lineage.metrics).toEqual(computeIndexMetrics(built));
}

describe("the lineage index file beside the database", () => {
  it("holds the large sections, named by the data version, and is read back equal to a new build", () => {
    const path = copyOfFixture("edges", scratchFolder());
    const store = openStore(path);
    const files = readdirSync(`${path}-index`);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${dataVersion(store)}-[0-9a-f]{12}\\.lineage$`));
    const rows = storedRows(store);
    // The arrays (one entry per model or edge) are in the file; the database keeps the small JSON sections.
    expect(rows.has("children")).toBe(false);
    expect(rows.has("metrics.pagerank")).toBe(false);
    expect(rows.has("header")).toBe(true);
    expect(rows.has("file")).toBe(true);
    for (const [name, length] of rows) if (name !== "file") expect(length, name).toBeLessThanOrEqual(64 * 1024);
    const manifest = JSON.parse(
      (
        connectionOf(store).prepare(`SELECT bytes FROM lineage_index WHERE section = 'file'`).pluck().get() as Buffer
      ).toString("utf8"),
    ) as { name: string; length: number; sections: Record<string, [number, number]> };
    expect(statSync(join(`${path}-index`, manifest.name)).size).toBe(manifest.length);
    // Each section starts on 8 bytes (typed arrays are views without a copy) and sections do not overlap.
    const ranges = Object.values(manifest.sections).sort((a, b) => a[0] - b[0]);
    ranges.forEach(([offset, length], i) => {
      expect(offset % 8).toBe(0);
      if (i > 0) expect(offset).toBeGreaterThanOrEqual(ranges[i - 1]![0] + ranges[i - 1]![1]);
      expect(offset + length).toBeLessThanOrEqual(manifest.length);
    });
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    expectIndexOfData(store);
    store.close();
  });

  it("is built again when the database was copied without it, or the file was cut", () => {
    const folder = scratchFolder();
    const original = copyOfFixture("edges", folder);
    const alone = join(folder, "alone.db");
    copyFileSync(original, alone);
    const store = openStore(alone);
    expect(storedIndexVersion(store)).toBeNull();
    expectIndexOfData(store);
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    expect(readdirSync(`${alone}-index`)).toHaveLength(1);

    const [file] = readdirSync(`${alone}-index`);
    const filePath = join(`${alone}-index`, file!);
    truncateSync(filePath, statSync(filePath).size - 1);
    expect(storedIndexVersion(store)).toBeNull();
    expectIndexOfData(store);
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    store.close();
  });

  it("keeps the previous file for a reader still reading it, and removes the older ones", () => {
    const path = copyOfFixture("edges", scratchFolder());
    const store = openStore(path);
    const reader = openStore(path, { readonly: true });
    const first = openIndexedLineage(reader);
    const firstFile = readdirSync(`${path}-index`)[0];
    touchData(store);
    const second = openIndexedLineage(store);
    expect(readdirSync(`${path}-index`).sort()).toEqual(
      [firstFile, ...readdirSync(`${path}-index`).filter((name) => name !== firstFile)].sort(),
    );
    expect(readdirSync(`${path}-index`)).toHaveLength(2);
    // The first reader's arrays are read only now, after a newer index replaced it: from the previous file.
    expect(first.index.children).toEqual(second.index.children);
    touchData(store);
    openIndexedLineage(store);
    const files = readdirSync(`${path}-index`);
    expect(files).toHaveLength(2);
    expect(files).not.toContain(firstFile);
    // Two indexes later, what the first reader had not read yet is gone: it is told to run again.
    expect(() => first.metrics.pagerank).toThrow(StoreError);
    reader.close();
    store.close();
  });

  it("keeps every section in the database when no file can be written beside it", () => {
    const folder = scratchFolder();
    const path = copyOfFixture("bundle-without-metrics", folder);
    // A plain file where the index directory would be: the directory cannot be made.
    writeFileSync(`${path}-index`, "not a directory");
    const store = openStore(path);
    expectIndexOfData(store);
    const rows = storedRows(store);
    expect(rows.has("file")).toBe(false);
    expect(rows.has("children")).toBe(true);
    expect(storedIndexVersion(store)).toBe(dataVersion(store));
    // Read back from the database alone, equal to a new build.
    const again = openStore(path, { readonly: true });
    expect(openIndexedLineage(again).index).toEqual(buildLineageIndex(again));
    again.close();
    store.close();
  });
});
