# Recomputes the report's figures independently of hf-lineage: plain SQL reads of the database's rows (models,
# edges, model_details) and networkx/standard-library Python, never the lineage index. Prints JSON.
# Run: python3 test/graph/report_oracle.py DATABASE [--family QUERY]... [--limit N]
import collections, datetime, json, math, re, sqlite3, sys
import networkx as nx

args = sys.argv[1:]
db = sqlite3.connect(f"file:{args[0]}?mode=ro", uri=True)
families = [args[i + 1] for i, a in enumerate(args) if a == "--family"]
limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 20

RANK = {"tag": 0, "card": 1, "file": 2}
RELATIONS = ["finetune", "adapter", "quantized", "merge", "unknown"]
models = {}
for node, mid, placeholder, downloads, created, library, arch in db.execute(
        "SELECT node, id, placeholder, downloads, created_at, library_name, architecture FROM models"):
    models[mid] = dict(node=node, placeholder=placeholder, downloads=downloads, created=created, library=library, arch=arch)
details = {}
for row in db.execute("SELECT m.id, d.tags, d.format_files, d.gguf_total, d.safetensors_total, d.model_type, "
                      "d.gguf_architecture, d.downloads_all_time, d.safetensors_parameters, d.experts "
                      "FROM model_details d JOIN models m USING (node)"):
    details[row[0]] = dict(tags=json.loads(row[1]), files=json.loads(row[2]) if row[2] else [], gguf=row[3],
                           safetensors=row[4], model_type=row[5], gguf_arch=row[6], all_time=row[7],
                           dtypes=json.loads(row[8]) if row[8] else None, experts=row[9])

G = nx.DiGraph()
G.add_nodes_from(models)
pair_best = {}
own_relation = {}
for child, parent, relation, source in db.execute(
        "SELECT child, parent, relation, source FROM edges ORDER BY child, parent, source"):
    rank = RANK[source]
    if child not in own_relation or rank < own_relation[child][0]:
        own_relation[child] = (rank, relation)
    if child == parent:
        continue
    if (parent, child) not in pair_best or rank < pair_best[(parent, child)][0]:
        pair_best[(parent, child)] = (rank, relation)
for (parent, child), (_, relation) in pair_best.items():
    G.add_edge(parent, child, relation=relation)
relation_of = {m: own_relation[m][1] if m in own_relation else "unknown" for m in models}

is_model = {m for m, v in models.items() if v["placeholder"] == 0}
with_record = [m for m in is_model if m in details]
use_all_time = len(with_record) > 0 and all(details[m]["all_time"] is not None for m in with_record)
def downloads(m):
    if use_all_time:
        return details[m]["all_time"] if m in details else None
    return models[m]["downloads"]
def org(m):
    return m.split("/")[0].lower() if "/" in m and m.index("/") > 0 else None
def arch(m):
    d = details.get(m)
    value = (d and d["model_type"]) or models[m]["arch"] or (d and d["gguf_arch"])
    return value.lower() if value else None
def created(m):
    c = models[m]["created"]
    return None if c is None else datetime.datetime.fromisoformat(c.replace("Z", "+00:00"))
spelling = {}
for m in sorted(models, key=lambda m: models[m]["node"]):
    if org(m) is not None:
        spelling.setdefault(org(m), m.split("/")[0])

def concentration(members):
    known = sorted(downloads(m) for m in members if downloads(m) is not None)
    n, total = len(known), sum(known)
    top = max(1, math.ceil(n * 0.0001))
    # Gini as the mean absolute difference over twice the mean (a different formula from the code's).
    gini = None
    if total > 0:
        cumulative = 0.0
        lorenz_area = 0.0
        for x in known:
            previous = cumulative
            cumulative += x
            lorenz_area += (previous + cumulative) / 2
        gini = 1 - 2 * lorenz_area / (n * total)
    return {"models": len(members), "withDownloads": n, "totalDownloads": total,
            "under200Share": sum(1 for x in known if x < 200) / n if n else None,
            "top200Share": sum(known[-200:]) / total if total else None,
            "topFractionModels": top, "topFractionShare": sum(known[-top:]) / total if total else None, "gini": gini}

last_created = max(created(m) for m in is_model if created(m) is not None)
recent_start = (last_created - datetime.timedelta(days=29)).date()

def family(query):
    if query in models:
        own = [query]
        kind = "model"
    else:
        own = [m for m in models if m.lower().startswith(query.lower() + "/")]
        kind = "org"
    reach = set()
    for m in own:
        reach |= nx.descendants(G, m)
    desc = reach - set(own)
    tagging = {c for m in own for c in G.successors(m)}
    archs = {arch(m) for m in own if arch(m)}
    per_month = collections.Counter(created(m).strftime("%Y-%m") for m in desc if created(m) is not None)
    per_day = collections.Counter(created(m).strftime("%Y-%m-%d") for m in desc
                                  if created(m) is not None and created(m).date() >= recent_start)
    by_rel = collections.Counter(relation_of[m] for m in desc)
    own_orgs = {org(m) for m in own}
    inter = collections.defaultdict(lambda: {"models": 0, "byRelation": {r: 0 for r in RELATIONS}, "downloads": None})
    for m in desc:
        if m in is_model and org(m) is not None and org(m) not in own_orgs:
            inter[org(m)]["models"] += 1
            inter[org(m)]["byRelation"][relation_of[m]] += 1
            if downloads(m) is not None:
                inter[org(m)]["downloads"] = (inter[org(m)]["downloads"] or 0) + downloads(m)
    bases = []
    for m in own:
        q = [c for c in G.successors(m) if G[m][c]["relation"] == "quantized"]
        mine = sum(1 for c in q if org(c) is not None and org(c) == org(m))
        if q:
            bases.append({"model": m, "byOwnOrg": mine, "byOthers": len(q) - mine})
    bases.sort(key=lambda b: (-(b["byOwnOrg"] + b["byOthers"]), b["model"]))
    return {"query": query, "kind": kind, "models": len(own),
            "directChildren": sum(G.out_degree(m) for m in own), "descendants": len(desc),
            "byRelation": {r: by_rel.get(r, 0) for r in ["finetune", "adapter", "quantized", "merge", "unknown"]},
            "descendantsOver5Downloads": None if desc and all(downloads(m) is None for m in desc)
                                         else sum(1 for m in desc if downloads(m) is not None and downloads(m) > 5),
            "descendantsWithDownloads": sum(1 for m in desc if downloads(m) is not None),
            "taggingRepos": len(tagging),
            "architectureRepos": sum(1 for m in is_model if m not in own and arch(m) in archs) if archs else None,
            "architectures": sorted(archs),
            "descendantsWithCreated": sum(1 for m in desc if created(m) is not None),
            "perMonth": dict(sorted(per_month.items())), "perDay": dict(sorted(per_day.items())),
            "concentration": concentration([m for m in reach | set(own) if m in is_model]),
            "intermediaries": sorted(({"org": spelling[o], **v} for o, v in inter.items()),
                                     key=lambda v: (-v["models"], -(v["downloads"] if v["downloads"] is not None else -1), v["org"]))[:limit],
            "quantizations": {"byOwnOrg": sum(b["byOwnOrg"] for b in bases), "byOthers": sum(b["byOthers"] for b in bases),
                              "bases": bases[:limit]}}

# Sizes: own count, then inherited along quantized/adapter links (first base in id order with a count).
params = {m: (details[m]["safetensors"] if details[m]["safetensors"] is not None else details[m]["gguf"])
          if m in details else None for m in models}
inherited = set()
settled = {}
def count_of(m, visiting):
    if m in settled:
        return settled[m]
    if m in visiting:
        return None
    if params[m] is not None or relation_of[m] not in ("quantized", "adapter") or G.in_degree(m) == 0 and m not in own_relation:
        settled[m] = params[m]
        return params[m]
    visiting.add(m)
    value = None
    for p in sorted(G.predecessors(m)):
        value = count_of(p, visiting)
        if value is not None:
            inherited.add(m)
            break
    visiting.discard(m)
    settled[m] = value
    return value
sys.setrecursionlimit(100000)
for m in sorted(models, key=lambda m: models[m]["node"]):
    count_of(m, set())
def size_class(p):
    return "<1B" if p < 1e9 else "1-9B" if p < 1e10 else "10-99B" if p < 1e11 else ">=100B"
classes = {c: {"models": 0, "downloads": None, "derivatives": 0} for c in ["<1B", "1-9B", "10-99B", ">=100B"]}
coverage = {"own": 0, "inherited": 0, "unknown": 0}
weighted = []
for m in is_model:
    p = settled[m]
    if p is None:
        coverage["unknown"] += 1
        continue
    coverage["inherited" if m in inherited else "own"] += 1
    c = classes[size_class(p)]
    c["models"] += 1
    c["derivatives"] += 1 if G.in_degree(m) > 0 else 0
    if downloads(m) is not None:
        c["downloads"] = (c["downloads"] or 0) + downloads(m)
        weighted.append((p, downloads(m), relation_of[m] == "quantized"))
def mean_median(pairs):
    total = sum(w for _, w in pairs)
    if total == 0:
        return None, None
    running = 0
    for p, w in sorted(pairs):
        running += w
        if running >= total / 2:
            return sum(p * w for p, w in pairs) / total, p
if coverage["own"] + coverage["inherited"] == 0:
    classes = {c: {"models": None, "downloads": None, "derivatives": None} for c in classes}
# Precision: per model, parameters summed by the dtype's name before any underscore (F8_E4M3 -> F8), the largest sum
# wins, a tie to the alphabetically first name; models without counts by dtype (or only zeros) are unknown.
def precision_of(m):
    dtypes = details[m]["dtypes"] if m in details else None
    if not dtypes:
        return None
    sums = collections.Counter()
    for dtype, n in dtypes.items():
        sums[dtype.split("_")[0]] += n
    best = sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return best[0] if best[1] > 0 else None
by_precision = collections.defaultdict(lambda: {"models": 0, "downloads": None})
for m in is_model:
    p = precision_of(m)
    if p is None:
        continue
    by_precision[p]["models"] += 1
    if downloads(m) is not None:
        by_precision[p]["downloads"] = (by_precision[p]["downloads"] or 0) + downloads(m)
precision_known = sum(v["models"] for v in by_precision.values())
# Mixture-of-Experts: the stored expert count of the config, 2 or more; no count stated is unknown.
stated = [m for m in is_model if m in details and details[m]["experts"] is not None]
def expert_group(members):
    known = [downloads(m) for m in members if downloads(m) is not None]
    return {"models": len(members), "downloads": sum(known) if known else None}
experts_figures = {"coverage": {"known": len(stated), "unknown": len(is_model) - len(stated)},
                   "mixtureOfExperts": expert_group([m for m in stated if details[m]["experts"] >= 2]) if stated else None,
                   "fewerThanTwoExperts": expert_group([m for m in stated if details[m]["experts"] < 2]) if stated else None}

mean_all, median_all = mean_median([(p, w) for p, w, _ in weighted])
mean_nq, median_nq = mean_median([(p, w) for p, w, q in weighted if not q])

roles = collections.defaultdict(collections.Counter)
for m in is_model:
    if org(m) is None:
        continue
    roles[org(m)]["base" if G.in_degree(m) == 0 else relation_of[m]] += 1
ROLES = ["base", "finetune", "quantized", "merge", "adapter", "unknown"]
org_list = sorted(roles, key=lambda o: (-sum(roles[o].values()), spelling[o]))[:limit]
flows = collections.defaultdict(lambda: {"models": 0, "downloads": None})
for m in is_model:
    if org(m) is None:
        continue
    for o in {org(p) for p in G.predecessors(m)} - {None, org(m)}:
        flows[(o, org(m))]["models"] += 1
        if downloads(m) is not None:
            flows[(o, org(m))]["downloads"] = (flows[(o, org(m))]["downloads"] or 0) + downloads(m)

# Formats and libraries per UTC month of createdAt: a format from the record's tags, library_name, gguf facts and
# file names (the rules written out again here from the definitions), a library from library_name (the 12 most common
# by name, the rest as "(other)").
def quant_formats(m):
    d = details[m]
    tags = {t.lower() for t in d["tags"]}
    library = (models[m]["library"] or "").lower()
    names = [f.rsplit("/", 1)[-1].lower() for f in d["files"]]
    shown = []
    if "gguf" in tags or library == "gguf" or d["gguf"] is not None or any(n.endswith(".gguf") for n in names):
        shown.append("gguf")
    if "mlx" in tags or library == "mlx":
        shown.append("mlx")
    if "awq" in tags or "autoawq" in tags:
        shown.append("awq")
    if "gptq" in tags or "auto-gptq" in tags or "quantize_config.json" in names:
        shown.append("gptq")
    if "exl2" in tags or "measurement.json" in names:
        shown.append("exl2")
    if "bitsandbytes" in tags:
        shown.append("bnb")
    if "onnx" in tags or library in ("onnx", "transformers.js") or any(n.endswith(".onnx") for n in names):
        shown.append("onnx")
    return shown
FORMATS = ["gguf", "mlx", "awq", "gptq", "exl2", "bnb", "onnx"]
month = {m: created(m).strftime("%Y-%m") for m in is_model if created(m) is not None}
per_format = {f: collections.Counter() for f in FORMATS}
for m in is_model:
    if m in details and m in month:
        for f in quant_formats(m):
            per_format[f][month[m]] += 1
library_totals = collections.Counter(models[m]["library"] for m in is_model if models[m]["library"] is not None and m in month)
listed_libraries = set(sorted(library_totals, key=lambda l: (-library_totals[l], l))[:12])
per_library = collections.defaultdict(collections.Counter)
for m in is_model:
    if models[m]["library"] is not None and m in month:
        per_library[models[m]["library"] if models[m]["library"] in listed_libraries else "(other)"][month[m]] += 1

print(json.dumps({
    "formatCoverage": {"withRecord": len(with_record), "withRecordAndDate": sum(1 for m in with_record if m in month),
                       "withLibraryAndDate": sum(library_totals.values())},
    "formats": {f: dict(sorted(per_format[f].items())) for f in FORMATS},
    "libraries": {l: dict(sorted(c.items())) for l, c in per_library.items()},
    "families": [family(q) for q in families],
    "concentration": {"downloadField": "downloadsAllTime" if use_all_time else "downloads", **concentration(is_model)},
    "sizes": {"coverage": coverage, "classes": classes, "meanDownloadedParams": mean_all, "medianDownloadedParams": median_all,
              "withoutQuantized": {"meanDownloadedParams": mean_nq, "medianDownloadedParams": median_nq},
              "precision": {"coverage": {"known": precision_known, "unknown": len(is_model) - precision_known},
                            "byPrecision": dict(sorted(by_precision.items(), key=lambda kv: (-kv[1]["models"], kv[0])))},
              "experts": experts_figures},
    "orgsTotal": len(roles),
    "orgs": [{"org": spelling[o], "models": sum(roles[o].values()),
              "role": max(ROLES, key=lambda r: (roles[o][r], -ROLES.index(r))),
              "roles": {r: roles[o][r] for r in ROLES}} for o in org_list],
    "flowsTotal": len(flows),
    "flows": [{"from": spelling[a], "to": spelling[b], **v} for (a, b), v in
              sorted(flows.items(), key=lambda kv: (-kv[1]["models"], -(kv[1]["downloads"] if kv[1]["downloads"] is not None else -1), spelling[kv[0][0]], spelling[kv[0][1]]))[:limit]],
}))
