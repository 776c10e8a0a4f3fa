// The thin node:http adapter: writes a remembered answer at once, else turns the request into a WHATWG Request for
// the app, with an abort signal that fires when the client goes away, and writes the app's Response back, streamed.
// Requests the app cannot take (other methods, targets that are not a path, what Node's parser refuses) get the
// app's own error answer.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AcceptFirst } from "./accept-first.js";
import type { App } from "./app.js";
import { HttpError, methodNotAllowed } from "./http-error.js";
import { IdleCollection, type CollectedHeap } from "./idle-collection.js";
import { readyBody } from "./ready-answer.js";
import { answerParseError, answerOnSocket } from "./socket-answers.js";
import { v8Heap } from "./v8-heap.js";
import { WriteTurns } from "./write-turns.js";

export interface ListenOptions {
  port: number;
  host: string;
  log?: (message: string) => void;
  /** The heap collected once the server is idle (see idle-collection.ts); V8's own unless another is given. */
  heap?: CollectedHeap;
  /** Remembered answers of this many bytes or more are written a few at a time (see write-turns.ts); 256 KiB. */
  largeAnswerBytes?: number;
}

/** Connections waiting to be accepted. */
const LISTEN_BACKLOG = 4096;

/**
 * The longest a request waits while a burst of connections is accepted (see accept-first.ts). Accepting a thousand
 * at once takes a few hundred milliseconds on two shared CPUs; answering from 50 ms on, as this once did, made each
 * turn of the event loop write large answers, and the last 500 connections then took 2–3 s to be accepted (0.3 s
 * with the answers held: measured at load average 4, answers of 567 KB).
 */
const ACCEPT_BURST_MAX_WAIT_MS = 500;

/**
 * Remembered answers of this size or more are written a few at a time (see write-turns.ts): 1,000 clients asking
 * for a 1.3 MB family at once on the load bench got p99 1.3–2.0 s so, against 3.0–3.5 s written all together.
 */
const LARGE_ANSWER_BYTES = 256 * 1024;
const LARGE_ANSWER_TURNS = 8;
const LARGE_ANSWER_LONGEST_MS = 1000;

/**
 * Once no connection has been open for a second, the heap is collected if it grew by a tenth since it was last, and
 * again 5.5 s later (V8 measures its allocation rate over 5 s; see idle-collection.ts).
 */
const IDLE_COLLECTION = { idleMs: 1000, settleMs: 5500, minGrowth: 0.1 };

/**
 * How long a connection may stay idle between an answer and the client's next request. Node counts from when the
 * last byte is handed to the kernel, not from when the client has read it: with its default (5 s), a client still
 * reading a large answer behind a thousand others found its connection closed under its next request (155 read
 * errors in 15 s at 1,000 connections on a loaded machine, none with this value).
 */
const KEEP_ALIVE_TIMEOUT_MS = 30_000;

/** Why the adapter refuses a request before the app sees it, or null when the app can take it. */
function refusalOf(incoming: IncomingMessage): HttpError | null {
  const method = incoming.method ?? "";
  // TRACE and CONNECT cannot even be a WHATWG Request; no method but GET and HEAD means anything here.
  if (method !== "GET" && method !== "HEAD") return methodNotAllowed(method);
  if (!(incoming.url ?? "").startsWith("/"))
    return new HttpError(400, "the request target must be a path such as /api/stats");
  return null;
}

/** The app's Request for an origin-form target (`/path?query`). */
function toRequest(incoming: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  // The path is appended to "http://localhost" as sent, so it can never name another host.
  return new Request(`http://localhost${incoming.url ?? "/"}`, { method: incoming.method ?? "GET", headers, signal });
}

async function send(outgoing: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  const ready = readyBody(response);
  if (ready !== undefined) outgoing.end(ready);
  else if (response.body === null) outgoing.end();
  else await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), outgoing);
}

/** Starts listening; resolves with the server and the address it is bound to. */
export async function listen(app: App, options: ListenOptions): Promise<{ server: Server; url: string }> {
  const failed = (error: unknown, outgoing: ServerResponse) => {
    if (outgoing.destroyed) return; // the client went away mid-answer: nothing to report
    options.log?.(`server: could not write a response: ${error instanceof Error ? error.message : String(error)}`);
    if (outgoing.headersSent)
      outgoing.destroy(); // a body under way cannot turn into an error: cut it
    else void send(outgoing, app.refuse(new Error("the response could not be written"))).catch(() => {});
  };
  const answer = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const refusal = refusalOf(incoming);
    if (refusal !== null) {
      send(outgoing, app.refuse(refusal)).catch((error: unknown) => failed(error, outgoing));
      return;
    }
    if (incoming.method === "GET") {
      // Under a thousand connections, making a Request, a Response and an abort signal for every client costs more
      // than writing the answer: a remembered one goes out as its bytes and headers, made once.
      const { "accept-encoding": acceptEncoding, "if-none-match": ifNoneMatch } = incoming.headers;
      let remembered;
      try {
        remembered = app.remembered(incoming.url!, acceptEncoding, ifNoneMatch);
      } catch (error) {
        // Looking for a newer data version can fail (the database gone): a 500, as on the app's own path.
        send(outgoing, app.refuse(error)).catch((failure: unknown) => failed(failure, outgoing));
        return;
      }
      if (remembered !== undefined) {
        const { status, headers, body } = remembered;
        if (body === null || body.length < (options.largeAnswerBytes ?? LARGE_ANSWER_BYTES)) {
          outgoing.writeHead(status, headers);
          outgoing.end(body ?? undefined);
          return;
        }
        writeTurns.take((done) => {
          outgoing.once("finish", done);
          outgoing.once("close", done);
          if (outgoing.destroyed) return done();
          outgoing.writeHead(status, headers);
          outgoing.end(body);
        });
        return;
      }
    }
    const client = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) client.abort(new Error("the client closed the connection"));
    });
    app(toRequest(incoming, client.signal))
      .then(async (response) => {
        if (client.signal.aborted) outgoing.destroy();
        else await send(outgoing, response);
      })
      .catch((error: unknown) => failed(error, outgoing));
  };
  const acceptFirst = new AcceptFirst(ACCEPT_BURST_MAX_WAIT_MS);
  const writeTurns = new WriteTurns(LARGE_ANSWER_TURNS, LARGE_ANSWER_LONGEST_MS);
  const server = createServer((incoming, outgoing) =>
    acceptFirst.answer(() => {
      // A client that left while its request was held gets nothing computed.
      if (!incoming.socket.destroyed) answer(incoming, outgoing);
    }),
  );
  const idleCollection = new IdleCollection(IDLE_COLLECTION, options.heap ?? v8Heap);
  server.on("connection", (socket: Socket) => {
    acceptFirst.connected();
    idleCollection.opened();
    socket.once("close", () => idleCollection.closed());
  });
  server.once("close", () => idleCollection.stop());
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => answerParseError(app, error, socket));
  // CONNECT has its own event; without a listener Node would drop the connection without a word.
  server.on("connect", (incoming: IncomingMessage, socket) =>
    answerOnSocket(socket, app.refuse(methodNotAllowed(incoming.method ?? "CONNECT"))),
  );
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    // Node's default backlog (511) drops connections when a thousand clients connect at once; the kernel still
    // caps it at net.core.somaxconn.
    server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { server, url: `http://${host}:${address.port}/` };
}
