// Pages of `/api/models` as an async generator: @huggingface/hub's listModels builds the query and follows the
// `Link` header; the fetch handed to it keeps each page's raw records and next URL, so a crawl can resume.

import { listModels, type ModelAdditionalField } from "@huggingface/hub";

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
  /** Newest first (`direction=-1`, which listModels does not send). */
  descending?: boolean;
  /** Start from this next-page URL of an earlier run instead of the first page. */
  resumeUrl?: string | null;
  /** Ask for the next page while this one is being saved (one more request in flight). */
  lookAhead?: boolean;
}

/** The record fields a crawl asks for beyond the ones listModels always expands. */
export const CRAWL_FIELDS = ["author", "cardData", "createdAt", "library_name", "tags"] as const satisfies readonly ModelAdditionalField[];

/** The `rel="next"` URL of a `Link` header, read as the Hub's client reads it (absolute http(s) only). */
export function nextLink(header: string | null): string | null {
  if (header === null) return null;
  return /<(https?:[/][/][^>]+)>;\s+rel="next"/.exec(header)?.[1] ?? null;
}

export async function* modelPages(options: ModelPagesOptions): AsyncGenerator<ModelPage> {
  const pages: ModelPage[] = [];
  let first = true;
  // With lookAhead, the next page is asked for as soon as its URL is known, so the Hub answers while this page
  // is being saved.
  let ahead: { url: string; response: Promise<Response> } | null = null;
  const recordingFetch: typeof fetch = async (input, init) => {
    let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (first && options.resumeUrl) url = options.resumeUrl;
    else if (first && options.descending) url += "&direction=-1";
    first = false;
    const response = await (ahead?.url === url ? ahead.response : options.fetch(url, init));
    ahead = null;
    const records = (await response.json()) as unknown[];
    const nextUrl = nextLink(response.headers.get("link"));
    pages.push({ records, nextUrl });
    if (nextUrl !== null && options.lookAhead === true) {
      ahead = { url: nextUrl, response: options.fetch(nextUrl, init) };
      ahead.response.catch(() => undefined);
    }
    return response;
  };
  let taken = 0;
  const entries = listModels({
    hubUrl: options.hubUrl,
    fetch: recordingFetch,
    additionalFields: [...CRAWL_FIELDS],
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    ...(options.sort === undefined ? {} : { sort: options.sort }),
    search: { ...(options.owner === undefined ? {} : { owner: options.owner }), ...(options.tags === undefined ? {} : { tags: options.tags }) },
  });
  for await (const _entry of entries) {
    while (pages[0]?.records.length === 0) yield pages.shift() as ModelPage;
    taken++;
    if (taken === pages[0]?.records.length) {
      taken = 0;
      yield pages.shift() as ModelPage;
    }
  }
  yield* pages.splice(0);
}
