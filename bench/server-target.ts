// The process the server benchmarks load over loopback: `ours` serves createApp over the database named on the
// command line; `cte` is a peer, a bare node:http server counting the family with a SQLite recursive CTE; `bytes`
// is a peer that answers every request with the bytes of the JSON file named (gzip-compressed once when asked),
// the least any Node server can do per answer. Every mode answers a "memory" message on the IPC channel of
// bench/server-process.ts with process.memoryUsage(), for the bench alone.

import { readFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { createApp } from "../src/server/app.js";
import { listen } from "../src/server/listen.js";
import { openStore } from "../src/store/open-store.js";
import { FAMILY_CTE } from "./server-peer.js";
import { connectionOf } from "../src/store/database-handle.js";

const [source, mode] = process.argv.slice(2);
if (source === undefined || (mode !== "ours" && mode !== "cte" && mode !== "bytes"))
  throw new Error("usage: server-target.ts DB ours|cte, or server-target.ts FILE.json bytes");

process.on("message", (message) => {
  if (message === "memory") process.send!(process.memoryUsage());
});

/** A bare node:http server on a free loopback port, with the same listen backlog as ours; prints its URL. */
function serve(listener: RequestListener): void {
  const server = createServer(listener);
  server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, () =>
    console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
  );
}

if (mode === "ours") {
  const { url } = await listen(createApp({ lineage: openIndexedLineage(openStore(source)), webRoot: null }), {
    port: 0,
    host: "127.0.0.1",
  });
  console.log(url);
} else if (mode === "cte") {
  const count = connectionOf(openStore(source)).prepare(FAMILY_CTE);
  serve((request, response) => {
    const org = new URL(request.url ?? "/", "http://localhost").searchParams.get("q") ?? "";
    const body = JSON.stringify({ query: org, descendants: (count.get(org) as { n: number }).n });
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
} else {
  const plain = readFileSync(source);
  const packed = gzipSync(plain, { level: 6 });
  serve((request, response) => {
    const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const body = gzip ? packed : plain;
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": body.length,
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    response.end(body);
  });
}
