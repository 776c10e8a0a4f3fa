// Whether an author is an organisation or a user, as the Hub states it: `/api/organizations/{name}/overview` answers
// for an organisation and `/api/users/{name}/overview` for a user (the official clients' get_organization_overview
// and get_user_overview); a model record does not say, and the model routes' `expand` values have no author kind.

import { HubRequestError } from "./hub-fetch.js";

export interface AuthorKindOptions {
  hubUrl: string;
  /** An already retrying, validating fetch (see hub-fetch.ts). */
  fetch: typeof fetch;
  accessToken?: string;
}

export type HubAuthorKind = "org" | "user" | "neither";

/** True when the route answers for `name`, false when it answers 404; any other failure is thrown. */
async function answers(url: string, options: AuthorKindOptions): Promise<boolean> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.accessToken !== undefined) headers.Authorization = `Bearer ${options.accessToken}`;
  try {
    await options.fetch(url, { headers });
    return true;
  } catch (error) {
    if (error instanceof HubRequestError && error.status === 404) return false;
    throw error;
  }
}

/** One or two requests: the organisation's overview first, then the user's. */
export async function fetchAuthorKind(name: string, options: AuthorKindOptions): Promise<HubAuthorKind> {
  const encoded = encodeURIComponent(name);
  if (await answers(`${options.hubUrl}/api/organizations/${encoded}/overview`, options)) return "org";
  if (await answers(`${options.hubUrl}/api/users/${encoded}/overview`, options)) return "user";
  return "neither";
}
