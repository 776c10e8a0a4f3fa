// The process the server benchmark loads over loopback: `ours` serves createApp over the database named on the
// command line; `cte` is the peer, a bare node:http server counting the family with a SQLite recursive CTE.

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { createApp } from "../src/server/app.js";
import { listen } from "../src/server/listen.js";
import { openStore } from "../src/store/open-store.js";
import { FAMILY_CTE } from "./server-peer.js";
import { connectionOf } from "../src/store/database-handle.js";

const [dbPath, mode] = process.argv.slice(2);
if (dbPath === undefined || (mode !== "ours" && mode !== "cte")) throw new Error("usage: server-target.ts DB ours|cte");
const db = openStore(dbPath);
if (mode === "ours") {
  const { url } = await listen(createApp({ lineage: openIndexedLineage(db), webRoot: null }), {
    port: 0,
    host: "127.0.0.1",
  });
  console.log(url);
} else {
  const count = connectionOf(db).prepare(FAMILY_CTE);
  const server = createServer((request, response) => {
    const org = new URL(request.url ?? "/", "http://localhost").searchParams.get("q") ?? "";
    const body = JSON.stringify({ query: org, descendants: (count.get(org) as { n: number }).n });
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
  server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
}
