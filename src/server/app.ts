// The HTTP application: a function from a WHATWG Request to a Response, so tests call it without a port. Routes
// the JSON API, serves the built viewer, turns every failure into the one error shape and adds security headers.

import type { IndexedLineage } from "../graph/indexed-lineage.js";
import { acceptsGzip, AnswerCache, answerResponse } from "./answer-cache.js";
import { errorResponse, HttpError, jsonText } from "./http-error.js";
import { ancestry } from "./routes/ancestry.js";
import { adapters, quants } from "./routes/copies.js";
import { exportFamily } from "./routes/export.js";
import { family } from "./routes/family.js";
import { familyTable } from "./routes/family-table.js";
import { licences } from "./routes/licences.js";
import { modelDetails } from "./routes/model.js";
import { path } from "./routes/path.js";
import { checks, stats } from "./routes/reports.js";
import { search } from "./routes/search.js";
import { siblings } from "./routes/siblings.js";
import { topModels, topOrgs } from "./routes/top.js";
import { withSecurityHeaders } from "./security-headers.js";
import { ServerData } from "./server-data.js";
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
  /** Characters of JSON answers remembered for the data version served; 0 turns this off. */
  cacheSize?: number;
}

/** How often a request may look for a newer index. */
const NEWER_LINEAGE_CHECK_MS = 1000;

/** 128 M characters of remembered answers: about a hundred of the largest family graphs. */
export const DEFAULT_CACHE_SIZE = 128 * 1024 * 1024;

export type App = (request: Request) => Promise<Response>;

type Route = (data: ServerData, params: URLSearchParams) => unknown | Promise<unknown>;

export function createApp(deps: AppDeps): App {
  let data = new ServerData(deps.lineage);
  let cache = new AnswerCache(deps.cacheSize ?? DEFAULT_CACHE_SIZE);
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
  const routes = new Map<string, Route>([
    ["/api/search", search],
    ["/api/model", modelDetails],
    ["/api/family", family],
    ["/api/family-table", familyTable],
    ["/api/ancestry", ancestry],
    ["/api/top", topModels],
    ["/api/top-orgs", topOrgs],
    ["/api/stats", stats],
    ["/api/checks", checks],
    ["/api/quants", quants],
    ["/api/adapters", adapters],
    ["/api/licenses", licences],
    ["/api/path", path],
    ["/api/siblings", siblings],
    ["/api/export", (routeData, params) => exportFamily(routeData, params, deps.log)],
  ]);

  async function answer(request: Request): Promise<Response> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      throw new HttpError(405, `method ${request.method.slice(0, 20)} is not allowed; the API only reads (GET)`);
    }
    const url = new URL(request.url);
    if (url.pathname === "/api" || url.pathname.startsWith("/api/")) {
      const route = routes.get(url.pathname);
      if (route === undefined)
        throw new HttpError(
          404,
          `no API route ${url.pathname.slice(0, 100)}; see /api/search, /api/model, /api/family, /api/family-table, ` +
            "/api/ancestry, /api/top, /api/top-orgs, /api/stats, /api/checks, /api/export, /api/quants, " +
            "/api/adapters, /api/licenses, /api/path, /api/siblings",
        );
      const key = AnswerCache.keyOf(url);
      const gzip = acceptsGzip(request.headers.get("accept-encoding"));
      // One version for the whole answer: the data and its cache are taken together, before any work.
      const served = current();
      const answers = cache;
      const cached = answers.get(key);
      if (cached !== undefined) return answerResponse(cached, gzip);
      const body = await route(served, url.searchParams);
      if (body instanceof Response) return body;
      return answerResponse(answers.remember(key, jsonText(body)), gzip);
    }
    if (deps.webRoot === null)
      throw new HttpError(404, `not found: ${url.pathname.slice(0, 200)} (this server answers the JSON API only)`);
    return serveStatic(deps.webRoot, url.pathname, request.method);
  }

  return async (request) => {
    let response: Response;
    try {
      response = await answer(request);
    } catch (error) {
      response = errorResponse(error, deps.log);
      if (response.status === 405) response.headers.set("allow", "GET, HEAD");
    }
    if (request.method === "HEAD" && response.body !== null)
      response = new Response(null, { status: response.status, headers: response.headers });
    return withSecurityHeaders(response, deps.corsOrigin ?? null);
  };
}
