// The edges of HTTP over a real socket: what Node's parser refuses (400, 431), other methods (TRACE, CONNECT,
// DELETE), targets that are not a path, each answered with every security header and the one error shape; and a
// client that closes its connection aborts the signal of its request.

import { connect } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import type { App } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

let lineage: Lineage;
let app: App;
let server: Server;
let port: number;

beforeAll(async () => {
  lineage = fixtureLineage("edges-and-metadata");
  app = appOver(lineage);
  ({ server } = await listen(app, { port: 0, host: "127.0.0.1" }));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

interface RawAnswer {
  statusLine: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends `bytes` exactly as written and reads the whole answer (every request here ends its connection). */
function raw(bytes: string): Promise<RawAnswer> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (text += chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const split = text.indexOf("\r\n\r\n");
      const [statusLine, ...lines] = text.slice(0, split).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolvePromise({ statusLine: statusLine ?? "", headers, body: text.slice(split + 4) });
    });
  });
}

// security-headers.ts, written out by hand: every answer carries exactly these.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cache-control": "no-cache",
  "content-type": "application/json; charset=utf-8",
};

describe("what Node's HTTP parser refuses", () => {
  it("headers over 16 KB: 431 with the error shape and every header", async () => {
    const answer = await raw(`GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer.statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, connection: "close" });
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 431, message: "the request headers are larger than the 16 KB this server reads" },
    });
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
  });

  it.each([
    ["a header line without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n"],
    ["a method that is not a token", "G@T / HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a version that is not HTTP", "GET / SPDY/9\r\nHost: x\r\n\r\n"],
    ["control bytes", "\x00\x01\x02\r\n\r\n"],
  ])("%s: 400 with the error shape and every header", async (_what, bytes) => {
    const answer = await raw(bytes);
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 400, message: "the request is not valid HTTP/1.1" },
    });
  });
});

describe("what the adapter refuses", () => {
  it.each(["TRACE", "DELETE", "OPTIONS", "POST"])("%s: 405 with Allow", async (method) => {
    const answer = await raw(`${method} /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer.statusLine).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, allow: "GET, HEAD" });
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 405, message: `method ${method} is not allowed; the API only reads (GET)` },
    });
  });

  it("CONNECT: 405 with Allow", async () => {
    const answer = await raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    expect(answer.statusLine).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, allow: "GET, HEAD" });
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 405, message: "method CONNECT is not allowed; the API only reads (GET)" },
    });
  });

  it.each(["http://evil.example/api/stats", "*"])("target %s: 400 with every header", async (target) => {
    const answer = await raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(JSON.parse(answer.body)).toEqual({
      error: { status: 400, message: "the request target must be a path such as /api/stats" },
    });
  });

  it("HEAD of an absolute-form target: the same status and headers, no body", async () => {
    const answer = await raw("HEAD http://evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(answer.body).toBe("");
  });

  it("keeps serving afterwards, a remembered answer with its length", async () => {
    const answer = await raw("GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer.statusLine).toBe("HTTP/1.1 200 OK");
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
    // test/server/api.test.ts: 30,341 edges in this snapshot (networkx over the raw CSV).
    expect(JSON.parse(answer.body).edges).toBe(30341);
  });
});

describe("a client that closes its connection", () => {
  it("aborts the signal of its request, and nothing is written for it", async () => {
    let seen: Request | undefined;
    let arrived!: () => void;
    const arrival = new Promise<void>((done) => (arrived = done));
    // An app that holds the request until its client has gone, then answers as the real app would; it remembers
    // no answer, so the request always reaches it.
    const holding = Object.assign(
      async (request: Request) => {
        seen = request;
        arrived();
        await new Promise((done) => request.signal.addEventListener("abort", done, { once: true }));
        return app(request);
      },
      { refuse: app.refuse, remembered: () => undefined },
    );
    const { server: held } = await listen(holding, { port: 0, host: "127.0.0.1" });
    try {
      const socket = connect((held.address() as { port: number }).port, "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.write("GET /api/family?q=meta-llama HTTP/1.1\r\nHost: x\r\n\r\n");
      await arrival;
      expect(seen?.signal.aborted).toBe(false);
      socket.destroy();
      await new Promise((done) => seen!.signal.addEventListener("abort", done, { once: true }));
      expect(seen?.signal.aborted).toBe(true);
      expect((seen?.signal.reason as Error).message).toBe("the client closed the connection");
      expect(received).toBe("");
    } finally {
      await new Promise<void>((done) => held.close(() => done()));
    }
  });
});
