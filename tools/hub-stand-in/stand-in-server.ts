// A local stand-in for the Hub's model API (node:http) answering as huggingface.co does: `/api/models` with
// absolute `Link` pagination, `/api/models/{id}/revision/{rev}`, the organisation and user overviews, 404s,
// redirects for renamed repos, faults.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HubModelRecord } from "../../src/hub/api-types.js";
import { FaultSchedule, type Fault } from "./faults.js";
import { InvalidQueryError, ModelCatalog } from "./model-catalog.js";
import { createListSerializer, projectRecord } from "./project-record.js";

/** An account the stand-in knows: `/api/organizations/{name}/overview` answers for an org, `/api/users/...` a user. */
export interface StandInAccount {
  name: string;
  type: "org" | "user";
  fullname?: string;
}

export interface HubStandInOptions {
  records: Iterable<HubModelRecord>;
  /** The accounts whose overview is served (any case of the name); every other name answers 404. */
  accounts?: Iterable<StandInAccount>;
  /** The largest page served, whatever `limit` asks (the Hub caps it too). */
  maxPageSize?: number;
  /** A fixed-window request budget, announced in `RateLimit` headers and enforced with 429s. */
  rateLimit?: { requests: number; windowSeconds: number };
  port?: number;
  host?: string;
}

export interface StandInRequest {
  path: string;
  authorization: string | undefined;
}

export interface HubStandIn {
  /** The base URL to pass as the Hub endpoint (`http://127.0.0.1:PORT`). */
  url: string;
  catalog: ModelCatalog;
  faults: FaultSchedule;
  /** Every request answered so far, in order. */
  requests: StandInRequest[];
  close(): Promise<void>;
}

const JSON_TYPE = "application/json; charset=utf-8";

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": JSON_TYPE, "Content-Length": Buffer.byteLength(body), ...headers });
  response.end(body);
}

function notFound(response: ServerResponse, message: string, headers: Record<string, string>): void {
  send(response, 404, JSON.stringify({ error: message }), { "X-Error-Code": "RepoNotFound", ...headers });
}

/** An overview as the Hub shapes it: the org's `name`, the user's `user`, both with `fullname` and `type`. */
function overviewOf(account: StandInAccount): Record<string, unknown> {
  const fullname = account.fullname ?? account.name;
  return account.type === "org"
    ? { name: account.name, fullname, type: "org" }
    : { user: account.name, fullname, type: "user" };
}

export async function startHubStandIn(options: HubStandInOptions): Promise<HubStandIn> {
  const catalog = new ModelCatalog(options.records);
  const accounts = new Map([...(options.accounts ?? [])].map((account) => [account.name.toLowerCase(), account]));
  const faults = new FaultSchedule();
  const requests: StandInRequest[] = [];
  const maxPageSize = options.maxPageSize ?? 1000;
  const serializeList = createListSerializer();
  let windowStart = Date.now();
  let windowCount = 0;

  const rateLimitHeaders = (): { headers: Record<string, string>; exceeded: boolean } => {
    if (options.rateLimit === undefined) return { headers: {}, exceeded: false };
    const { requests: quota, windowSeconds } = options.rateLimit;
    const now = Date.now();
    if (now - windowStart >= windowSeconds * 1000) {
      windowStart = now;
      windowCount = 0;
    }
    windowCount++;
    const reset = Math.max(1, Math.ceil((windowStart + windowSeconds * 1000 - now) / 1000));
    return {
      headers: {
        RateLimit: `"api";r=${Math.max(0, quota - windowCount)};t=${reset}`,
        "RateLimit-Policy": `"fixed window";"api";q=${quota};w=${windowSeconds}`,
      },
      exceeded: windowCount > quota,
    };
  };

  const listModels = (url: URL, base: string): { body: string; headers: Record<string, string> } => {
    const params = url.searchParams;
    const limit = Math.min(maxPageSize, Math.max(1, Number.parseInt(params.get("limit") ?? "", 10) || maxPageSize));
    const page = catalog.query({
      author: params.get("author") ?? undefined,
      filters: [...params.getAll("filter"), ...params.getAll("filter[]")],
      search: params.get("search") ?? undefined,
      sort: params.get("sort") ?? undefined,
      descending: params.get("direction") === "-1",
      limit,
      cursor: params.get("cursor") ?? undefined,
    });
    const expand = [...params.getAll("expand"), ...params.getAll("expand[]")];
    const body = serializeList(page.items, expand);
    if (page.nextCursor === null) return { body, headers: {} };
    const next = new URLSearchParams(params);
    next.set("cursor", page.nextCursor);
    return { body, headers: { Link: `<${base}/api/models?${next.toString()}>; rel="next"` } };
  };

  const answer = (request: IncomingMessage, response: ServerResponse, fault: Fault | undefined): void => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const base = `http://${request.headers.host ?? "127.0.0.1"}`;
    const limits = rateLimitHeaders();
    if (fault?.kind === "rate-limit" || limits.exceeded) {
      const headers =
        fault?.kind === "rate-limit"
          ? { RateLimit: `"api";r=0;t=${fault.resetSeconds}`, "RateLimit-Policy": `"fixed window";"api";q=1000;w=300` }
          : limits.headers;
      send(response, 429, JSON.stringify({ error: "You have exceeded our API rate limit. Try again later." }), headers);
      return;
    }
    if (fault?.kind === "status") {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) };
      send(
        response,
        fault.status,
        JSON.stringify({ error: "Internal Error - We're working hard to fix this as soon as possible!" }),
        headers,
      );
      return;
    }
    let status = 200;
    let body: string;
    let headers: Record<string, string> = limits.headers;
    try {
      if (request.method !== "GET") {
        send(response, 405, JSON.stringify({ error: "Method not allowed" }), headers);
        return;
      }
      if (url.pathname === "/api/models") {
        const listed = listModels(url, base);
        body = listed.body;
        headers = { ...headers, ...listed.headers };
      } else if (url.pathname.startsWith("/api/models/")) {
        const rest = decodeURIComponent(url.pathname.slice("/api/models/".length));
        const id = rest.split("/revision/")[0] ?? rest;
        const record = catalog.get(id);
        if (record === undefined) {
          const renamed = catalog.renamedTo(id);
          if (renamed === undefined) return notFound(response, "Repository not found", headers);
          response.writeHead(307, {
            Location: `/api/models/${renamed}${rest.slice(id.length)}${url.search}`,
            ...headers,
          });
          response.end();
          return;
        }
        body = JSON.stringify(
          projectRecord(record, [...url.searchParams.getAll("expand"), ...url.searchParams.getAll("expand[]")], true),
        );
      } else if (/^\/api\/(organizations|users)\/[^/]+\/overview$/.test(url.pathname)) {
        const [, route, name] = url.pathname.split("/").slice(1);
        const account = accounts.get(decodeURIComponent(name ?? "").toLowerCase());
        const wanted = route === "organizations" ? "org" : "user";
        if (account === undefined || account.type !== wanted) {
          const what = wanted === "org" ? "Organization" : "User";
          return send(response, 404, JSON.stringify({ error: `${what} not found` }), headers);
        }
        body = JSON.stringify(overviewOf(account));
      } else {
        return notFound(response, "Not Found", headers);
      }
    } catch (error) {
      if (!(error instanceof InvalidQueryError)) throw error;
      status = 400;
      body = JSON.stringify({ error: error.message });
    }
    if (fault?.kind === "truncate") {
      response.writeHead(200, { "Content-Type": JSON_TYPE, ...headers });
      response.end(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    if (fault?.kind === "malformed")
      return send(response, 200, "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", headers);
    send(response, status, body, headers);
  };

  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    const authorization = request.headers.authorization;
    requests.push({ path, authorization });
    const fault = faults.take(path);
    if (fault?.kind === "drop") {
      request.socket.destroy();
      return;
    }
    const respond = () => {
      try {
        answer(request, response, fault);
      } catch (error) {
        send(response, 500, JSON.stringify({ error: `stand-in failure: ${(error as Error).message}` }));
      }
    };
    if (fault?.kind === "slow") setTimeout(respond, fault.delayMs);
    else respond();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    catalog,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
