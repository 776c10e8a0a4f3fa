// The viewer's typed view of the HTTP API contract (/api/search, /api/family, /api/model, /api/top...), and one
// fetch that turns the contract's error shape into an ApiError carrying the 404's close matches.

import type { FamilyReport } from "../src/graph/family.js";
import type { Relation, RelationCounts } from "../src/vocabulary/relation.js";

export { RELATIONS, type Relation } from "../src/vocabulary/relation.js";
export type { FamilyReport };

export interface SearchResult {
  id: string;
  kind: "model" | "org";
  descendants: number;
  downloads: number;
}

export interface FanInfo {
  parent: string;
  relation: Relation;
  count: number;
}

export interface ViewNodeAttributes {
  label: string;
  x: number;
  y: number;
  depth: number;
  relation: Relation | null;
  author: string | null;
  downloads: number;
  descendants: number;
  placeholder: boolean;
  root: boolean;
  fan?: FanInfo;
}

export interface ViewGraph {
  nodes: { key: string; attributes: ViewNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: { relation: Relation } }[];
}

export interface FamilyResponse {
  query: string;
  kind: "model" | "org";
  family: FamilyReport;
  graph: ViewGraph;
  aggregated: FanInfo[];
  truncated: { omittedNodes: number } | null;
}

export interface ModelRecord {
  id: string;
  author: string | null;
  createdAt: string | null;
  lastModified: string | null;
  downloads: number | null;
  likes: number | null;
  license: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  gated: boolean | string | null;
  placeholder: boolean;
  relation: Relation | null;
}

export interface ModelResponse {
  model: ModelRecord;
  hubUrl: string;
  children: { total: number; byRelation: RelationCounts };
  descendants: { total: number; byRelation: RelationCounts; byDepth: Record<string, number> };
  ancestors: { id: string; depth: number }[];
  ancestry: { paths: string[][]; truncated: boolean };
  metrics: { generation: number; descendants: number; children: number; pagerank: number; subtreeDownloads: number };
}

export interface TopOrgsResponse {
  orgs: { org: string; models: number; descendants: number }[];
}

export interface TopResponse {
  by: string;
  models: { id: string; value: number; downloads: number }[];
}

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
}

type Params = Record<string, string | number | undefined>;

/** The URL of an API route with the defined parameters, in the given order. */
export function apiUrl(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(name, String(value));
  const query = search.toString();
  return query === "" ? path : `${path}?${query}`;
}

function errorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { message?: unknown; suggestions?: unknown } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : `the server answered ${status}`;
  const suggestions = Array.isArray(error?.suggestions) ? error.suggestions.filter((s): s is string => typeof s === "string") : [];
  return new ApiError(status, message, suggestions);
}

async function getJson<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { signal, headers: { accept: "application/json" } });
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
}

export function familyParams(params: FamilyParams): Params {
  return {
    q: params.q,
    depth: params.depth,
    relations: params.relations?.join(","),
    maxNodes: params.maxNodes,
    expand: params.expand !== undefined && params.expand.length > 0 ? params.expand.join(",") : undefined,
  };
}

export const api = {
  search: (q: string, limit: number, signal?: AbortSignal) =>
    getJson<{ results: SearchResult[] }>("/api/search", { q, limit }, signal).then((body) => body.results),
  family: (params: FamilyParams, signal?: AbortSignal) => getJson<FamilyResponse>("/api/family", familyParams(params), signal),
  model: (id: string, signal?: AbortSignal) => getJson<ModelResponse>("/api/model", { id }, signal),
  topOrgs: (limit: number) => getJson<TopOrgsResponse>("/api/top-orgs", { limit }),
  top: (by: string, limit: number) => getJson<TopResponse>("/api/top", { by, limit }),
};

/** The link that downloads the current family as a file (same members as the view, fans not aggregated). */
export function exportUrl(params: FamilyParams, format: "gexf" | "graphml" | "csv" | "json"): string {
  return apiUrl("/api/export", { q: params.q, format, depth: params.depth, relations: params.relations?.join(",") });
}
