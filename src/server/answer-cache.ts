// API answers remembered per request shape and data version, as the bytes sent: the UTF-8 body and, for larger
// answers, its gzip compression, both made once (off the event loop) and sent as they are to every later client.

import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import type { ReadyAnswer } from "./ready-answer.js";

const gzipAsync = promisify(gzip);

/** Smaller answers go out as they are: compressing them saves less than it costs. */
const GZIP_FROM = 8 * 1024;

export interface Answer {
  /** The body as sent uncompressed. */
  body: Uint8Array<ArrayBuffer>;
  /** The body gzip-compressed, or null for an answer too small to be worth it. */
  gzip: Uint8Array<ArrayBuffer> | null;
  /** Content-Type and any other header of the answer itself (Content-Disposition of a download). */
  headers: Record<string, string>;
  /** A digest of the body, the same for the same bytes: what the answer's ETags are made of. */
  digest: string;
}

const JSON_TYPE = "application/json; charset=utf-8";

/** The answer for a JSON text or a whole (small) Response that a route answered with. */
export async function answerOf(made: string | Response): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body: Uint8Array<ArrayBuffer>;
  if (typeof made === "string") {
    headers["content-type"] = JSON_TYPE;
    body = new TextEncoder().encode(made);
  } else {
    made.headers.forEach((value, name) => {
      headers[name] = value;
    });
    body = new Uint8Array(await made.arrayBuffer());
  }
  const compressed = body.length < GZIP_FROM ? null : await gzipAsync(body, { level: 6 });
  const digest = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  return { body, gzip: compressed === null ? null : new Uint8Array(compressed), headers, digest };
}

export class AnswerCache {
  private readonly entries: LRUCache<string, ReadyAnswer> | null;

  /** `size` in bytes of answers (0 remembers nothing). */
  constructor(size: number) {
    this.entries =
      size > 0
        ? new LRUCache<string, ReadyAnswer>({
            maxSize: size,
            sizeCalculation: ({ answer }) => Math.max(1, answer.body.length + (answer.gzip?.length ?? 0)),
          })
        : null;
  }

  /** The same key for the same route and parameters, whatever their order. */
  static keyOf(url: URL): string {
    const params = new URLSearchParams(url.searchParams);
    params.sort();
    return `${url.pathname}?${params.toString()}`;
  }

  get(key: string): ReadyAnswer | undefined {
    return this.entries?.get(key);
  }

  remember(key: string, ready: ReadyAnswer): ReadyAnswer {
    this.entries?.set(key, ready);
    return ready;
  }
}

/** True when an Accept-Encoding header allows gzip (and does not give it q=0). */
export function acceptsGzip(header: string | null): boolean {
  if (header === null) return false;
  return header.split(",").some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(";");
    return (
      (coding === "gzip" || coding === "*") && !parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter))
    );
  });
}
