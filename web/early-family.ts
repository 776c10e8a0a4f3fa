// The family the page's address names, asked for as soon as the page runs: the server works on it while the page
// sets up its renderer, and the first load of that family takes this answer instead of asking a second time.

import { api, apiUrl, familyParams, type FamilyParams, type FamilyResponse } from "./api.js";

export interface EarlyFamily {
  /** The early answer, and when it was asked for, when `params` ask for that family (once only), else null. */
  take(params: FamilyParams, signal: AbortSignal): { response: Promise<FamilyResponse>; askedAt: number } | null;
}

const urlOf = (params: FamilyParams) => apiUrl("/api/family", familyParams(params));

/** Asks for the family of `params` now (nothing when null); an answer nobody takes is aborted. */
export function askEarly(params: FamilyParams | null): EarlyFamily {
  if (params === null) return { take: () => null };
  const controller = new AbortController();
  const askedAt = performance.now();
  let answer: Promise<FamilyResponse> | null = api.family(params, controller.signal);
  // Its failure reaches the load that takes it; one that is never taken fails unheard.
  answer.catch(() => undefined);
  return {
    take(asked, signal) {
      const early = answer;
      answer = null;
      if (early === null) return null;
      if (urlOf(asked) !== urlOf(params) || signal.aborted) {
        controller.abort();
        return null;
      }
      signal.addEventListener("abort", () => controller.abort(), { once: true });
      return { response: early, askedAt };
    },
  };
}
