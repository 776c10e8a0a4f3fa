// Remembered answers as they are sent: an ETag per representation (so a client revalidating gets a 304 without
// the body), and over a socket, written by the HTTP adapter without reaching the app, with the very bytes and
// headers the app answers with. On the real snapshot (edges.csv + metadata.csv, the shared database).

import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

const LLAMA_FAMILY = `/api/family?q=${encodeURIComponent("meta-llama/Llama-3.1-8B")}`;

// security-headers.ts, written out by hand.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cache-control": "no-cache",
};

let lineage: Lineage;

beforeAll(() => {
  lineage = fixtureLineage("edges-and-metadata");
});

/** The ETag of bytes as the server makes it: the first 27 characters of their SHA-256, base64url, quoted. */
const etagOf = (bytes: Uint8Array, suffix = "") =>
  `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}${suffix}"`;

/** Every header of a Response as one object. */
function headersOf(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

async function get(app: App, path: string, headers: Record<string, string> = {}) {
  const response = await app(new Request(`http://localhost${path}`, { headers }));
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("ETags and 304", () => {
  it("tag each representation with the digest of its own bytes, plain and gzip apart", async () => {
    const app = appOver(lineage);
    const plain = await get(app, LLAMA_FAMILY);
    const packed = await get(app, LLAMA_FAMILY, { "accept-encoding": "gzip" });
    expect(packed.response.headers.get("content-encoding")).toBe("gzip");
    expect(plain.response.headers.get("etag")).toBe(etagOf(plain.bytes));
    // The gzip bytes unpack to the plain ones, and their tag is the plain one's marked as gzip.
    expect(Buffer.from(gunzipSync(packed.bytes)).equals(Buffer.from(plain.bytes))).toBe(true);
    expect(packed.response.headers.get("etag")).toBe(etagOf(plain.bytes, "-gzip"));
    // A fresh app computing the same answer again gives the same tags (they follow the bytes, not the moment).
    const again = await get(appOver(lineage), LLAMA_FAMILY);
    expect(again.response.headers.get("etag")).toBe(etagOf(plain.bytes));
  });

  it("answer 304 with no body, the ETag, Vary and every security header to a client holding the tag", async () => {
    const app = appOver(lineage);
    const first = await get(app, LLAMA_FAMILY);
    const etag = first.response.headers.get("etag")!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const { response, bytes } = await get(app, LLAMA_FAMILY, { "if-none-match": ifNoneMatch });
      expect(response.status).toBe(304);
      expect(bytes.length).toBe(0);
      expect(headersOf(response)).toEqual({
        ...SECURITY_HEADERS,
        "content-type": "application/json; charset=utf-8",
        etag,
        vary: "accept-encoding",
      });
    }
  });

  it("answer in full when the tag held is another one, or the other representation's", async () => {
    const app = appOver(lineage);
    const plain = await get(app, LLAMA_FAMILY);
    const gzipTag = (await get(app, LLAMA_FAMILY, { "accept-encoding": "gzip" })).response.headers.get("etag")!;
    for (const ifNoneMatch of ['"not-this-one"', gzipTag]) {
      const { response, bytes } = await get(app, LLAMA_FAMILY, { "if-none-match": ifNoneMatch });
      expect(response.status).toBe(200);
      expect(Buffer.from(bytes).equals(Buffer.from(plain.bytes))).toBe(true);
    }
  });

  it("send Vary: Origin once beside accept-encoding when CORS is on, fresh or remembered", async () => {
    const app = appOver(lineage, { corsOrigin: "http://localhost:5173" });
    for (let call = 0; call < 2; call++) {
      const { response } = await get(app, LLAMA_FAMILY);
      expect(response.headers.get("vary")).toBe("accept-encoding, Origin");
      expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    }
  });
});

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

describe("remembered answers over a socket", () => {
  let calls = 0;
  let app: App;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    app = appOver(lineage);
    // The app counting the requests that reach it; what the adapter writes by itself never does.
    const counted = Object.assign(
      (request: Request) => {
        calls++;
        return app(request);
      },
      { refuse: app.refuse, remembered: app.remembered },
    );
    ({ server } = await listen(counted, { port: 0, host: "127.0.0.1" }));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  function send(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Received> {
    return new Promise((resolvePromise, reject) => {
      const outgoing = httpRequest({ port, host: "127.0.0.1", path, method, headers }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolvePromise({ status: incoming.statusCode ?? 0, headers: incoming.headers, bytes: Buffer.concat(chunks) }),
        );
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
  }

  /** The headers an answer was sent with, but those Node adds to every answer on its own. */
  const ownHeaders = (headers: IncomingHttpHeaders) => {
    const { date: _date, connection: _connection, "keep-alive": _keepAlive, ...own } = headers;
    return own;
  };

  it("are written without reaching the app, with the app's own bytes and headers", async () => {
    calls = 0;
    const asked: Record<string, string>[] = [{}, { "accept-encoding": "gzip, deflate, br, zstd" }];
    for (const headers of asked) {
      const first = await send(LLAMA_FAMILY, headers);
      const callsAfterFirst = calls;
      const second = await send(LLAMA_FAMILY, headers);
      expect(calls).toBe(callsAfterFirst);
      const fromApp = await get(app, LLAMA_FAMILY, headers);
      const appHeaders = headersOf(fromApp.response);
      for (const received of [first, second]) {
        expect(received.status).toBe(200);
        expect(ownHeaders(received.headers)).toEqual(appHeaders);
        expect(received.bytes.equals(Buffer.from(fromApp.bytes))).toBe(true);
      }
    }
    // The first plain request computed the answer; the first gzip one found it remembered.
    expect(calls).toBe(1);
  });

  it("answer 304 to a client holding the ETag, also without reaching the app", async () => {
    const first = await send(LLAMA_FAMILY);
    calls = 0;
    const revalidated = await send(LLAMA_FAMILY, { "if-none-match": String(first.headers.etag) });
    expect(calls).toBe(0);
    expect(revalidated.status).toBe(304);
    expect(revalidated.bytes.length).toBe(0);
    expect(ownHeaders(revalidated.headers)).toEqual({
      ...SECURITY_HEADERS,
      "content-type": "application/json; charset=utf-8",
      etag: first.headers.etag,
      vary: "accept-encoding",
    });
  });

  it("keep the connection open 30 s for the next request, and say so", async () => {
    const answer = await send(LLAMA_FAMILY);
    expect(answer.headers.connection).toBe("keep-alive");
    expect(answer.headers["keep-alive"]).toBe("timeout=30");
  });

  it("leave HEAD, unknown parameters and routes that are not remembered to the app", async () => {
    await send(LLAMA_FAMILY);
    calls = 0;
    const head = await send(LLAMA_FAMILY, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.bytes.length).toBe(0);
    const junk = await send(`${LLAMA_FAMILY}&junk=1`);
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.bytes.toString("utf8"))).toEqual({
      error: {
        status: 400,
        message:
          'parameter "junk" is not known to /api/family; ' +
          "it takes q, depth, relations, maxNodes, expand, overview, open",
      },
    });
    expect(ownHeaders(junk.headers)).toMatchObject(SECURITY_HEADERS);
    const missing = await send("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(calls).toBe(3);
  });
});

describe("a remembered answer whose data version cannot be checked", () => {
  it("is a 500 in the error shape, logged, and the server goes on answering", async () => {
    const logged: string[] = [];
    let failing = false;
    const app = appOver(lineage, {
      newerLineage: () => {
        if (failing) throw new Error("the database is gone");
        return null;
      },
      log: (message) => logged.push(message),
    });
    const { server } = await listen(app, { port: 0, host: "127.0.0.1" });
    const port = (server.address() as { port: number }).port;
    const status = (path: string) =>
      new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolvePromise, reject) => {
        httpRequest({ port, host: "127.0.0.1", path }, (incoming) => {
          let body = "";
          incoming.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
          incoming.on("end", () =>
            resolvePromise({ status: incoming.statusCode ?? 0, body, headers: incoming.headers }),
          );
        })
          .on("error", reject)
          .end();
      });
    try {
      expect((await status(LLAMA_FAMILY)).status).toBe(200);
      failing = true;
      // The data version is looked at again at most once a second.
      await new Promise((done) => setTimeout(done, 1100));
      const failed = await status(LLAMA_FAMILY);
      expect(failed.status).toBe(500);
      expect(JSON.parse(failed.body)).toEqual({
        error: { status: 500, message: "internal error: the server could not answer this request" },
      });
      expect(failed.headers).toMatchObject(SECURITY_HEADERS);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^server: unexpected failure: Error: the database is gone/);
      failing = false;
      await new Promise((done) => setTimeout(done, 1100));
      expect((await status(LLAMA_FAMILY)).status).toBe(200);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
