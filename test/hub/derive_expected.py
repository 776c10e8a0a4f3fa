# Derives the expected figures of the crawl tests from the family-tree dumps, independently of the TypeScript
# code: reads the dumps with Python's json, follows base_model tags with networkx. Run: python3 derive_expected.py
import glob, gzip, json, os, sys
import networkx as nx
import yaml

DATA = os.path.join(os.path.dirname(__file__), "../../data/family-trees")
records = {}
for path in sorted(glob.glob(os.path.join(DATA, "*.json.gz"))):
    for entry in json.load(gzip.open(path, "rt", encoding="utf-8"))["models"]:
        meta = entry.get("metadata")
        if not isinstance(meta, str) or meta.strip().upper() == "N/A":
            continue
        try:
            meta = json.loads(meta)
        except ValueError:
            continue
        records.setdefault(entry["model_id"].strip(), meta)

def tag_parents(meta):
    parents = set()
    for tag in meta.get("tags") or []:
        if tag.startswith("base_model:"):
            rest = tag[len("base_model:"):]
            parents.add(rest.split(":", 1)[1] if ":" in rest else rest)
    return parents

graph = nx.DiGraph()
for child, meta in records.items():
    for parent in tag_parents(meta):
        graph.add_edge(parent, child)
def card(meta):
    value = meta.get("card_data") or meta.get("cardData")
    if isinstance(value, str):
        try:
            value = yaml.safe_load(value)
        except yaml.YAMLError:
            return {}
    return value if isinstance(value, dict) else {}

tagless_with_card = [c for c, m in records.items() if not tag_parents(m) and card(m).get("base_model")]
print("records", len(records))
print("tag edges", graph.number_of_edges())
print("records with a card base_model but no base_model tag", len(tagless_with_card))
def crawl_reach(roots):
    """What a family crawl from `roots` reaches: the roots, their descendants, and every ancestor of those."""
    members = set(roots)
    for root in roots:
        members |= nx.descendants(graph, root) if root in graph else set()
    reached = set(members)
    for member in members:
        if member in graph:
            reached |= nx.ancestors(graph, member)
    with_records = {m for m in reached if m in records}
    placeholders = reached - with_records
    edges = sum(1 for p, c in graph.edges if c in with_records)
    return len(with_records), len(placeholders), edges

print("--family deepseek-ai/DeepSeek-R1: records, placeholders, edges", crawl_reach(["deepseek-ai/DeepSeek-R1"]))
print("--family perplexity-ai/r1-1776: records, placeholders, edges", crawl_reach(["perplexity-ai/r1-1776"]))
org = [m for m in records if m.lower().startswith("deepseek-ai/")]
print("--author deepseek-ai: own models", len(org), "records, placeholders, edges", crawl_reach(org))
print("ids containing r1-1776 (any case)", len([m for m in records if "r1-1776" in m.lower()]))
top = max(records.items(), key=lambda item: (item[1].get("downloads") or -1, item[0]))
print("most downloaded", top[0], top[1].get("downloads"))
newest = max(records.items(), key=lambda item: (item[1].get("last_modified") or "", item[0]))
print("last modified latest", newest[0], newest[1].get("last_modified"))
