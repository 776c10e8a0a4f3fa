// The database the command line uses without --db: built from the bundled snapshot on the first run (progress on
// stderr), reused on the next, and holding what importing the 13 original data files gives (and networkx finds there).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATA, EDGES_CSV, FAMILY_TREES, METADATA_CSV, runOracle } from "../oracle/run-oracle.js";
import {
  cliJson,
  importedDatabase,
  removeTemporaryFolders,
  runCli,
  temporaryFolder,
  type CliResult,
} from "./run-cli.js";

const BUNDLE = resolve(process.cwd(), "data");
const ORIGINAL_FOLDERS = ["lineage-top50k-textgen", "family-trees-2025-04"];

/** The original files, found by name in ../shared/data: the bundle gzips them one by one. */
function originalOf(bundled: string): string {
  const name = basename(bundled).replace(/\.gz$/, "");
  const found = ORIGINAL_FOLDERS.map((folder) => join(DATA, folder)).filter((folder) =>
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

beforeAll(() => {
  manifest = (JSON.parse(readFileSync(join(BUNDLE, "manifest.json"), "utf8")) as { files: { path: string }[] }).files;
  cache = temporaryFolder("hf-lineage-cache-");
  first = runCli(["stats", "--json"], { XDG_CACHE_HOME: cache });
  second = runCli(["stats", "--json"], { XDG_CACHE_HOME: cache });
});

afterAll(removeTemporaryFolders);

describe("the default database", () => {
  it("bundles the 13 original data files: the CSVs byte for byte, the family trees without their README texts", () => {
    expect(manifest).toHaveLength(13);
    const originals = [
      ...ORIGINAL_FOLDERS.flatMap((folder) => readdirSync(join(DATA, folder)).map((name) => join(DATA, folder, name))),
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
    expect(first.code).toBe(0);
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
    expect(second).toEqual({ code: 0, stdout: first.stdout, stderr: "" });
  });

  it("holds what importing the 13 original files into a new database gives", () => {
    const imported = importedDatabase(manifest.map((file) => originalOf(file.path)));
    expect(JSON.parse(first.stdout)).toEqual(cliJson(["stats", "--db", imported]));
  });

  it("has the figures the networkx oracle finds in the 13 original files", () => {
    expect(JSON.parse(first.stdout)).toEqual(
      runOracle({ edges: [EDGES_CSV], metadata: [METADATA_CSV], familyTrees: FAMILY_TREES }).stats,
    );
  });
});
