// The viewer's calls to the HTTP API (/api/search, /api/family, /api/model, /api/top...), typed by the server's
// wire types, and one fetch that turns the contract's error shape into an ApiError carrying the 404's close matches.

import type {
  AncestryResponse as WireAncestryResponse,
  CopiesResponse,
  FamilyResponse as WireFamilyResponse,
  LicencesPage,
  LicencesResponse,
  FamilyTableResponse,
  ModelResponse,
  PathResponse,
  ReportDocumentResponse,
  SearchResponse,
  SiblingsResponse,
  TopOrgsResponse,
  TopResponse,
} from "../src/server/wire-types.js";
import type { Relation } from "../src/vocabulary/relation.js";
import { withDrawnGraph, type WithDrawnGraph } from "./drawn-graph.js";

export { RELATIONS, type Relation } from "../src/vocabulary/relation.js";
export type { GraphPayload, PayloadNode } from "./drawn-graph.js";
export type {
  CopiesResponse,
  FamilyTableResponse,
  LicencesPage,
  LicencesResponse,
  ModelResponse,
  PathResponse,
  ReportDocumentResponse,
  SiblingsResponse,
  SearchResult,
  ViewNodeAttributes,
} from "../src/server/wire-types.js";

/** The family and ancestry answers with their graphs drawn (drawn-graph.ts). */
export type FamilyResponse = WithDrawnGraph<WireFamilyResponse>;
export type AncestryResponse = WithDrawnGraph<WireAncestryResponse>;

/** An answer in the contract's error shape, or a failure to reach the server (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message without the close matches the server writes into it, for a page that lists them once itself. */
  get withoutSuggestions(): string {
    return this.suggestions.length > 0 ? this.message.replace(/;? ?did you mean .*$/s, "") : this.message;
  }
}

type Params = Record<string, string | number | undefined>;

/** The URL of an API route with the defined parameters, in the given order. */
export function apiUrl(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(name, String(value));
  const query = search.toString();
  return query === "" ? path : `${path}?${query}`;
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { message?: unknown; suggestions?: unknown } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : `the server answered ${status}`;
  const suggestions = Array.isArray(error?.suggestions)
    ? error.suggestions.filter((s): s is string => typeof s === "string")
    : [];
  return new ApiError(status, message, suggestions);
}

async function getJson<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
  return getJsonAt<T>(apiUrl(path, params), path, signal);
}

async function getJsonAt<T>(url: string, path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, `cannot reach the server (${(error as Error).message})`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, body);
  if (body === null) throw new ApiError(response.status, `the server sent no JSON for ${path}`);
  return body as T;
}

export interface FamilyParams {
  q: string;
  depth?: number;
  relations?: readonly Relation[];
  maxNodes?: number;
  expand?: readonly string[];
  /** Collapsed subtrees of an overview to draw, by the model above them. */
  open?: readonly string[];
}

export function familyParams(params: FamilyParams): Params {
  return {
    q: params.q,
    depth: params.depth,
    relations: params.relations?.join(","),
    maxNodes: params.maxNodes,
    expand: params.expand !== undefined && params.expand.length > 0 ? params.expand.join(",") : undefined,
    open: params.open !== undefined && params.open.length > 0 ? params.open.join(",") : undefined,
  };
}

export const api = {
  search: (q: string, limit: number, signal?: AbortSignal) =>
    getJson<SearchResponse>("/api/search", { q, limit }, signal).then((body) => body.results),
  family: (params: FamilyParams, signal?: AbortSignal) =>
    getJson<WireFamilyResponse>("/api/family", familyParams(params), signal).then(withDrawnGraph),
  familyTable: (params: FamilyParams, signal?: AbortSignal) => {
    const { q, depth, relations } = familyParams(params);
    return getJson<FamilyTableResponse>("/api/family-table", { q, depth, relations }, signal);
  },
  model: (id: string, signal?: AbortSignal) => getJson<ModelResponse>("/api/model", { id }, signal),
  ancestry: (id: string, signal?: AbortSignal) =>
    getJson<WireAncestryResponse>("/api/ancestry", { id }, signal).then(withDrawnGraph),
  topOrgs: (limit: number) => getJson<TopOrgsResponse>("/api/top-orgs", { limit }),
  top: (by: TopResponse["by"], limit: number) => getJson<TopResponse>("/api/top", { by, limit }),
  quants: (id: string, signal?: AbortSignal) => getJson<CopiesResponse>("/api/quants", { id }, signal),
  adapters: (id: string, signal?: AbortSignal) => getJson<CopiesResponse>("/api/adapters", { id }, signal),
  siblings: (id: string, signal?: AbortSignal) => getJson<SiblingsResponse>("/api/siblings", { id }, signal),
  /** The licences of these models of the family (those outside it left out). */
  licencesOf: (q: string, ids: readonly string[], signal?: AbortSignal) =>
    getJson<LicencesResponse>("/api/licenses", { q, ids: ids.join(",") }, signal),
  /** The first `limit` models and findings of the family, with how many there are. */
  licencePage: (q: string, limit: number, signal?: AbortSignal) =>
    getJson<LicencesPage>("/api/licenses", { q, limit }, signal),
  path: (from: string, to: string, signal?: AbortSignal) => getJson<PathResponse>("/api/path", { from, to }, signal),
  /** The report's sections, at an /api/report address (its `family` parameter may repeat). */
  reportDocument: (url: string, signal?: AbortSignal) => getJsonAt<ReportDocumentResponse>(url, "/api/report", signal),
};

export const EXPORT_FORMATS = ["gexf", "gexf-1.2", "graphml", "csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The link that downloads the current family as a file (same members as the view, fans not aggregated). */
export function exportUrl(params: FamilyParams, format: ExportFormat): string {
  return apiUrl("/api/export", { q: params.q, format, depth: params.depth, relations: params.relations?.join(",") });
}
