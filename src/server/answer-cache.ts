// API answers remembered per request shape and data version, as the bytes sent: the UTF-8 body and, for larger
// answers, its gzip compression, both made once (off the event loop) and sent as they are to every later client.

import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";

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
  return { body, gzip: compressed === null ? null : new Uint8Array(compressed), headers };
}

export class AnswerCache {
  private readonly entries: LRUCache<string, Answer> | null;

  /** `size` in bytes of answers (0 remembers nothing). */
  constructor(size: number) {
    this.entries =
      size > 0
        ? new LRUCache<string, Answer>({
            maxSize: size,
            sizeCalculation: (answer) => Math.max(1, answer.body.length + (answer.gzip?.length ?? 0)),
          })
        : null;
  }

  /** The same key for the same route and parameters, whatever their order. */
  static keyOf(url: URL): string {
    const params = new URLSearchParams(url.searchParams);
    params.sort();
    return `${url.pathname}?${params.toString()}`;
  }

  get(key: string): Answer | undefined {
    return this.entries?.get(key);
  }

  remember(key: string, answer: Answer): Answer {
    this.entries?.set(key, answer);
    return answer;
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

/**
 * The bytes of each Response made from a remembered answer, so the HTTP adapter writes them as they are instead of
 * reading them back through a web stream for every client, which under a thousand connections costs more than the
 * answer itself.
 */
const rememberedBodies = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** The remembered bytes a Response carries, or undefined for any other Response. */
export function rememberedBody(response: Response): Uint8Array<ArrayBuffer> | undefined {
  return rememberedBodies.get(response);
}

export function answerResponse(answer: Answer, gzip: boolean): Response {
  const bytes = gzip && answer.gzip !== null ? answer.gzip : answer.body;
  // A stream of the remembered bytes, not the bytes themselves: a Response copies a byte body when it is made
  // (about 10 ms for the largest family's 1.3 MB on this machine, a fraction of that for a one-chunk stream).
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const response = new Response(body, {
    status: 200,
    headers: {
      ...answer.headers,
      ...(bytes === answer.gzip ? { "content-encoding": "gzip" } : {}),
      "content-length": String(bytes.length),
      vary: "accept-encoding",
    },
  });
  rememberedBodies.set(response, bytes);
  return response;
}
