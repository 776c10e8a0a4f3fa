// Generation of every model: the longest chain of ancestors above it (roots are 0). Cycles are condensed
// first (graphology-components' strongly connected components), so every member of a cycle shares one generation;
// without cycles the graph is layered as it is, which at Hub scale saves building a condensed copy.

import { DirectedGraph } from "graphology";
import { stronglyConnectedComponents } from "graphology-components";
import { forEachTopologicalGeneration } from "graphology-dag";
import type { LineageGraph } from "../../../src/graph/build-graph.js";

export function generations(graph: LineageGraph): Map<string, number> {
  const components = stronglyConnectedComponents(graph);
  const result = new Map<string, number>();
  let generation = 0;
  if (components.length === graph.order) {
    forEachTopologicalGeneration(graph, (ids) => {
      for (const id of ids) result.set(id, generation);
      generation += 1;
    });
    return result;
  }
  const componentOf = new Map<string, string>();
  const condensed = new DirectedGraph();
  components.forEach((members, index) => {
    const key = String(index);
    condensed.addNode(key, { members });
    for (const member of members) componentOf.set(member, key);
  });
  graph.forEachEdge((_edge, _attributes, parent, child) => {
    const from = componentOf.get(parent) as string;
    const to = componentOf.get(child) as string;
    if (from !== to) condensed.mergeEdge(from, to);
  });
  forEachTopologicalGeneration(condensed, (keys) => {
    for (const key of keys)
      for (const member of condensed.getNodeAttribute(key, "members") as string[]) result.set(member, generation);
    generation += 1;
  });
  return result;
}
