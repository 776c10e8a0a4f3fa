// Pages of `/api/models` as an async generator following the `Link` header, in the wire format of
// @huggingface/hub's listModels, but page by page: a crawl saves whole pages and resumes from a next-page URL.

import type { ModelAdditionalField } from "@huggingface/hub";
import { HUB_EXPAND_FIELDS } from "./api-types.js";

export interface ModelPage {
  /** The page's records as the Hub sent them. */
  records: unknown[];
  /** The URL of the page after this one (never holding the token), or null on the last page. */
  nextUrl: string | null;
}

export interface ModelPagesOptions {
  hubUrl: string;
  /** An already retrying, validating fetch (see hub-fetch.ts). */
  fetch: typeof fetch;
  accessToken?: string;
  owner?: string;
  tags?: string[];
  sort?: "lastModified" | "createdAt";
  /** Newest first (`direction=-1`). */
  descending?: boolean;
  /** Start from this next-page URL of an earlier run instead of the first page. */
  resumeUrl?: string | null;
  /** Ask for the next page while this one is being saved (one more request in flight). */
  lookAhead?: boolean;
}

/**
 * `gguf` (total, architecture, context length) is an `expand` value the Hub accepts (the Python client's list has it)
 * that the JS client's list of fields leaves out; modelInfo sends any field it is given as it is.
 */
const GGUF_FIELD = "gguf" as ModelAdditionalField;

/** The record fields a lookup asks for beyond the ones modelInfo always expands: the same record as a crawl page. */
export const CRAWL_FIELDS = [
  "author",
  "cardData",
  "config",
  "createdAt",
  "downloadsAllTime",
  // Asks for `siblings` (the client names it after the file paths it derives from them).
  "filePaths",
  GGUF_FIELD,
  "library_name",
  "safetensors",
  "tags",
] as const satisfies readonly ModelAdditionalField[];

/** The `rel="next"` URL of a `Link` header, read as the Hub's client reads it (absolute http(s) only). */
export function nextLink(header: string | null): string | null {
  if (header === null) return null;
  return /<(https?:[/][/][^>]+)>;\s+rel="next"/.exec(header)?.[1] ?? null;
}

/** The first page's URL, with the parameters listModels sends (500 a page, one `expand` per field). */
export function firstPageUrl(options: ModelPagesOptions): string {
  const search = new URLSearchParams({ limit: "500" });
  if (options.owner !== undefined) search.append("author", options.owner);
  if (options.sort !== undefined) search.append("sort", options.sort);
  for (const tag of options.tags ?? []) search.append("filter", tag);
  for (const field of HUB_EXPAND_FIELDS) search.append("expand", field);
  if (options.descending === true) search.append("direction", "-1");
  return `${options.hubUrl}/api/models?${search.toString()}`;
}

export async function* modelPages(options: ModelPagesOptions): AsyncGenerator<ModelPage> {
  const init: RequestInit = {
    headers: {
      accept: "application/json",
      ...(options.accessToken === undefined ? {} : { Authorization: `Bearer ${options.accessToken}` }),
    },
  };
  let url: string | null = options.resumeUrl ?? firstPageUrl(options);
  // With lookAhead, the next page is asked for as soon as its URL is known, so the Hub answers while this page
  // is being saved.
  let ahead: Promise<Response> | null = null;
  while (url !== null) {
    const response: Response = await (ahead ?? options.fetch(url, init));
    const records = (await response.json()) as unknown[];
    url = nextLink(response.headers.get("link"));
    ahead = url !== null && options.lookAhead === true ? options.fetch(url, init) : null;
    ahead?.catch(() => undefined);
    yield { records, nextUrl: url };
  }
}
