# Checks and rankings for the oracle: what `check`, `top` and `summary` report, computed with networkx from the
# graph lineage_oracle.py builds (strongly connected components, descendants, PageRank on the reversed graph).

from collections import defaultdict

import networkx as nx

from lineage_sources import fail


def checks(lineage):
    cycles = sorted((sorted(c) for c in nx.strongly_connected_components(lineage.graph) if len(c) > 1), key=lambda c: (-len(c), c[0]))
    if not cycles and not nx.is_directed_acyclic_graph(lineage.graph):
        fail("no cycle groups found in a graph networkx says is cyclic")
    by_lower = defaultdict(list)
    for model in lineage.graph:
        by_lower[model.lower()].append(model)
    variants = sorted(sorted(group) for group in by_lower.values() if len(group) > 1)
    quantized = [
        {"id": m, "children": lineage.graph.out_degree(m)}
        for m in lineage.graph
        if lineage.relation.get(m) == "quantized" and lineage.graph.out_degree(m) > 0
    ]
    quantized.sort(key=lambda q: (-q["children"], q["id"]))
    return {
        "selfLoops": sorted(lineage.self_loops),
        "cycles": cycles,
        "placeholders": sorted(lineage.placeholders),
        "caseVariants": variants,
        "quantizedWithChildren": quantized,
        "multiParent": sum(1 for _, degree in lineage.graph.in_degree() if degree > 1),
    }

def org_families(lineage, limit):
    """Every org's family size, largest first (orgs compared in lower case, as ids are looked up)."""
    own = defaultdict(set)
    for model in lineage.graph:
        if "/" in model:
            own[model.split("/", 1)[0].lower()].add(model)
    sizes = []
    for org, models in own.items():
        below = set().union(*(nx.descendants(lineage.graph, model) for model in models)) - models
        sizes.append({"org": org, "models": len(models), "descendants": len(below)})
    sizes.sort(key=lambda family: (-family["descendants"], family["org"]))
    return sizes[:limit]

def top(lineage, limit):
    """Rankings as `top` gives them: by value, then downloads, then id."""
    below = {model: nx.descendants(lineage.graph, model) for model in lineage.graph}
    # Downloads no source gave are unknown: None in the answer, none in a sum, ranked below every known count.
    downloads = {model: lineage.downloads.get(model) for model in lineage.graph}
    known = {model: 0 if value is None else value for model, value in downloads.items()}
    values = {
        "descendants": {model: len(below[model]) for model in lineage.graph},
        "children": dict(lineage.graph.out_degree()),
        "pagerank": nx.pagerank(lineage.reverse, alpha=0.85, tol=1e-12, max_iter=500),
        # None when no model of the subtree has known downloads: a sum of nothing known is unknown, not 0.
        "subtree-downloads": {
            model: None
            if all(downloads[m] is None for m in below[model] | {model})
            else known[model] + sum(known[d] for d in below[model])
            for model in lineage.graph
        },
    }

    def ranked(value):
        def rank(m):
            return -1 if value[m] is None else value[m]

        order = sorted(value, key=lambda m: (-rank(m), -(-1 if downloads[m] is None else downloads[m]), m))[:limit]
        return [{"id": m, "value": value[m], "downloads": downloads[m]} for m in order]

    return {name: ranked(value) for name, value in values.items()}, values["descendants"]
