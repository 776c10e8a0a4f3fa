// The HTTP application: a function from a WHATWG Request to a Response, so tests call it without a port. Routes
// the JSON API, serves the built viewer, turns every failure into the one error shape and adds security headers.

import type { IndexedLineage } from "../graph/indexed-lineage.js";
import { acceptsGzip, AnswerCache, answerOf } from "./answer-cache.js";
import type { ApiRoute } from "./api-route.js";
import { checkpoint } from "./checkpoint.js";
import { CLIENT_CLOSED_REQUEST, errorResponse, HttpError, jsonText, methodNotAllowed } from "./http-error.js";
import { refuseUnknownParams, unknownParam } from "./params.js";
import { ReadyAnswer, sendableResponse, type Asked, type Sendable } from "./ready-answer.js";
import { ancestry, ANCESTRY_PARAMS } from "./routes/ancestry.js";
import { adapters, ADAPTERS_PARAMS, quants, QUANTS_PARAMS } from "./routes/copies.js";
import { EXPORT_PARAMS, exportFamily } from "./routes/export.js";
import { family, FAMILY_PARAMS } from "./routes/family.js";
import { familyTable, FAMILY_TABLE_PARAMS } from "./routes/family-table.js";
import { licences, LICENCES_PARAMS } from "./routes/licences.js";
import { modelDetails, MODEL_PARAMS } from "./routes/model.js";
import { path, PATH_PARAMS } from "./routes/path.js";
import { report, REPORT_PARAMS } from "./routes/report.js";
import { checks, stats } from "./routes/reports.js";
import { search, SEARCH_PARAMS } from "./routes/search.js";
import { siblings, SIBLINGS_PARAMS } from "./routes/siblings.js";
import { TOP_ORGS_PARAMS, TOP_PARAMS, topModels, topOrgs } from "./routes/top.js";
import { withSecurityHeaders } from "./security-headers.js";
import { ServerData } from "./server-data.js";
import { SharedComputations } from "./shared-computations.js";
import { serveStatic } from "./static-files.js";

export interface AppDeps {
  /** The lineage index served. */
  lineage: IndexedLineage;
  /**
   * A newer complete index than the one served (of data version `served`), or null: asked at most once a second,
   * and switched to at once, so every answer comes from one whole data version. Left out, the index never changes.
   */
  newerLineage?: (served: number) => IndexedLineage | null;
  /** The folder of the built viewer (web/dist); null serves the API only. */
  webRoot: string | null;
  /** The one origin allowed to call the API from another site (--cors); null sends no CORS headers. */
  corsOrigin?: string | null;
  /** Where unexpected failures are reported (their detail never reaches the client). */
  log?: (message: string) => void;
  /** Bytes of answers (as sent, uncompressed and gzip) remembered for the data version served; 0 turns this off. */
  cacheSize?: number;
}

/** How often a request may look for a newer index. */
const NEWER_LINEAGE_CHECK_MS = 1000;

/** 128 MB of remembered answers: about eighty of the largest family graphs with their compressed bytes. */
export const DEFAULT_CACHE_SIZE = 128 * 1024 * 1024;

export interface App {
  (request: Request): Promise<Response>;
  /**
   * The error shape for a request the app never sees (refused by the HTTP parser or the adapter), with every
   * header; anything but an HttpError is a 500.
   */
  refuse(error: unknown): Response;
  /**
   * The remembered answer to a GET of `target` (a path and query), ready to write with no further work, or
   * undefined when the request needs the app itself (not remembered yet, an unknown route or parameter, ...). It
   * is what the app would answer, byte for byte and header for header.
   */
  remembered(target: string, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): Sendable | undefined;
}

export function createApp(deps: AppDeps): App {
  let data = new ServerData(deps.lineage);
  // Read once the server is idle after starting, not by the first family asked for. A failure here is left to
  // the request that needs the same parts, which answers it in the one error shape.
  const reading = setTimeout(() => {
    try {
      data.readFamilyParts();
    } catch {
      // answered by that request
    }
  }, 0);
  reading.unref();
  let cache = new AnswerCache(deps.cacheSize ?? DEFAULT_CACHE_SIZE);
  const computing = new SharedComputations<ReadyAnswer>();
  let checkedAt = Date.now();
  /** The data served now: switched (with a new answer cache) when a newer complete index is stored. */
  const current = (): ServerData => {
    if (deps.newerLineage === undefined || Date.now() - checkedAt < NEWER_LINEAGE_CHECK_MS) return data;
    checkedAt = Date.now();
    const newer = deps.newerLineage(data.lineage.index.dataVersion);
    if (newer !== null) {
      data = new ServerData(newer);
      cache = new AnswerCache(deps.cacheSize ?? DEFAULT_CACHE_SIZE);
      deps.log?.(`server: now serving data version ${newer.index.dataVersion} (${newer.index.models} models)`);
    }
    return data;
  };
  const routes = new Map<string, ApiRoute>([
    ["/api/search", { params: SEARCH_PARAMS, answer: search }],
    ["/api/model", { params: MODEL_PARAMS, answer: modelDetails }],
    ["/api/family", { params: FAMILY_PARAMS, answer: family }],
    ["/api/family-table", { params: FAMILY_TABLE_PARAMS, answer: familyTable }],
    ["/api/ancestry", { params: ANCESTRY_PARAMS, answer: ancestry }],
    ["/api/top", { params: TOP_PARAMS, answer: topModels }],
    ["/api/top-orgs", { params: TOP_ORGS_PARAMS, answer: topOrgs }],
    ["/api/stats", { params: [], answer: stats }],
    ["/api/checks", { params: [], answer: checks }],
    ["/api/quants", { params: QUANTS_PARAMS, answer: quants }],
    ["/api/adapters", { params: ADAPTERS_PARAMS, answer: adapters }],
    ["/api/licenses", { params: LICENCES_PARAMS, answer: licences }],
    ["/api/path", { params: PATH_PARAMS, answer: path }],
    ["/api/siblings", { params: SIBLINGS_PARAMS, answer: siblings }],
    ["/api/report", { params: REPORT_PARAMS, answer: report }],
    [
      "/api/export",
      {
        params: EXPORT_PARAMS,
        answer: (routeData, params, signal) => exportFamily(routeData, params, signal, deps.log),
        streamed: true,
      },
    ],
  ]);

  /** The route's answer ready to send, computed with checkpoints (the route's own, then before each costly step). */
  async function compute(route: ApiRoute, served: ServerData, params: URLSearchParams, signal: AbortSignal) {
    const body = await route.answer(served, params, signal);
    await checkpoint(signal);
    return new ReadyAnswer(await answerOf(body instanceof Response ? body : jsonText(body)), finishHeaders);
  }

  /** Where a remembered answer to `url` is kept: the data version served and the request's shape. */
  const keyOf = (served: ServerData, url: URL) => `${served.lineage.index.dataVersion} ${AnswerCache.keyOf(url)}`;

  async function answer(request: Request): Promise<Response> {
    if (request.method !== "GET" && request.method !== "HEAD") throw methodNotAllowed(request.method);
    const url = new URL(request.url);
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      const route = routes.get(url.pathname);
      if (route === undefined)
        throw new HttpError(
          404,
          `no API route ${url.pathname.slice(0, 100)}; see /api/search, /api/model, /api/family, /api/family-table, ` +
            "/api/ancestry, /api/top, /api/top-orgs, /api/stats, /api/checks, /api/export, /api/quants, " +
            "/api/adapters, /api/licenses, /api/path, /api/siblings, /api/report",
        );
      refuseUnknownParams(url.pathname, url.searchParams, route.params);
      // One version for the whole answer: the data and its cache are taken together, before any work.
      const served = current();
      if (route.streamed === true) return (await route.answer(served, url.searchParams, request.signal)) as Response;
      const answers = cache;
      const key = keyOf(served, url);
      const asked: Asked = {
        gzip: acceptsGzip(request.headers.get("accept-encoding")),
        ifNoneMatch: request.headers.get("if-none-match"),
      };
      const ready =
        answers.get(key) ??
        (await computing.run(key, request.signal, async (signal) =>
          answers.remember(key, await compute(route, served, url.searchParams, signal)),
        ));
      return sendableResponse(ready.sendable(asked));
    }
    if (deps.webRoot === null)
      throw new HttpError(404, `not found: ${url.pathname.slice(0, 200)} (this server answers the JSON API only)`);
    return serveStatic(deps.webRoot, url.pathname, request.method);
  }

  /** Every answer's last step: the security headers (and CORS when configured). */
  function finish(response: Response): Response {
    return withSecurityHeaders(response, deps.corsOrigin ?? null);
  }

  /** The same last step for the headers of a ready answer, taken once when it is made. */
  function finishHeaders(status: number, headers: Record<string, string>): Record<string, string> {
    const finished: Record<string, string> = {};
    finish(new Response(null, { status, headers })).headers.forEach((value, name) => {
      finished[name] = value;
    });
    return finished;
  }

  function remembered(target: string, acceptEncoding: string | undefined, ifNoneMatch: string | undefined) {
    // The same URL the app's Request would carry (see listen.ts), so the same route, parameters and key.
    const url = new URL(`http://localhost${target}`);
    const route = routes.get(url.pathname);
    if (route === undefined || route.streamed === true || unknownParam(url.searchParams, route.params) !== undefined)
      return undefined;
    const ready = cache.get(keyOf(current(), url));
    return ready?.sendable({ gzip: acceptsGzip(acceptEncoding ?? null), ifNoneMatch: ifNoneMatch ?? null });
  }

  /** The error shape for any failure, with `Allow` on a 405 and every header. */
  function refuse(error: unknown): Response {
    const response = errorResponse(error, deps.log);
    if (response.status === 405) response.headers.set("allow", "GET, HEAD");
    return finish(response);
  }

  const handle = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      response = finish(await answer(request));
    } catch (error) {
      // A client that went away is nobody's failure: its answer is not logged, and nobody reads it.
      response = request.signal.aborted ? finish(new Response(null, { status: CLIENT_CLOSED_REQUEST })) : refuse(error);
    }
    if (request.method === "HEAD" && response.body !== null) {
      // Nobody reads a HEAD answer's body: a streamed one (an export) is cancelled, so its writer stops.
      await response.body.cancel();
      response = new Response(null, { status: response.status, headers: response.headers });
    }
    return response;
  };
  return Object.assign(handle, { refuse, remembered });
}
