// The rows a model's ancestors are drawn on: every parent above each of its children. On the real deep merge, the
// API's shortest distances drew one edge upward and one within a row; the rows here equal the longest paths found
// by another method (relaxing every edge until nothing changes), and a cycle keeps the API's depths.

import { expect, it } from "vitest";
import type { AncestryResponse } from "../../web/api.js";
import { withDrawnGraph } from "../../web/drawn-graph.js";
import { ancestorRows } from "../../web/lineage-view.js";
import type { AncestryResponse as WireAncestryResponse } from "../../src/server/wire-types.js";
import { appOver, getJson } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

const MERGE = "AIgotahole/Minor-Repo-12B-omg";

/** Longest paths down to the model by relaxation: each pass lifts a parent one above its lowest child's row. */
function relaxedRows(ancestry: AncestryResponse): Map<string, number> {
  const rows = new Map<string, number>([[ancestry.id, 0]]);
  for (let pass = 0; pass < ancestry.graph.nodes.length; pass++)
    for (const { source, target } of ancestry.graph.edges) {
      const below = rows.get(target);
      if (below !== undefined && (rows.get(source) ?? -1) < below + 1) rows.set(source, below + 1);
    }
  return rows;
}

it("draws every ancestor of the real deep merge above each of its children", async () => {
  const app = appOver(fixtureLineage("bundle"));
  const { body } = await getJson<WireAncestryResponse>(app, `/api/ancestry?id=${MERGE}&maxNodes=5000`);
  const ancestry = withDrawnGraph(body);
  const depthOf = new Map(ancestry.graph.nodes.map((node) => [node.key, node.attributes.depth]));
  const upward = (rowOf: (key: string) => number) =>
    ancestry.graph.edges.filter((edge) => rowOf(edge.source) <= rowOf(edge.target)).map((edge) => edge.key);
  // By the API's depths, Mistral-Nemo-Base-2407 (3 above) sits on the row of its child Dans-PersonalityEngine (3)
  // and below its child magnum-v2-12b (5).
  expect(upward((key) => depthOf.get(key)!)).toEqual([
    "mistralai/Mistral-Nemo-Base-2407->PocketDoc/Dans-PersonalityEngine-V1.1.0-12b",
    "mistralai/Mistral-Nemo-Base-2407->anthracite-org/magnum-v2-12b",
  ]);
  const rows = ancestorRows(ancestry);
  expect(upward((key) => rows.get(key)!)).toEqual([]);
  expect(rows).toEqual(relaxedRows(ancestry));
  expect([rows.get("mistralai/Mistral-Nemo-Base-2407"), rows.get("anthracite-org/magnum-v2-12b")]).toEqual([6, 5]);
});

it("keeps the API's depths for ancestors whose edges run in a cycle", () => {
  // q's parent p; p's parents a and b are each other's parent too (worked by hand).
  const node = (key: string, depth: number) => ({
    key,
    attributes: {
      depth,
      x: 0,
      y: 0,
      label: key,
      author: null,
      relation: null,
      downloads: null,
      descendants: 0,
      placeholder: false,
      root: false,
    },
  });
  const edge = (source: string, target: string) => ({
    key: `${source}->${target}`,
    source,
    target,
    attributes: { relation: "finetune" as const },
  });
  const ancestry = {
    id: "x/q",
    graph: {
      nodes: [node("x/q", 0), node("x/p", 1), node("x/a", 2), node("x/b", 2)],
      edges: [edge("x/p", "x/q"), edge("x/a", "x/p"), edge("x/b", "x/p"), edge("x/a", "x/b"), edge("x/b", "x/a")],
    },
    paths: [],
    truncated: false,
    ancestors: 3,
    omittedNodes: 0,
  } as AncestryResponse;
  const rows = ancestorRows(ancestry);
  expect(rows.get("x/q")).toBe(0);
  expect(rows.get("x/p")).toBe(1);
  // Each of a and b is above p; through the other they would be above each other without end.
  expect(rows.get("x/a")).toBeGreaterThanOrEqual(2);
  expect(rows.get("x/b")).toBeGreaterThanOrEqual(2);
});
