// A remembered answer ready to send: for each representation (plain, gzip) its bytes, every header it goes out
// with (made once, security headers included) and its ETag, so a client revalidating gets a 304 without the body.

import type { Answer } from "./answer-cache.js";

/** A status, the headers and the bytes of an answer, written as they are. */
export interface Sendable {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** What a request asks of a remembered answer: gzip or not, and the ETags it already holds (If-None-Match). */
export interface Asked {
  gzip: boolean;
  ifNoneMatch: string | null;
}

/** Every header an answer leaves with, given its own: the app adds the security headers (and CORS) here. */
export type FinishHeaders = (status: number, headers: Record<string, string>) => Record<string, string>;

interface Representation {
  etag: string;
  full: Sendable;
  notModified: Sendable;
}

/** True when an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for this header) or is `*`. */
export function namesEtag(ifNoneMatch: string, etag: string): boolean {
  return ifNoneMatch.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || (trimmed.startsWith("W/") ? trimmed.slice(2) : trimmed) === etag;
  });
}

export class ReadyAnswer {
  private readonly plain: Representation;
  private readonly compressed: Representation | null;

  constructor(
    readonly answer: Answer,
    finish: FinishHeaders,
  ) {
    const representation = (bytes: Uint8Array<ArrayBuffer>, etag: string, encoding: Record<string, string>) => {
      const own = { ...answer.headers, ...encoding, etag, vary: "accept-encoding" };
      return {
        etag,
        full: { status: 200, headers: finish(200, { ...own, "content-length": String(bytes.length) }), body: bytes },
        notModified: { status: 304, headers: finish(304, own), body: null },
      };
    };
    this.plain = representation(answer.body, `"${answer.digest}"`, {});
    this.compressed =
      answer.gzip === null
        ? null
        : representation(answer.gzip, `"${answer.digest}-gzip"`, { "content-encoding": "gzip" });
  }

  /** The answer to send for what was asked: the bytes (gzip when accepted and made), or a 304 for a known ETag. */
  sendable(asked: Asked): Sendable {
    const chosen = asked.gzip && this.compressed !== null ? this.compressed : this.plain;
    return asked.ifNoneMatch !== null && namesEtag(asked.ifNoneMatch, chosen.etag) ? chosen.notModified : chosen.full;
  }
}

/**
 * The bytes of each Response made from a ready answer, so the HTTP adapter writes them as they are instead of
 * reading them back through a web stream for every client.
 */
const sendableBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** The ready bytes a Response carries, or undefined for any other Response. */
export function readyBody(response: Response): Uint8Array<ArrayBuffer> | undefined {
  return sendableBodies.get(response);
}

/** A Response for the app's callers (tests call it without a port), carrying the same bytes and headers. */
export function sendableResponse(sendable: Sendable): Response {
  const bytes = sendable.body;
  // A stream of the ready bytes, not the bytes themselves: a Response copies a byte body when it is made (about
  // 10 ms for the largest family's 1.3 MB on this machine, a fraction of that for a one-chunk stream).
  const body =
    bytes === null
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        });
  const response = new Response(body, { status: sendable.status, headers: sendable.headers });
  if (bytes !== null) sendableBodies.set(response, bytes);
  return response;
}
