# Derives the figures the server tests expect, independently of hf-lineage, with networkx over the raw edge list
# and model list as bundled (data/edges.csv.gz, data/metadata.csv.gz). Run: python3 test/server/derive-expected.py
import collections, csv, gzip, json, sys
import networkx as nx

DATA = "data/"
REL = {"finetuned": "finetune", "quantized": "quantized", "merged": "merge", "adapter": "adapter"}
G = nx.DiGraph()
for row in csv.DictReader(gzip.open(DATA + "edges.csv.gz", "rt", newline="", encoding="utf-8")):
    G.add_node(row["source"]); G.add_node(row["target"])
    if row["source"] != row["target"]:
        G.add_edge(row["source"], row["target"], rel=REL[row["edge"]])
for row in csv.DictReader(gzip.open(DATA + "metadata.csv.gz", "rt", newline="", encoding="utf-8")):
    G.add_node(row["id"])
relation = {c: d["rel"] for _, c, d in G.edges(data=True)}
descendants = {n: len(nx.descendants(G, n)) for n in G}

def family(sources, max_depth=None):
    depth = {s: 0 for s in sources}
    frontier = list(sources)
    d = 0
    while frontier and (max_depth is None or d < max_depth):
        d += 1
        nxt = []
        for p in frontier:
            for c in G.successors(p):
                if c not in depth:
                    depth[c] = d; nxt.append(c)
        frontier = nxt
    return depth

def report(sources):
    depth = family(sources)
    desc = [n for n in depth if n not in sources]
    by_rel = collections.Counter(relation.get(n, "unknown") for n in desc)
    by_depth = collections.Counter(depth[n] for n in desc)
    return {"total": len(desc), "byRelation": {r: by_rel.get(r, 0) for r in ["finetune", "adapter", "quantized", "merge", "unknown"]},
            "byDepth": {str(k): v for k, v in sorted(by_depth.items())}}

def drawn(sources, max_nodes, threshold=12):
    depth = family(sources)
    S = G.subgraph(depth)
    fans, folded = [], set()
    for p in S:
        groups = collections.defaultdict(list)
        for c in S.successors(p):
            if S.out_degree(c) == 0 and S.in_degree(c) == 1:
                groups[S[p][c]["rel"]].append(c)
        for r, leaves in groups.items():
            if len(leaves) > threshold:
                fans.append((p, r, len(leaves))); folded.update(leaves)
    units = [(depth[n], -descendants[n], n, 1) for n in S if n not in folded]
    units += [(depth[p] + 1, 0, f"fan:{p}:{r}", k) for p, r, k in fans]
    units.sort()
    kept = units[:max_nodes]
    return {"members": len(depth), "edges": S.number_of_edges(), "fans": len(fans), "fannedLeaves": len(folded), "nodes": len(units),
            "keptFans": sum(1 for u in kept if u[2].startswith("fan:")), "omitted": sum(u[3] for u in units[max_nodes:])}

out = {}
out["llama"] = report(["meta-llama/Llama-3.1-8B"])
out["llamaChildren"] = dict(collections.Counter(relation[c] for c in G.successors("meta-llama/Llama-3.1-8B")))
out["llamaDrawn2000"] = drawn(["meta-llama/Llama-3.1-8B"], 2000)
out["llamaDrawn100"] = drawn(["meta-llama/Llama-3.1-8B"], 100)
qwen = [n for n in G if n.lower().startswith("qwen/")]
out["qwenModels"] = len(qwen)
out["qwen"] = report(qwen)
out["qwenDepth2"] = len(family(qwen, 2)) - len(qwen)
orgs = collections.defaultdict(list)
for n in G:
    if "/" in n: orgs[n.split("/")[0].lower()].append(n)
org_sizes = sorted(((len(set().union(*(nx.descendants(G, m) for m in ms)) - set(ms)), o) for o, ms in orgs.items()), reverse=True)[:3]
out["topOrgs"] = org_sizes
out["topDescendants"] = sorted(((v, n) for n, v in descendants.items()), key=lambda t: (-t[0], t[1]))[:3]
out["searchQwen25_7b"] = sorted(((descendants[n], n) for n in G if "qwen2.5-7b" in n.lower()), key=lambda t: (-t[0], t[1]))[:3]
out["stats"] = {"edges": G.number_of_edges(), "multiParent": sum(1 for n in G if G.in_degree(n) > 1),
                "roots": sum(1 for n in G if G.in_degree(n) == 0), "maxGeneration": nx.dag_longest_path_length(G)}
# rows of the tree layout: longest path from a source of the family subgraph
S = G.subgraph(family(["meta-llama/Llama-3.1-8B"]))
row = {}
for n in nx.topological_sort(S):
    row[n] = max((row[p] + 1 for p in S.predecessors(n)), default=0)
out["llamaRows"] = dict(sorted(collections.Counter(row.values()).items()))
# all fans in the whole graph
out["allFans"] = sum(1 for p in G for r, k in collections.Counter(G[p][c]["rel"] for c in G.successors(p) if G.out_degree(c) == 0 and G.in_degree(c) == 1).items() if k > 12)
json.dump(out, sys.stdout, indent=1)
