# Derives the figures the overview tests expect, independently of hf-lineage, with networkx over the raw edge list
# and model list as bundled: the meta-llama org family, its fans, and how many nodes it takes drawn whole.
# Run: python3 test/server/derive_overview.py
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

def family(sources):
    members = set(sources)
    for s in sources:
        members |= nx.descendants(G, s)
    return members

def fans(members, threshold=12):
    S = G.subgraph(members)
    found = []
    for p in S:
        groups = collections.Counter(S[p][c]["rel"] for c in S.successors(p) if S.out_degree(c) == 0 and S.in_degree(c) == 1)
        found += [[p, r, k] for r, k in groups.items() if k > threshold]
    return sorted(found)

out = {}
own = sorted(n for n in G if n.lower().startswith("meta-llama/"))
members = family(own)
found = fans(members)
S = G.subgraph(members)
folded = {c for p, r, _ in found for c in S.successors(p) if S.out_degree(c) == 0 and S.in_degree(c) == 1 and S[p][c]["rel"] == r}
out["metaLlama"] = {"own": len(own), "ownInFans": len(folded & set(own)), "members": len(members), "fans": found,
                    "units": len(members) - sum(k for _, _, k in found) + len(found),
                    "edges": G.subgraph(members).number_of_edges()}
llama = family(["meta-llama/Llama-3.1-8B"])
out["llama"] = {"members": len(llama), "units": len(llama) - sum(k for _, _, k in fans(llama)) + len(fans(llama))}
json.dump(out, sys.stdout)
