// One model's record through @huggingface/hub's modelInfo (`/api/models/{id}/revision/main`), with the same
// fields as a crawl page; null when the Hub has no such model for us (deleted, private, or never existed).

import { modelInfo } from "@huggingface/hub";
import { HubRequestError } from "./hub-fetch.js";
import { CRAWL_FIELDS } from "./model-pages.js";

export interface ModelRecordOptions {
  hubUrl: string;
  /** An already retrying, validating fetch (see hub-fetch.ts). */
  fetch: typeof fetch;
  accessToken?: string;
}

export async function fetchModelRecord(
  id: string,
  options: ModelRecordOptions,
): Promise<Record<string, unknown> | null> {
  let record: Record<string, unknown> | null = null;
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await options.fetch(input, init);
    record = (await response.json()) as Record<string, unknown>;
    return response;
  };
  try {
    await modelInfo({
      name: id,
      hubUrl: options.hubUrl,
      fetch: recordingFetch,
      additionalFields: [...CRAWL_FIELDS],
      ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    });
  } catch (error) {
    // A missing repository is a 404, or a 401 with X-Error-Code: RepoNotFound when no token is sent.
    if (
      error instanceof HubRequestError &&
      (error.status === 404 || (error.status === 401 && error.errorCode === "RepoNotFound"))
    )
      return null;
    throw error;
  }
  return record;
}
