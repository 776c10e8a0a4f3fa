// The whole view as a value (query, filters, size mode, selection, expanded fans) and its query-string form,
// so a shared link reopens the same view and the back button walks through earlier views.

import { parseFanName } from "../src/vocabulary/fan.js";
import { isModelId } from "../src/vocabulary/model-id.js";
import { parseChoice, parseRelationList, parseWholeNumber } from "../src/vocabulary/option-values.js";
import { RELATIONS, type Relation } from "./api.js";

export const SIZE_MODES = ["descendants", "downloads"] as const;
export type SizeMode = (typeof SIZE_MODES)[number];

export const LAYOUTS = ["rows", "radial"] as const;
export type LayoutMode = (typeof LAYOUTS)[number];
export const CENTRALITIES = ["pagerank", "betweenness", "degree"] as const;
export type Centrality = (typeof CENTRALITIES)[number];
/** The nodes' one colour: their relation, their licence class, or a centrality in the family. */
export const COLOUR_MODES = ["relation", "licence", ...CENTRALITIES] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

/** The centrality a colour mode shows, or null. */
export function colourCentrality(mode: ColourMode): Centrality | null {
  return mode === "relation" || mode === "licence" ? null : mode;
}

export const MAX_DEPTH = 50;
export const MAX_NODES_LIMIT = 20_000;

export interface ViewState {
  /** The model id or org shown; null for the overview. */
  q: string | null;
  /** Only descendants at most this deep; null for no limit. */
  depth: number | null;
  /** Only these relations, in the tuple's order; null for all. */
  relations: Relation[] | null;
  size: SizeMode;
  selected: string | null;
  /** Expanded fans as `PARENT:RELATION`, sorted, without duplicates. */
  expand: string[];
  /** The node cap sent to the server; null for the server's default. */
  max: number | null;
  /** Nodes coloured by relation, by licence class, or by a centrality in the family: one choice. */
  colour: ColourMode;
  /** Only the models with licence findings lit, with the ancestors and paths that cause them. */
  findings: boolean;
  /** The derivation paths between two models drawn instead of the family; null for none. */
  path: { from: string; to: string } | null;
  /**
   * Collapsed subtrees of an overview opened, by the drawn model above them (the query for its own models), sorted;
   * absent when none is.
   */
  open?: string[];
  /** Depth rows, or rings with angles in proportion to subtree size. */
  layout: LayoutMode;
  /** The in-family centrality the nodes are sized by; null sizes them by `size`. */
  centrality: Centrality | null;
  /** The family table is open. */
  table: boolean;
}

export const EMPTY_VIEW: ViewState = {
  q: null,
  depth: null,
  relations: null,
  size: "descendants",
  selected: null,
  expand: [],
  max: null,
  colour: "relation",
  findings: false,
  path: null,
  layout: "rows",
  centrality: null,
  table: false,
};

function text(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function wholeNumberIn(value: string | null, min: number, max: number): number | null {
  const parsed = value === null ? null : parseWholeNumber(value, { min, max });
  return parsed?.ok === true ? parsed.value : null;
}

function choiceIn<T extends string>(value: string | null, choices: readonly T[]): T | null {
  const parsed = value === null ? null : parseChoice(value, choices);
  return parsed?.ok === true ? parsed.value : null;
}

/** The relation filter of a view: the relations in the tuple's order, or null when they are all of them or none. */
export function normalizeRelations(wanted: readonly Relation[]): Relation[] | null {
  const relations = RELATIONS.filter((relation) => wanted.includes(relation));
  return relations.length === 0 || relations.length === RELATIONS.length ? null : relations;
}

/** Reads a view from a query string; values that make no sense are dropped, never guessed. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const size = params.get("size");
  const sizeMode = size === null ? null : parseChoice(size, SIZE_MODES);
  const relations = params.get("relations");
  const relationList = relations === null ? null : parseRelationList(relations);
  const names = (params.get("expand") ?? "").split(",").map((value) => value.trim());
  const expand = names.filter((name) => parseFanName(name) !== null);
  const colour = params.get("colour");
  const colourMode = colour === null ? null : parseChoice(colour, COLOUR_MODES);
  // Links written before colour took centralities said `centrality=X&by=colour`: the same colour, read as such.
  const centrality = choiceIn(params.get("centrality"), CENTRALITIES);
  const centralityColour = params.get("by") === "colour" && colourMode === null ? centrality : null;
  const from = text(params.get("from"));
  const to = text(params.get("to"));
  const opened = (params.get("open") ?? "").split(",").map((value) => value.trim());
  const open = [...new Set(opened.filter(isModelId))].sort();
  const path = from !== null && to !== null && from !== to ? { from, to } : null;
  return {
    // A link giving a path alone (`?from=A&to=B`) is read as the path from A's page, which the page shows.
    q: text(params.get("q")) ?? path?.from ?? null,
    depth: wholeNumberIn(params.get("depth"), 1, MAX_DEPTH),
    relations: relationList?.ok === true ? normalizeRelations(relationList.value) : null,
    size: sizeMode?.ok === true ? sizeMode.value : "descendants",
    selected: text(params.get("selected")),
    expand: [...new Set(expand)].sort(),
    max: wholeNumberIn(params.get("max"), 1, MAX_NODES_LIMIT),
    colour: colourMode?.ok === true ? colourMode.value : (centralityColour ?? "relation"),
    findings: params.get("findings") === "1",
    path,
    ...(open.length > 0 ? { open } : {}),
    layout: choiceIn(params.get("layout"), LAYOUTS) ?? "rows",
    centrality: centralityColour === null ? centrality : null,
    table: params.get("table") === "1",
  };
}

/** The query string of a view (with its leading `?`, or empty), defaults left out, in a fixed order. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.q !== null) params.set("q", state.q);
  if (state.depth !== null) params.set("depth", String(state.depth));
  if (state.relations !== null) params.set("relations", state.relations.join(","));
  if (state.size !== "descendants") params.set("size", state.size);
  if (state.selected !== null) params.set("selected", state.selected);
  if (state.expand.length > 0) params.set("expand", state.expand.join(","));
  if (state.max !== null) params.set("max", String(state.max));
  if (state.colour !== "relation") params.set("colour", state.colour);
  if (state.findings) params.set("findings", "1");
  if (state.path !== null) {
    params.set("from", state.path.from);
    params.set("to", state.path.to);
  }
  if (state.open !== undefined && state.open.length > 0) params.set("open", state.open.join(","));
  if (state.layout !== "rows") params.set("layout", state.layout);
  if (state.centrality !== null) params.set("centrality", state.centrality);
  if (state.table) params.set("table", "1");
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** Whether two views need the same drawing from the server (only the selection, size or colour modes differ). */
export function sameFamily(a: ViewState, b: ViewState): boolean {
  return (
    a.q === b.q &&
    a.depth === b.depth &&
    (a.relations ?? RELATIONS).join(",") === (b.relations ?? RELATIONS).join(",") &&
    a.expand.join(",") === b.expand.join(",") &&
    (a.open ?? []).join(",") === (b.open ?? []).join(",") &&
    a.max === b.max &&
    a.path?.from === b.path?.from &&
    a.path?.to === b.path?.to
  );
}

/** A file name for the view: the query, then the filters that narrow it, in characters any file system takes. */
export function viewFileName(state: ViewState): string {
  const parts = [state.q ?? "hf-lineage"];
  if (state.depth !== null) parts.push(`depth${state.depth}`);
  if (state.relations !== null) parts.push(state.relations.join("-"));
  if (state.expand.length > 0) parts.push(`${state.expand.length}-fans-open`);
  return parts
    .join("_")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, 180);
}

/** A new view showing another family, keeping the filters, size and colour modes. */
export function showFamily(state: ViewState, q: string, selected: string | null = null): ViewState {
  const { open: _opened, ...kept } = state;
  return { ...kept, q, selected, expand: [], findings: false, path: null };
}
