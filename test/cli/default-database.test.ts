// The database the command line uses without --db: built from the bundled snapshot on the first run (progress on
// stderr), reused on the next, and holding what importing the 13 data files gives (and networkx finds there). The
// bundle is checked against the original files in ../shared/data, so the other tests can read data/ alone.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuiltCli, type CliResult } from "../support/built-cli.js";
import { ALL_DATA_FILES } from "../support/bundled-data.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { inProcessCliJson, runCliInProcess } from "../support/in-process-cli.js";
import { runOracle } from "../support/oracle-cache.js";
import { ORACLE_QUESTIONS } from "../support/oracle-questions.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

const ORIGINAL_DATA = resolve(process.cwd(), "../shared/data");
const BUNDLE = resolve(process.cwd(), "data");
const ORIGINAL_FOLDERS = ["lineage-top50k-textgen", "family-trees-2025-04"];

/** The original files, found by name in ../shared/data: the bundle gzips them one by one. */
function originalOf(bundled: string): string {
  const name = basename(bundled).replace(/\.gz$/, "");
  const found = ORIGINAL_FOLDERS.map((folder) => join(ORIGINAL_DATA, folder)).filter((folder) =>
    readdirSync(folder).includes(name),
  );
  if (found.length !== 1)
    throw new Error(`test/cli: "${name}" is in ${found.length} of the original data folders, expected 1`);
  return join(found[0] as string, name);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let manifest: { path: string }[];
let cache: string;
let first: CliResult;
let second: CliResult;

beforeAll(async () => {
  manifest = (JSON.parse(readFileSync(join(BUNDLE, "manifest.json"), "utf8")) as { files: { path: string }[] }).files;
  cache = scratchFolder("hf-lineage-cache-");
  // The first run is the built file in a process of its own: it alone shows where $XDG_CACHE_HOME leads.
  first = runBuiltCli(["stats", "--json"], { env: { XDG_CACHE_HOME: cache } });
  // The next, in-process, is handed the folder src/cli.ts makes of $XDG_CACHE_HOME.
  second = await runCliInProcess(["stats", "--json"], { cacheDirectory: join(cache, "hf-lineage") });
});

afterAll(removeScratchFolders);

describe("the default database", () => {
  it("bundles the 13 original data files: the CSVs byte for byte, the family trees without their README texts", () => {
    expect(manifest).toHaveLength(13);
    const originals = [
      ...ORIGINAL_FOLDERS.flatMap((folder) =>
        readdirSync(join(ORIGINAL_DATA, folder)).map((name) => join(ORIGINAL_DATA, folder, name)),
      ),
    ].sort();
    expect(manifest.map((file) => originalOf(file.path)).sort()).toEqual(originals);
    for (const file of manifest) {
      const bundled = gunzipSync(readFileSync(join(BUNDLE, file.path)));
      const original = readFileSync(originalOf(file.path));
      if (file.path.endsWith(".csv.gz")) expect(sha256(bundled), file.path).toBe(sha256(original));
      else {
        // data/README.md: the `card` field (the README text, which no importer reads) is left out, nothing else.
        const dump = JSON.parse(original.toString("utf8")) as { models: Record<string, unknown>[] };
        for (const model of dump.models) delete model.card;
        expect(JSON.parse(bundled.toString("utf8")), file.path).toEqual(dump);
      }
    }
  });

  it("is built on the first run, telling stderr about each file, and kept in $XDG_CACHE_HOME/hf-lineage", () => {
    expect(first.status).toBe(0);
    const lines = first.stderr.trimEnd().split("\n");
    expect(
      lines[0]?.startsWith(
        `Building the bundled database (first run only) at ${join(cache, "hf-lineage", "bundled-")}`,
      ),
    ).toBe(true);
    expect(lines.slice(1).map((line) => line.slice(0, line.indexOf(":")).trim())).toEqual(
      manifest.map((file) => file.path),
    );
    expect(readdirSync(join(cache, "hf-lineage")).filter((name) => name.endsWith(".db"))).toHaveLength(1);
  });

  it("is reused on the next run, silently and with the same figures", () => {
    expect(second).toEqual({ status: 0, stdout: first.stdout, stderr: "" });
  });

  it("holds what importing the 13 files into a new database gives", async () => {
    // The shared fixture "bundle" is that import, of the files in data/ in the order of the manifest; the first
    // test shows they are the original files (the README texts aside, which no importer reads).
    expect(manifest.map((file) => join(BUNDLE, file.path))).toEqual(ALL_DATA_FILES);
    const imported = copyOfFixture("bundle", scratchFolder());
    expect(JSON.parse(first.stdout)).toEqual(await inProcessCliJson(["stats", "--db", imported]));
  });

  it("has the figures the networkx oracle finds in the 13 files", () => {
    // The oracle reads the same files as the fixture "bundle"; its headline figures do not depend on the questions.
    expect(JSON.parse(first.stdout)).toEqual(runOracle(ORACLE_QUESTIONS.bundle).stats);
  });
});
