// `path A B` drawn as a small graph: the models on every derivation path between two models (or on the shortest
// paths down from their nearest common ancestors), each row one step further down, and the paths listed as text.

import type { AncestryResponse, GraphPayload, PathResponse, PayloadNode, ViewNodeAttributes } from "./api.js";
import { api } from "./api.js";

/** The edges (parent → child) the paths of a report walk, each once, in the order met. */
export function pathEdges(report: PathResponse): [string, string][] {
  const seen = new Set<string>();
  const edges: [string, string][] = [];
  const walk = (path: readonly string[]) =>
    path.forEach((id, at) => {
      const next = path[at + 1];
      if (next === undefined || seen.has(`${id}\u0000${next}`)) return;
      seen.add(`${id}\u0000${next}`);
      edges.push([id, next]);
    });
  report.paths.forEach(walk);
  for (const common of report.commonAncestors) {
    walk(common.pathToFrom);
    walk(common.pathToTo);
  }
  return edges;
}

/** Each model's row: the longest run of drawn parents above it (tops on row 0), so every edge points down. */
export function pathRows(
  models: readonly string[],
  edges: readonly (readonly [string, string])[],
): Map<string, number> {
  const row = new Map(models.map((id) => [id, 0]));
  const waiting = new Map(models.map((id) => [id, 0]));
  const children = new Map<string, string[]>();
  for (const [parent, child] of edges) {
    waiting.set(child, (waiting.get(child) ?? 0) + 1);
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const ready = models.filter((id) => waiting.get(id) === 0);
  for (let head = 0; head < ready.length; head++) {
    const parent = ready[head] as string;
    for (const child of children.get(parent) ?? []) {
      row.set(child, Math.max(row.get(child) ?? 0, (row.get(parent) ?? 0) + 1));
      const left = (waiting.get(child) ?? 1) - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  return row;
}

/** A model the ancestries do not describe (left out by their cap): only what the path says of it. */
function bareAttributes(id: string): ViewNodeAttributes {
  return {
    label: id,
    x: 0,
    y: 0,
    depth: 0,
    relation: null,
    author: null,
    downloads: null,
    descendants: 0,
    placeholder: false,
    root: false,
  };
}

/**
 * The drawn graph of a path report: its models with what the ancestries of the paths' lower ends say of them, the
 * path edges with their relations, and each model's row as its depth.
 */
export function pathGraph(report: PathResponse, ancestries: readonly AncestryResponse[]): GraphPayload {
  const known = new Map<string, PayloadNode>();
  const relationOf = new Map<string, GraphPayload["edges"][number]["attributes"]["relation"]>();
  for (const ancestry of ancestries) {
    for (const node of ancestry.graph.nodes) known.set(node.key, node);
    for (const edge of ancestry.graph.edges)
      relationOf.set(`${edge.source}\u0000${edge.target}`, edge.attributes.relation);
  }
  const edges = pathEdges(report);
  const models = [...new Set([report.from, report.to, ...edges.flat()])];
  const rows = pathRows(models, edges);
  return {
    nodes: models.map((id) => ({
      key: id,
      attributes: { ...(known.get(id)?.attributes ?? bareAttributes(id)), depth: rows.get(id) ?? 0 },
    })),
    edges: edges.map(([source, target]) => ({
      key: `${source}->${target}`,
      source,
      target,
      attributes: { relation: relationOf.get(`${source}\u0000${target}`) ?? "unknown" },
    })),
  };
}

/** The lower ends of the paths: the descendant, or both models when neither descends from the other. */
export function pathBottoms(report: PathResponse): string[] {
  if (report.direction === "down") return [report.to];
  if (report.direction === "up") return [report.from];
  return [report.from, report.to];
}

/** The path report and the ancestries its drawing reads the models' facts and edge relations from. */
export async function fetchPath(
  path: { from: string; to: string },
  signal: AbortSignal,
): Promise<{ report: PathResponse; graph: GraphPayload }> {
  const report = await api.path(path.from, path.to, signal);
  const ancestries = await Promise.all(pathBottoms(report).map((id) => api.ancestry(id, signal)));
  return { report, graph: pathGraph(report, ancestries) };
}

/** What the path view says above the graph: how the two are related, and every path as text. */
export function pathLines(report: PathResponse): { className: string; text: string }[] {
  const count = (value: number, word: string) => `${value.toLocaleString("en-US")} ${word}${value === 1 ? "" : "s"}`;
  const lines: { className: string; text: string }[] = [];
  if (report.direction !== "none") {
    const [top, bottom] = report.direction === "down" ? [report.from, report.to] : [report.to, report.from];
    lines.push({
      className: "summary",
      text:
        `${bottom} descends from ${top}: ${count(report.paths.length, "path")}` +
        (report.truncated ? " (the first listed; more exist)." : "."),
    });
    for (const path of report.paths.slice(0, 20)) lines.push({ className: "path-text", text: path.join(" → ") });
    if (report.paths.length > 20) lines.push({ className: "muted", text: `… ${report.paths.length - 20} more paths` });
    return lines;
  }
  if (report.commonAncestors.length === 0) {
    lines.push({
      className: "summary",
      text: `Neither of ${report.from} and ${report.to} descends from the other, and they share no ancestor.`,
    });
    return lines;
  }
  lines.push({
    className: "summary",
    text:
      `Neither of ${report.from} and ${report.to} descends from the other; ` +
      `${count(report.commonAncestors.length, "nearest common ancestor")}:`,
  });
  for (const common of report.commonAncestors.slice(0, 20))
    lines.push({
      className: "path-text",
      text:
        `${common.id}: ${count(common.fromDepth, "step")} down to ${report.from}, ` +
        `${count(common.toDepth, "step")} down to ${report.to}`,
    });
  return lines;
}
