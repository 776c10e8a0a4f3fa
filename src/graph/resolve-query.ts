// Turns what a user typed into a model or an org, case-insensitively as the Hub does, and answers an unknown
// name with the closest ids ("did you mean ..."), so a typo never ends in a bare "not found".

import { distance } from "fastest-levenshtein";
import { modelIdsContainingAny, modelIdsIgnoringCase, orgModelIds } from "../store/model-queries.js";
import type { Store } from "../store/open-store.js";
import { currentIdOfRenamed } from "../store/renames.js";
import { currentIdOfLegacy } from "../vocabulary/legacy-ids.js";
import { queryOfHubAddress } from "../ingest/hub-address.js";

export type ResolvedQuery = { kind: "model"; id: string } | { kind: "org"; org: string; models: string[] };

export class UnknownQueryError extends Error {
  constructor(
    readonly query: string,
    readonly suggestions: string[],
  ) {
    super(
      `unknown model or org "${query}"` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : ""),
    );
    this.name = "UnknownQueryError";
  }
}

/** Text that matches no id as written but several that differ only in letter case: which one is meant is unknown. */
export class AmbiguousQueryError extends Error {
  constructor(
    readonly query: string,
    readonly ids: string[],
  ) {
    super(
      `"${query}" matches ${ids.length} models whose ids differ only in letter case ` +
        `(${ids.map((id) => `"${id}"`).join(", ")}); give one as it is written`,
    );
    this.name = "AmbiguousQueryError";
  }
}

/**
 * The model with this id (exact spelling first, else its one case variant), else the model a legacy id or a stored
 * rename names now (both names are one model), or null. Several case variants and none exact: AmbiguousQueryError.
 */
export function findModelId(store: Store, text: string): string | null {
  const ids = modelIdsIgnoringCase(store, text);
  if (ids.length > 1 && !ids.includes(text)) throw new AmbiguousQueryError(text, ids);
  const found = ids.find((id) => id === text) ?? ids[0];
  if (found !== undefined) return found;
  const current = currentIdOfLegacy(text) ?? currentIdOfRenamed(store, text);
  return current === null ? null : (modelIdsIgnoringCase(store, current)[0] ?? null);
}

function orgOfText(store: Store, text: string): ResolvedQuery | null {
  if (text.length === 0 || text.includes("/")) return null;
  const models = orgModelIds(store, text);
  const first = models[0];
  if (first === undefined) return null;
  const spelled = models.find((model) => model.startsWith(`${text}/`)) ?? first;
  return { kind: "org", org: spelled.slice(0, spelled.indexOf("/")), models };
}

/**
 * The model of this id, else the org of this name (either may be given as its page on the Hub); unknown text is
 * answered with the closest ids.
 */
export function resolveQuery(store: Store, query: string): ResolvedQuery {
  const text = queryOfHubAddress(query) ?? query.trim();
  const id = text.length > 0 ? findModelId(store, text) : null;
  if (id !== null) return { kind: "model", id };
  const org = orgOfText(store, text);
  if (org !== null) return org;
  throw new UnknownQueryError(query, suggestModels(store, text));
}

/**
 * Every reading of the text: an org and an org-less model id of the same name (`x` and `x/...`) are both
 * answered, the org first; otherwise as resolveQuery.
 */
export function resolveQueryAll(store: Store, query: string): ResolvedQuery[] {
  const resolved = resolveQuery(store, query);
  if (resolved.kind === "org") return [resolved];
  const org = orgOfText(store, queryOfHubAddress(query) ?? query.trim());
  return org === null ? [resolved] : [org, resolved];
}

/**
 * `text` cut into `budget + 1` pieces: a string within `budget` edits of `text` contains one of them unchanged, since
 * each edit touches at most one piece (the pigeonhole filter of approximate matching).
 */
function pigeonholePieces(text: string, budget: number): string[] {
  const count = budget + 1;
  if (text.length < count) return [""];
  return Array.from({ length: count }, (_piece, i) =>
    text.slice(Math.floor((i * text.length) / count), Math.floor(((i + 1) * text.length) / count)),
  );
}

/**
 * Ids and orgs closest to `text`: same name under another org first, then by edit distance (case-insensitive,
 * at most a quarter of the length, minimum 2), ties by id. Only ids that hold a piece of `text` unchanged (see
 * pigeonholePieces) or share its name are measured, so a Hub-sized database is not read into memory.
 */
export function suggestModels(store: Store, text: string, limit = 5): string[] {
  const wanted = text.toLowerCase();
  if (wanted.length === 0) return [];
  const budget = Math.max(2, Math.floor(wanted.length / 4));
  const scored = new Map<string, number>();
  const consider = (candidate: string, score: number) => {
    const previous = scored.get(candidate);
    if (previous === undefined || score < previous) scored.set(candidate, score);
  };
  const window = { min: wanted.length - budget, max: wanted.length + budget, orgs: !wanted.includes("/") };
  for (const id of modelIdsContainingAny(store, pigeonholePieces(wanted, budget), wanted, window)) {
    const lower = id.toLowerCase();
    const slash = lower.indexOf("/");
    const name = slash >= 0 ? lower.slice(slash + 1) : lower;
    if (name === wanted) consider(id, 0);
    else if (Math.abs(lower.length - wanted.length) <= budget) {
      const d = distance(lower, wanted);
      if (d <= budget) consider(id, d);
    }
    if (slash > 0 && !wanted.includes("/") && Math.abs(slash - wanted.length) <= budget) {
      const d = distance(lower.slice(0, slash), wanted);
      if (d <= budget) consider(id.slice(0, slash), d);
    }
  }
  return [...scored]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}
