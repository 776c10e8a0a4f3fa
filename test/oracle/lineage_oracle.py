#!/usr/bin/env python3
# An independent oracle for the lineage figures: reads the raw data files with the standard library (see
# lineage_sources.py), builds a networkx graph, applies the definitions of ARCHITECTURE.md and prints them as JSON.
"""Lineage figures computed with networkx, for tests that compare hf-lineage against them.

Sources: --edges, --metadata and --family-tree files, read as lineage_sources.py describes. A model named only as
a parent (no record, never a child) is a placeholder.

Definitions applied (ARCHITECTURE.md, "Words used everywhere"):
  edges         distinct parent -> child pairs, self-loops left out; selfLoops = distinct models naming themselves
  relation      one per child: the Hub's typed tag, else the listed label (a self-loop states one too)
  descendants   nx.descendants, depth = shortest distance (nx.single_source_shortest_path_length)
  org family    ids starting with `ORG/` (any case); descendants of all of them minus themselves, depth from the
                nearest (nx.multi_source_dijkstra_path_length)
  generation    longest chain of ancestors, roots 0; cycles condensed (nx.condensation) so members share one;
                computed by dynamic programming over nx.topological_sort, checked by nx.dag_longest_path_length
"""

import argparse
import json
import sys
from collections import Counter

import networkx as nx

from lineage_reports import checks, org_families, top
from lineage_sources import Sources, fail

RELATIONS = ["finetune", "adapter", "quantized", "merge", "unknown"]


class Lineage:
    def __init__(self, sources):
        self.graph = nx.DiGraph()
        self.self_loops = set()
        # A child's relation: what the Hub's typed tags say, else what the lists say (one each, or the oracle stops).
        stated = {"tag": {}, "listed": {}}
        # An edge's relation, for counting direct children: the tag's when a tag names the pair, else the list's.
        self.edge_relation = {}
        for parent, child, relation, kind in sources.links:
            if stated[kind].setdefault(child, relation) != relation:
                fail(f"{child} has two {kind} relations ({stated[kind][child]}, {relation}); the data README says one per child")
            self.graph.add_node(parent)
            self.graph.add_node(child)
            if parent == child:
                self.self_loops.add(child)
            else:
                self.graph.add_edge(parent, child)
                if kind == "tag" or (parent, child) not in self.edge_relation:
                    self.edge_relation[(parent, child)] = relation
        self.relation = {**stated["listed"], **stated["tag"]}
        self.graph.add_nodes_from(sources.recorded)
        parents = {parent for parent, _, _, _ in sources.links}
        children = {child for _, child, _, _ in sources.links}
        self.placeholders = parents - children - sources.recorded
        self.downloads = sources.downloads
        self.reverse = self.graph.reverse(copy=False)

    def relation_counts(self, ids):
        counts = dict.fromkeys(RELATIONS, 0)
        for model in ids:
            counts[self.relation.get(model, "unknown")] += 1
        return counts

    def generations(self):
        condensed = nx.condensation(self.graph)
        longest = {}
        for component in nx.topological_sort(condensed):
            longest[component] = max((longest[parent] + 1 for parent in condensed.predecessors(component)), default=0)
        if max(longest.values(), default=0) != nx.dag_longest_path_length(condensed):
            fail("dynamic programming and nx.dag_longest_path_length disagree on the longest chain")
        mapping = condensed.graph["mapping"]
        return {model: longest[mapping[model]] for model in self.graph}

    def chain_to(self, model, generation):
        """A longest chain of ancestors ending at the model, root first (parents of one generation less, by id)."""
        if not nx.is_directed_acyclic_graph(self.graph):
            return None
        chain = [model]
        while generation[chain[-1]] > 0:
            chain.append(min(p for p in self.graph.predecessors(chain[-1]) if generation[p] == generation[chain[-1]] - 1))
        return chain[::-1]

    def stats(self, generation):
        return {
            "nodes": self.graph.number_of_nodes(),
            "edges": self.graph.number_of_edges(),
            "selfLoops": len(self.self_loops),
            "multiParent": sum(1 for _, degree in self.graph.in_degree() if degree > 1),
            # A placeholder has no record, so it is never a root.
            "roots": sum(1 for model, degree in self.graph.in_degree() if degree == 0 and model not in self.placeholders),
            "placeholders": len(self.placeholders),
            "maxGeneration": max(generation.values(), default=0),
        }

    def resolve(self, query):
        exact = [model for model in self.graph if model.lower() == query.lower()]
        if query in exact:
            return {"kind": "model", "id": query}
        if exact:
            return {"kind": "model", "id": sorted(exact)[0]}
        prefix = query.lower() + "/"
        own = sorted(model for model in self.graph if model.lower().startswith(prefix))
        if not own:
            fail(f"unknown model or org {query!r}")
        return {"kind": "org", "org": query, "models": own}

    def family(self, query):
        resolved = self.resolve(query)
        if resolved["kind"] == "model":
            model = resolved["id"]
            depth = nx.single_source_shortest_path_length(self.graph, model)
            members = nx.descendants(self.graph, model)
            up = nx.single_source_shortest_path_length(self.reverse, model)
            children = dict.fromkeys(RELATIONS, 0)
            for child in self.graph.successors(model):
                children[self.edge_relation[(model, child)]] += 1
            return {
                "query": model,
                "kind": "model",
                "models": 1,
                "descendants": self.describe(members, depth),
                "children": {"total": self.graph.out_degree(model), "byRelation": children},
                "ancestors": sorted(({"id": a, "depth": d} for a, d in up.items() if a != model), key=lambda a: (a["depth"], a["id"])),
                "placeholder": model in self.placeholders,
            }
        own = resolved["models"]
        depth = nx.multi_source_dijkstra_path_length(self.graph, set(own))
        members = set().union(*(nx.descendants(self.graph, model) for model in own)) - set(own)
        return {"query": resolved["org"], "kind": "org", "models": len(own), "descendants": self.describe(members, depth)}

    def describe(self, members, depth):
        by_depth = Counter(depth[model] for model in members)
        return {
            "total": len(members),
            "byRelation": self.relation_counts(members),
            "byDepth": {str(d): by_depth[d] for d in sorted(by_depth)},
        }

    def ancestor_paths(self, model, limit):
        """Every path from the model up to a root, in lexicographic order; None when there are more than `limit`."""
        ancestry = self.reverse.subgraph(nx.descendants(self.reverse, model) | {model})
        if not nx.is_directed_acyclic_graph(ancestry):
            return None, None
        count = {}
        for node in reversed(list(nx.topological_sort(ancestry))):
            parents = list(ancestry.successors(node))
            count[node] = sum(count[p] for p in parents) if parents else 1
        roots = [node for node in ancestry if ancestry.out_degree(node) == 0 and node != model]
        if count[model] > limit:
            return count[model], None
        paths = [path for root in roots for path in nx.all_simple_paths(ancestry, model, root)]
        if len(paths) != count[model]:
            fail(f"path enumeration ({len(paths)}) and path counting ({count[model]}) disagree for {model}")
        return count[model], sorted(paths)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edges", action="append", default=[], help="an edge list CSV (repeatable)")
    parser.add_argument("--metadata", action="append", default=[], help="a model list CSV (repeatable)")
    parser.add_argument("--family-tree", action="append", default=[], help="a family-tree dump (repeatable)")
    parser.add_argument("--family", action="append", default=[], help="a model id or org (repeatable)")
    parser.add_argument("--ancestors", action="append", default=[], help="a model id (repeatable)")
    parser.add_argument("--max-paths", type=int, default=100_000, help="list paths only up to this many")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--per-model", action="store_true", help="also print generation, descendants, children of every model")
    args = parser.parse_args()

    sources = Sources()
    for path in args.edges:
        sources.read_edges_csv(path)
    for path in args.metadata:
        sources.read_metadata_csv(path)
    for path in args.family_tree:
        sources.read_family_tree(path)
    lineage = Lineage(sources)
    generation = lineage.generations()
    deepest_generation = max(generation.values(), default=0)
    deepest = sorted(m for m, g in generation.items() if g == deepest_generation)
    rankings, descendants = top(lineage, args.top)
    ancestors = {}
    for model in [*args.ancestors, deepest[0]]:
        count, paths = lineage.ancestor_paths(model, args.max_paths)
        ancestors[model] = {"ancestors": lineage.family(model)["ancestors"], "pathCount": count, "paths": paths}
    result = {
        "stats": lineage.stats(generation),
        "deepest": {"ids": deepest, "generation": deepest_generation, "chain": lineage.chain_to(deepest[0], generation)},
        "families": {query: lineage.family(query) for query in args.family},
        "ancestors": ancestors,
        "checks": checks(lineage),
        "top": rankings,
        "orgFamilies": org_families(lineage, args.top),
    }
    if args.per_model:
        result["perModel"] = {m: [generation[m], descendants[m], lineage.graph.out_degree(m)] for m in sorted(lineage.graph)}
    json.dump(result, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
