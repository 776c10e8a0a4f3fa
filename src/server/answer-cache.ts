// API answers remembered per request shape for the life of the process (the snapshot does not change while
// serving), and sent gzip-compressed, compressed once, to clients that accept it.

import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { jsonTextResponse } from "./http-error.js";

/** Smaller answers go out as they are: compressing them saves less than it costs. */
const GZIP_FROM = 8 * 1024;

export interface Answer {
  text: string;
  gzip?: Uint8Array<ArrayBuffer>;
}

export class AnswerCache {
  private readonly entries: LRUCache<string, Answer> | null;

  /** `size` in characters of JSON (0 remembers nothing). */
  constructor(size: number) {
    this.entries =
      size > 0
        ? new LRUCache<string, Answer>({ maxSize: size, sizeCalculation: (answer) => Math.max(1, answer.text.length) })
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

  remember(key: string, text: string): Answer {
    const answer: Answer = { text };
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

export function answerResponse(answer: Answer, gzip: boolean): Response {
  if (!gzip || answer.text.length < GZIP_FROM) return jsonTextResponse(answer.text, 200, { vary: "accept-encoding" });
  answer.gzip ??= new Uint8Array(gzipSync(answer.text, { level: 6 }));
  return new Response(answer.gzip, {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "content-encoding": "gzip", vary: "accept-encoding" },
  });
}
