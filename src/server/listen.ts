// The thin node:http adapter: turns each incoming request into a WHATWG Request for the app and writes the app's
// Response back, streamed. Only GET and HEAD carry meaning here, so request bodies are never read.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { App } from "./app.js";

export interface ListenOptions {
  port: number;
  host: string;
  log?: (message: string) => void;
}

/** Writes the error shape from the adapter itself, for requests the app never sees or could not answer. */
function writeError(outgoing: ServerResponse, status: number, message: string): void {
  if (outgoing.headersSent) {
    outgoing.destroy(); // a body already under way cannot turn into an error: cut it so the client sees it failed
    return;
  }
  const body = JSON.stringify({ error: { status, message } });
  outgoing.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "x-content-type-options": "nosniff",
  });
  outgoing.end(body);
}

/** The app's Request for an origin-form target (`/path?query`); any other form (`http://host/...`, `*`) is refused. */
function toRequest(incoming: IncomingMessage): Request {
  const target = incoming.url ?? "";
  if (!target.startsWith("/")) throw new Error("not an origin-form request target");
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  // The path is appended to "http://localhost" as sent, so it can never name another host.
  return new Request(`http://localhost${target}`, { method: incoming.method ?? "GET", headers });
}

/** Starts listening; resolves with the server and the address it is bound to. */
export async function listen(app: App, options: ListenOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((incoming, outgoing) => {
    let request: Request;
    try {
      request = toRequest(incoming);
    } catch {
      writeError(outgoing, 400, "the request target must be a path such as /api/stats");
      return;
    }
    app(request)
      .then(async (response) => {
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        outgoing.writeHead(response.status, headers);
        if (response.body === null) outgoing.end();
        else await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), outgoing);
      })
      .catch((error: unknown) => {
        options.log?.(`server: could not write a response: ${error instanceof Error ? error.message : String(error)}`);
        writeError(outgoing, 500, "internal error: the server could not answer this request");
      });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { server, url: `http://${host}:${address.port}/` };
}
