// `crawl --author-kinds`: asks the Hub, for every author of the stored models not looked up yet, whether it is an
// organisation or a user, a few at a time, saving the answers in batches so a stopped run continues where it was.

import { fetchAuthorKind } from "../hub/author-kind.js";
import { authorsWithoutKind, saveAuthorKinds, type AuthorKind } from "../store/author-kinds.js";
import type { CrawlSession } from "./crawl-session.js";
import { runTaskPool } from "./task-pool.js";

/** Answers saved together: a stopped run loses at most this many lookups. */
const SAVE_EVERY = 100;

export interface AuthorKindCounts {
  /** Authors looked up by this run, and what the Hub said of them. */
  asked: number;
  org: number;
  user: number;
  neither: number;
}

export async function crawlAuthorKinds(session: CrawlSession): Promise<AuthorKindCounts> {
  const { store } = session;
  const authors = authorsWithoutKind(store);
  const counts: AuthorKindCounts = { asked: 0, org: 0, user: 0, neither: 0 };
  let unsaved: { author: string; kind: AuthorKind }[] = [];
  const save = () => {
    saveAuthorKinds(store, unsaved);
    unsaved = [];
  };
  const credentials = session.accessToken === undefined ? {} : { accessToken: session.accessToken };
  try {
    await runTaskPool(authors, session.concurrency, async (author) => {
      if (session.signal?.aborted === true) throw new Error("crawl: stopped; run the same crawl again to continue");
      const kind = await fetchAuthorKind(author, { hubUrl: session.hubUrl, fetch: session.fetch, ...credentials });
      unsaved.push({ author, kind });
      counts.asked++;
      counts[kind]++;
      if (unsaved.length >= SAVE_EVERY) save();
      session.onProgress?.({ pages: 0, records: 0, edges: 0, tasksDone: counts.asked, tasksTotal: authors.length });
    });
  } finally {
    // The answers already received are kept, whatever stopped the run.
    save();
  }
  return counts;
}
