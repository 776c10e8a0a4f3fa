// The oracle's answers shared within one test run: keyed by what the oracle reads (the content of each input
// file, so a gzipped copy and its original share one answer) and the questions asked, kept in the fixture folder.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { inject } from "vitest";
import { EDGES_CSV } from "./bundled-data.js";
import { findPython, oracleArguments, runOracleNow, type OracleOptions, type OracleResult } from "./run-oracle.js";

/** How long a test waits for an answer another process is computing before it gives up. */
const WAIT_LIMIT_MS = 10 * 60_000;

function contentHash(path: string): string {
  const bytes = readFileSync(path);
  return createHash("sha256")
    .update(path.endsWith(".gz") ? gunzipSync(bytes) : bytes)
    .digest("hex");
}

/** The same key for the same inputs and questions, wherever the input files are and however they are packed. */
export function oracleKey(options: OracleOptions): string {
  const noSource = options.edges === undefined && options.metadata === undefined && options.familyTrees === undefined;
  const question = {
    edges: (options.edges ?? (noSource ? [EDGES_CSV] : [])).map(contentHash),
    metadata: (options.metadata ?? []).map(contentHash),
    familyTrees: (options.familyTrees ?? []).map(contentHash),
    families: options.families ?? [],
    ancestors: options.ancestors ?? [],
    top: options.top ?? null,
    perModel: options.perModel === true,
  };
  return createHash("sha256").update(JSON.stringify(question)).digest("hex").slice(0, 32);
}

interface CacheFiles {
  answer: string;
  running: string;
  failed: string;
}

function cacheFiles(folder: string, key: string): CacheFiles {
  const oracleFolder = join(folder, "oracle");
  mkdirSync(oracleFolder, { recursive: true });
  const file = (suffix: string) => join(oracleFolder, `${key}.${suffix}`);
  return { answer: file("json"), running: file("running"), failed: file("failed") };
}

/** Takes the right to compute an answer: false when another process holds it. */
function claim(files: CacheFiles): boolean {
  try {
    closeSync(openSync(files.running, "wx"));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function store(files: CacheFiles, text: string): void {
  writeFileSync(`${files.answer}.part`, text);
  renameSync(`${files.answer}.part`, files.answer);
  rmSync(files.running, { force: true });
}

function fail(files: CacheFiles, message: string): void {
  writeFileSync(files.failed, message);
  rmSync(files.running, { force: true });
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The oracle's figures for these inputs and questions: computed once per run and shared by every test file that
 * asks the same (the global setup starts the common questions early); outside a run, computed on the spot.
 */
export function runOracle(options: OracleOptions = {}): OracleResult {
  const folder = inject("fixtureFolder");
  if (folder === undefined) return JSON.parse(runOracleNow(options)) as OracleResult;
  const files = cacheFiles(folder, oracleKey(options));
  const started = Date.now();
  for (;;) {
    if (existsSync(files.answer)) return JSON.parse(readFileSync(files.answer, "utf8")) as OracleResult;
    if (existsSync(files.failed)) throw new Error(`test/oracle: ${readFileSync(files.failed, "utf8")}`);
    if (claim(files)) {
      let text: string;
      try {
        text = runOracleNow(options);
      } catch (error) {
        fail(files, (error as Error).message);
        throw error;
      }
      store(files, text);
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`test/oracle: no answer after ${WAIT_LIMIT_MS} ms`);
    sleepSync(100);
  }
}

/**
 * Computes an answer in a child process (for the global setup), unless a test already is; resolves when it is
 * stored or failed. Aborting `signal` kills the child (the run is over and nobody needs the answer).
 */
export function runOracleInBackground(folder: string, options: OracleOptions, signal: AbortSignal): Promise<void> {
  const files = cacheFiles(folder, oracleKey(options));
  if (signal.aborted || !claim(files)) return Promise.resolve();
  const output = openSync(`${files.answer}.part`, "w");
  const child = spawn(findPython(), oracleArguments(options), { stdio: ["ignore", output, "pipe"], signal });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => {
    let finished = false;
    const finish = (message: string | null) => {
      if (finished) return;
      finished = true;
      closeSync(output);
      if (message === null) {
        renameSync(`${files.answer}.part`, files.answer);
        rmSync(files.running, { force: true });
      } else fail(files, message);
      done();
    };
    child.on("error", (error) => finish(error.message));
    child.on("close", (code) => finish(code === 0 ? null : `lineage_oracle.py exited with ${code}: ${stderr}`));
  });
}
