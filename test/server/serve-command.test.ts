// `hf-lineage serve` as a process (the built dist/cli.js): binds 127.0.0.1 by default, serves the API and the
// viewer, never hands the Hub token to the browser, stops cleanly on SIGTERM, and refuses bad options with exit 2.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BUILT_CLI } from "../support/built-cli.js";
import { copyOfFixture } from "../support/fixture-databases.js";

const TOKEN = "hf_testSecretTokenThatMustNeverLeak";
const CLI = [BUILT_CLI];
let folder: string;
let dbPath: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "hf-lineage-serve-"));
  // The real edge list alone, as importFile stores it (a copy of the run's shared database of data/edges.csv.gz).
  dbPath = copyOfFixture("edges", folder);
});

afterAll(() => {
  if (child !== undefined && child.exitCode === null) child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
});

function startServe(): Promise<string> {
  child = spawn(process.execPath, [...CLI, "serve", "--port", "0", "--db", dbPath], {
    env: { ...process.env, HF_TOKEN: TOKEN },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolvePromise, reject) => {
    let stderr = "";
    child!.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /serving (http:\/\/\S+\/)/.exec(stderr)?.[1];
      if (url !== undefined) resolvePromise(url);
    });
    child!.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

it("serves on 127.0.0.1, never shows the Hub token, and stops on SIGTERM", async () => {
  const url = await startServe();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  for (const path of [
    "",
    "api/stats",
    "api/model?id=meta-llama/Llama-3.1-8B",
    "api/family?q=meta-llama/Llama-3.1-8B",
    "api/checks",
    "api/nope",
  ]) {
    const response = await fetch(`${url}${path}`);
    let headers = "";
    response.headers.forEach((value, name) => (headers += `${name}: ${value}\n`));
    expect(`${headers}${await response.text()}`).not.toContain(TOKEN);
  }
  const stats = (await (await fetch(`${url}api/stats`)).json()) as { edges: number };
  // networkx over edges.csv: 30,341 distinct parent → child pairs without self-loops.
  expect(stats.edges).toBe(30341);
  const exited = new Promise<number | null>((done) => child!.on("exit", (code) => done(code)));
  child!.kill("SIGTERM");
  expect(await exited).toBe(0);
});

it.each([
  [["--port", "70000"], "--port"],
  [["--cors", "http://localhost:5173/path"], "--cors"],
  [["--host", ""], "--host"],
])("refuses serve %j with exit 2", (args, mentions) => {
  const result = spawnSync(process.execPath, [...CLI, "serve", "--db", dbPath, ...args], { encoding: "utf8" });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(mentions);
});

it("refuses a port another program listens on in one line, exit 1", async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
  const { port } = taken.address() as AddressInfo;
  try {
    const result = spawnSync(process.execPath, [...CLI, "serve", "--db", dbPath, "--port", String(port)], {
      encoding: "utf8",
    });
    expect([result.status, result.stdout, result.stderr]).toEqual([
      1,
      "",
      `hf-lineage serve: port ${port} on 127.0.0.1 is in use by another program; stop it or give another --port\n`,
    ]);
  } finally {
    taken.close();
  }
});

it("refuses a host that names no address with exit 2 and no stack trace", () => {
  const result = spawnSync(process.execPath, [...CLI, "serve", "--db", dbPath, "--host", "999.1.1.1"], {
    encoding: "utf8",
  });
  expect([result.status, result.stderr.split("\n")[0]]).toEqual([
    2,
    'hf-lineage serve: --host "999.1.1.1" names no address this machine can find; give one such as 127.0.0.1',
  ]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
