// Hostile requests: path traversal (plain, encoded, doubled slashes, absolute forms), symlinks out of the viewer
// folder, oversized caps, malformed ids, markup in a stored card value. Each gets the JSON error shape (or safe
// JSON), and the server keeps serving.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp, type App } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import { openStore } from "../../src/store/open-store.js";
import { appOver, getJson } from "../support/app-requests.js";
import { fixtureLineageWith } from "../support/fixture-databases.js";

const SECRET = "top-secret-outside-the-viewer";
const SCRIPT = "<script>alert(1)</script>";
let folder: string;
let webRoot: string;
let lineage: Lineage;
let app: App;
let server: Server;
let port: number;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "hf-lineage-hostile-"));
  webRoot = join(folder, "dist");
  mkdirSync(join(webRoot, "assets"), { recursive: true });
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>viewer</title>");
  writeFileSync(join(webRoot, "assets", "app.js"), "console.log('viewer');");
  writeFileSync(join(webRoot, "style.css"), "body{}");
  mkdirSync(join(folder, "outside"));
  writeFileSync(join(folder, "secret.txt"), SECRET);
  writeFileSync(join(folder, "outside", "secret.txt"), SECRET);
  symlinkSync(join(folder, "secret.txt"), join(webRoot, "leak.txt"));
  symlinkSync(join(folder, "outside"), join(webRoot, "linkdir"));
  // A Hub record whose card values are markup.
  const record = {
    id: "evil-org/xss-model",
    author: SCRIPT,
    tags: [`license:${SCRIPT}`, "base_model:finetune:meta-llama/Llama-3.1-8B"],
    pipeline_tag: SCRIPT,
  };
  writeFileSync(join(folder, "records.jsonl"), `${JSON.stringify(record)}\n`);
  lineage = await fixtureLineageWith("edges-and-metadata", [join(folder, "records.jsonl")], folder);
  app = appOver(lineage, { webRoot });
  ({ server } = await listen(app, { port: 0, host: "127.0.0.1" }));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Sends an HTTP/1.0 request line exactly as written (no client-side normalisation; the body ends with the
 * connection).
 */
function raw(target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n`));
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (text += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const split = text.indexOf("\r\n\r\n");
      resolvePromise({
        status: Number(text.slice(9, 12)),
        head: text.slice(0, split).toLowerCase(),
        body: text.slice(split + 4),
      });
    });
  });
}

function expectErrorShape(body: unknown, status: number) {
  expect(body).toEqual({ error: expect.objectContaining({ status, message: expect.any(String) }) });
}

describe("invalid parameters", () => {
  const cases: [string, number, string][] = [
    ["/api/family?q=a/b/c", 400, '"q"'],
    [`/api/family?q=${encodeURIComponent(SCRIPT)}`, 400, '"q"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&maxNodes=20001", 400, '"maxNodes"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&maxNodes=0", 400, '"maxNodes"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&depth=51", 400, '"depth"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&depth=-1", 400, '"depth"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&depth=1e9", 400, '"depth"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&depth=99999999999999999999", 400, '"depth"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&relations=finetune,bogus", 400, '"relations"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&expand=nocolon", 400, '"expand"'],
    ["/api/family?q=meta-llama/Llama-3.1-8B&expand=a/b:bogus", 400, '"expand"'],
    ["/api/model", 400, '"id"'],
    ["/api/model?id=", 400, '"id"'],
    ["/api/model?id=a/b&id=c/d", 400, '"id"'],
    [`/api/model?id=${"x".repeat(300)}`, 400, '"id"'],
    ["/api/model?id=../../etc/passwd", 400, '"id"'],
    ["/api/model?id=%00", 400, '"id"'],
    ["/api/ancestry?id=org/na%20me", 400, '"id"'],
    ["/api/search?q=llama&limit=51", 400, '"limit"'],
    ["/api/search?q=", 400, '"q"'],
    ["/api/top?by=bogus", 400, '"by"'],
    ["/api/top?limit=101", 400, '"limit"'],
    ["/api/top-orgs?limit=abc", 400, '"limit"'],
    ["/api/nope", 404, "no API route"],
    ["/api/model?id=nobody/nothing-like-this", 404, "unknown model"],
  ];
  it.each(cases)("%s → %i", async (path, status, mentions) => {
    const response = await app(new Request(`http://localhost${path}`));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.json();
    expectErrorShape(body, status);
    expect(body.error.message).toContain(mentions);
  });

  it("refuses methods other than GET and HEAD", async () => {
    const response = await app(new Request("http://localhost/api/family?q=x", { method: "POST", body: "x" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expectErrorShape(await response.json(), 405);
  });

  it("keeps serving after all of them", async () => {
    expect((await getJson(app, "/api/stats")).status).toBe(200);
  });
});

describe("failures inside a route", () => {
  it("become a 500 in the error shape, the detail only in the log, and the server keeps serving", async () => {
    const closed = openStore(":memory:");
    closed.close();
    const logged: string[] = [];
    const served = openIndexedLineage(lineage.store);
    const broken = createApp({
      lineage: { ...served, store: closed },
      webRoot: null,
      log: (message) => logged.push(message),
    });
    const response = await broken(new Request("http://localhost/api/model?id=meta-llama/Llama-3.1-8B"));
    expect(response.status).toBe(500);
    const body = await response.json();
    expectErrorShape(body, 500);
    expect(JSON.stringify(body)).not.toContain("database");
    expect(logged.join("\n")).toContain("database connection is not open");
    // Routes that need only the loaded index still answer.
    expect((await broken(new Request("http://localhost/api/stats"))).status).toBe(200);
  });
});

describe("markup in stored values", () => {
  it("is served as escaped JSON with nosniff and a strict CSP, never as HTML", async () => {
    const response = await app(new Request("http://localhost/api/model?id=evil-org/xss-model"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    const text = await response.text();
    expect(text).not.toContain("<");
    expect(JSON.parse(text).model.license).toBe(SCRIPT);
  });

  it("does not reflect markup from a query as HTML", async () => {
    const response = await app(new Request(`http://localhost/api/family?q=${encodeURIComponent(SCRIPT)}`));
    expect(await response.text()).not.toContain("<");
  });
});

describe("static files", () => {
  it("serves the viewer's files with their content types", async () => {
    const cases: [string, string][] = [
      ["/", "text/html; charset=utf-8"],
      ["/assets/app.js", "text/javascript; charset=utf-8"],
      ["/style.css", "text/css; charset=utf-8"],
    ];
    for (const [path, type] of cases) {
      const response = await app(new Request(`http://localhost${path}`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await app(new Request("http://localhost/", { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.body).toBeNull();
  });

  it("answers a missing viewer with a message to build it", async () => {
    const response = await appOver(lineage, { webRoot: join(folder, "no-such-dist") })(
      new Request("http://localhost/"),
    );
    expect(response.status).toBe(503);
    expect((await response.json()).error.message).toContain("npm run build");
  });

  it("sends no CORS header unless an origin is configured", async () => {
    expect(
      (await app(new Request("http://localhost/api/stats"))).headers.get("access-control-allow-origin"),
    ).toBeNull();
    const open = appOver(lineage, { corsOrigin: "http://localhost:5173" });
    expect((await open(new Request("http://localhost/api/stats"))).headers.get("access-control-allow-origin")).toBe(
      "http://localhost:5173",
    );
  });
});

describe("path traversal over a real socket", () => {
  const attempts: [string, number][] = [
    ["/../secret.txt", 404],
    ["/../../../../etc/passwd", 404],
    ["/%2e%2e/secret.txt", 404],
    ["/%2E%2E/%2e%2e/etc/passwd", 404],
    ["/assets/..%2f..%2fsecret.txt", 400],
    ["/..%5csecret.txt", 400],
    ["/%2fetc%2fpasswd", 400],
    ["//etc/passwd", 404],
    ["/leak.txt", 404],
    ["/linkdir/secret.txt", 404],
    ["/secret.txt%00.js", 400],
    ["/%zz", 400],
    ["http://evil.example/etc/passwd", 400],
    ["*", 400],
    ["/etc/passwd", 404],
    ["/assets", 404],
  ];
  it.each(attempts)("GET %s → %i, nothing from outside", async (target, status) => {
    const response = await raw(target);
    expect(response.status).toBe(status);
    expect(response.head).toContain("content-type: application/json");
    expect(response.body).not.toContain(SECRET);
    expectErrorShape(JSON.parse(response.body), status);
  });

  it("still serves the viewer and the API afterwards", async () => {
    expect((await raw("/")).status).toBe(200);
    const stats = await raw("/api/stats");
    expect(stats.status).toBe(200);
    expect(JSON.parse(stats.body).edges).toBe(lineage.graph.size);
  });
});
