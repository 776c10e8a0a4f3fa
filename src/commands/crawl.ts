// `hf-lineage crawl`: Hub metadata into the database through the importers' save path: every public model
// (--all), an org's or one model's family with all ancestors, or what changed since the last crawl.

import { createProgressLine } from "../sync/crawl-progress.js";
import { createHubFetch, HubRequestError, type HubTraffic } from "../hub/hub-fetch.js";
import { isModelId } from "../vocabulary/model-id.js";
import { refreshIndexedLineage } from "../graph/indexed-lineage.js";
import { crawlAuthorKinds } from "../sync/crawl-author-kinds.js";
import { crawlFamily } from "../sync/crawl-family.js";
import { crawlListing, NoFullCrawlError } from "../sync/crawl-listing.js";
import { CrawlAbortedError, type CrawlResult, type CrawlSession } from "../sync/crawl-session.js";
import { CommandError, UsageError, type CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, toJson } from "./render.js";

export const DEFAULT_HUB_URL = "https://huggingface.co";

type Mode = { mode: "all" | "incremental" | "author-kinds" } | { mode: "family" | "author"; target: string };

function modeOf(values: CommandContext["values"]): Mode {
  const chosen = [
    values.all === true ? "--all" : null,
    values.author !== undefined ? "--author" : null,
    values.family !== undefined ? "--family" : null,
    values["author-kinds"] === true ? "--author-kinds" : null,
  ].filter((name) => name !== null);
  if (chosen.length > 1) throw new UsageError(`choose one of ${chosen.join(", ")}`);
  if (values.all === true) return { mode: "all" };
  if (values["author-kinds"] === true) return { mode: "author-kinds" };
  if (typeof values.family === "string") {
    if (!isModelId(values.family))
      throw new UsageError(`--family needs a model id such as deepseek-ai/DeepSeek-R1, got "${values.family}"`);
    return { mode: "family", target: values.family };
  }
  if (typeof values.author === "string") {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/.test(values.author))
      throw new UsageError(`--author needs an org or user name such as Qwen, got "${values.author}"`);
    return { mode: "author", target: values.author };
  }
  return { mode: "incremental" };
}

/** The endpoint from --endpoint, else HF_ENDPOINT, else the Hub; refused when it is not a plain http(s) URL. */
export function endpointOf(values: CommandContext["values"], env: CommandContext["env"]): string {
  const raw = typeof values.endpoint === "string" ? values.endpoint : env.HF_ENDPOINT || DEFAULT_HUB_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`the Hub endpoint must be a URL such as ${DEFAULT_HUB_URL}, got "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.username !== "" || url.password !== "" || url.search !== "") {
    throw new UsageError(
      "the Hub endpoint must be a plain http(s) URL without credentials or query, " +
        `got "${url.protocol}//${url.host}${url.pathname}"`,
    );
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function tokenOf(env: CommandContext["env"]): string | undefined {
  const token = env.HF_TOKEN?.trim();
  if (token === undefined || token === "") return undefined;
  if (!token.startsWith("hf_"))
    throw new UsageError("HF_TOKEN must start with hf_ (a Hugging Face access token); it was not used");
  return token;
}

/** A count with its noun, in the plural unless it is one. */
const counted = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;

function summaryOf(result: CrawlResult, mode: Mode, endpoint: string, traffic: HubTraffic, seconds: number) {
  const { run } = result;
  const fetched = run.totals.records - run.before.records;
  return {
    mode: mode.mode,
    ...("target" in mode ? { target: mode.target } : {}),
    endpoint,
    status: "complete",
    resumed: run.resumed,
    ...(result.watermark === undefined ? {} : { watermark: result.watermark }),
    pages: run.pagesRead,
    records: run.totals.records,
    models: run.totals.models,
    edges: run.totals.edges,
    unresolved: run.totals.unresolved,
    skipped: run.totals.skipped,
    warnings: run.totals.warnings,
    ...(result.missing === undefined ? {} : { missingParents: result.missing }),
    requests: traffic.requests,
    retries: traffic.retries,
    rateLimitWaitSeconds: Math.round(traffic.rateLimitWaitMs) / 1000,
    seconds: Math.round(seconds * 1000) / 1000,
    recordsPerSecond: seconds > 0 ? Math.round(fetched / seconds) : 0,
  };
}

export async function run({ values, output, env, openStore }: CommandContext): Promise<number | void> {
  const mode = modeOf(values);
  const endpoint = endpointOf(values, env);
  const accessToken = tokenOf(env);
  const concurrency = wholeNumberOption(values, "concurrency", 4, { min: 1, max: 32 });
  const traffic: HubTraffic = { requests: 0, retries: 0, rateLimitWaitMs: 0 };
  const progress = createProgressLine(output.err, output.interactive, traffic);
  const store = await openStore();
  const session: CrawlSession = {
    store,
    hubUrl: endpoint,
    ...(accessToken === undefined ? {} : { accessToken }),
    fetch: createHubFetch({ traffic }),
    traffic,
    concurrency,
    onProgress: (counts) => progress.update(counts),
  };
  const started = Date.now();
  if (mode.mode === "author-kinds") {
    let counts;
    try {
      counts = await crawlAuthorKinds(session);
    } catch (error) {
      progress.done();
      if (error instanceof HubRequestError)
        throw new CommandError(`${error.message}; the answers received so far are kept, run it again to continue`);
      throw error;
    }
    progress.done();
    // The answers made a new data version: the index is stored for it, so a running `serve` switches to it.
    refreshIndexedLineage(store);
    const summary = {
      mode: mode.mode,
      endpoint,
      status: "complete",
      ...counts,
      requests: traffic.requests,
      retries: traffic.retries,
      rateLimitWaitSeconds: Math.round(traffic.rateLimitWaitMs) / 1000,
      seconds: Math.round(Date.now() - started) / 1000,
    };
    if (values.json === true) output.out(toJson(summary));
    else
      output.out(
        `Asked ${endpoint} the kind of ${counted(counts.asked, "author")}: ` +
          `${counted(counts.org, "organisation")}, ${counted(counts.user, "user")}, ${formatCount(counts.neither)} ` +
          `neither (no such account)\n${counted(summary.requests, "request")}, ` +
          `${formatCount(summary.retries)} retries, ${summary.rateLimitWaitSeconds} s waited on rate limits; ` +
          `${summary.seconds} s\n`,
      );
    return 0;
  }
  let result: CrawlResult;
  try {
    result =
      "target" in mode ? await crawlFamily(session, mode.mode, mode.target) : await crawlListing(session, mode.mode);
  } catch (error) {
    progress.done();
    if (error instanceof HubRequestError || error instanceof NoFullCrawlError || error instanceof CrawlAbortedError) {
      throw new CommandError(
        error.message +
          (error instanceof HubRequestError
            ? "; the pages saved so far are kept, run the same crawl again to continue"
            : ""),
      );
    }
    throw error;
  }
  progress.done();
  refreshIndexedLineage(store);
  const summary = summaryOf(result, mode, endpoint, traffic, (Date.now() - started) / 1000);
  if (values.json === true) {
    output.out(toJson(summary));
    return 0;
  }
  const what = "target" in mode ? `${mode.mode} ${mode.target}` : mode.mode;
  output.out(
    `Crawled ${endpoint} (${what}${summary.resumed ? ", resumed" : ""}): ` +
      `${formatCount(summary.records)} records in ${formatCount(summary.pages)} pages, ` +
      `${formatCount(summary.edges)} edges, ${formatCount(summary.unresolved)} unresolved bases, ` +
      `${formatCount(summary.skipped)} skipped` +
      (summary.missingParents === undefined ? "" : `, ${formatCount(summary.missingParents)} parents not on the Hub`) +
      "\n" +
      `${formatCount(summary.requests)} requests, ${formatCount(summary.retries)} retries, ` +
      `${summary.rateLimitWaitSeconds} s waited on rate limits; ` +
      `${summary.seconds} s (${formatCount(summary.recordsPerSecond)} records/s)\n`,
  );
  return 0;
}
