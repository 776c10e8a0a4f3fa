#!/usr/bin/env python3
# An independent oracle for the answers along the lineage (quants, adapters, licences, paths, siblings): reads the
# raw family-tree dumps with the standard library and PyYAML (lineage_sources.py), builds a networkx graph and
# applies the definitions of issue 14 as written, printing JSON. Shares no code with hf-lineage.
"""Answers along the lineage computed with networkx.

copies      nodes reachable from ID over edges whose relation is the copies' own or one of --through, whose own
            relation is the copies'; each with its shortest distance over those edges (nx.single_source_shortest_path_length
            on the edge-filtered view). Formats and bits from each record's tags, library_name, gguf and file names.
licences    each model of the family (the model, or an org's models, and nx.descendants): its declared licence (card
            `license`, `license_name` for `other`, else the `license:` tag; `none` when the record has none, `unknown`
            without a record); for every ancestor (nx.ancestors) with a restrictive licence in RULES, the kinds of
            finding, each (kind, ancestor licence) once with the smallest distance; none-declared; merges whose parents
            cannot both be kept.
paths       nx.all_simple_paths either way; else the common ancestors none of whose children is one too.
siblings    the other children of each parent, by the relation of that parent -> child edge.
"""

import argparse
import json
import re
import sys

import networkx as nx
import yaml

from lineage_oracle import RELATIONS, Lineage
from lineage_sources import Sources, open_text, plain_id

# Licence id -> (non-commercial, no-derivatives, share-alike, use restrictions, terms), from the licence texts.
RULES = {}
for ids, flags, terms in [
    ("apache-2.0 mit bsd-2-clause bsd-3-clause bsd-3-clause-clear isc afl-3.0 bsl-1.0 zlib ecl-2.0 postgresql ncsa "
     "artistic-2.0 cc0-1.0 unlicense wtfpl pddl odc-by cc-by-2.0 cc-by-2.5 cc-by-3.0 cc-by-4.0", "", "permissive"),
    ("cc-by-sa-3.0 cc-by-sa-4.0", "sa", "cc-by-sa"),
    ("cc-by-nc-2.0 cc-by-nc-3.0 cc-by-nc-4.0", "nc", "cc-by-nc"),
    ("cc-by-nc-sa-2.0 cc-by-nc-sa-3.0 cc-by-nc-sa-4.0", "nc sa", "cc-by-nc-sa"),
    ("cc-by-nd-4.0", "nd", "cc-by-nd"),
    ("cc-by-nc-nd-3.0 cc-by-nc-nd-4.0", "nc nd", "cc-by-nc-nd"),
    ("gpl-2.0", "sa", "gpl-2.0"),
    ("gpl-3.0 agpl-3.0", "sa", "gpl-3.0"),
    ("lgpl-2.1 lgpl-3.0 lgpl-lr", "sa", "lgpl"),
    ("gfdl", "sa", "gfdl"),
    ("llama2", "use", "llama2"), ("llama3", "use", "llama3"), ("llama3.1", "use", "llama3.1"),
    ("llama3.2", "use", "llama3.2"), ("llama3.3", "use", "llama3.3"), ("llama4", "use", "llama4"),
    ("gemma gemma-terms-of-use", "use", "gemma"),
    ("openrail creativeml-openrail-m openrail++ bigscience-openrail-m bigcode-openrail-m bigscience-bloom-rail-1.0",
     "use", "rail"),
    ("deepseek", "use", "deepseek"),
    ("mrl mistral-research-license", "nc", "mrl"),
    ("microsoft-research-license", "nc", "microsoft-research-license"),
]:
    for licence in ids.split():
        RULES[licence] = {"nc": "nc" in flags.split(), "nd": "nd" in flags.split(), "sa": "sa" in flags.split(),
                          "use": "use" in flags.split(), "terms": terms}


def restrictive(rule):
    return rule["nc"] or rule["nd"] or rule["sa"] or rule["use"]


def kinds_against(own, ancestor):
    kinds = []
    if ancestor["nd"]:
        kinds.append("no-derivatives")
    if ancestor["nc"] and not own["nc"]:
        kinds.append("non-commercial")
    if ancestor["sa"] and own["terms"] != ancestor["terms"]:
        kinds.append("share-alike")
    if ancestor["use"] and own["terms"] != ancestor["terms"]:
        kinds.append("use-restrictions")
    return kinds


def incompatible(a, b):
    if a["nd"] or b["nd"]:
        return True
    if (a["sa"] or a["use"]) and (b["sa"] or b["use"]) and a["terms"] != b["terms"]:
        return True
    return (a["sa"] and not a["nc"] and b["nc"]) or (b["sa"] and not b["nc"] and a["nc"])


def read_records(paths):
    """Each model's record facts: tags, library_name, gguf present, file names, licence fields."""
    records = {}
    for path in paths:
        with open_text(path) as handle:
            entries = json.load(handle)["models"]
        for entry in entries:
            model = plain_id(entry["model_id"], path)
            metadata = entry["metadata"]
            if metadata == "N/A" or model in records:
                continue
            record = metadata if isinstance(metadata, dict) else json.loads(metadata)
            card = yaml.safe_load(record.get("card_data") or "") or {}
            files = []
            for sibling in record.get("siblings") or []:
                match = re.search(r"rfilename='([^']*)'", sibling) if isinstance(sibling, str) else None
                if match:
                    files.append(match.group(1))
            records[model] = {"tags": record.get("tags") or [], "library": record.get("library_name"),
                              "gguf": bool(record.get("gguf")), "files": files, "card": card}
    return records


def gguf_bits(name):
    base = name.rsplit("/", 1)[-1]
    if not base.lower().endswith(".gguf") or base.lower().startswith("mmproj"):
        return None
    for part in re.split(r"[-.]", base[:-5]):
        quant = re.fullmatch(r"I?Q([1-8])(_[0-9A-Z]+)*", part, re.IGNORECASE)
        if quant:
            return int(quant.group(1))
        floating = re.fullmatch(r"(?:B?F|FP)(16|32)", part, re.IGNORECASE)
        if floating:
            return int(floating.group(1))
    return None


def onnx_bits(name):
    match = re.search(r"_(q4f16|q4|bnb4|int8|uint8|fp16)\.onnx$", name.rsplit("/", 1)[-1], re.IGNORECASE)
    if not match:
        return None
    return {"int8": 8, "uint8": 8, "fp16": 16}.get(match.group(1).lower(), 4)


def quant_formats(record):
    tags = {tag.lower() for tag in record["tags"]}
    library = (record["library"] or "").lower()
    tag_bits = sorted({int(m.group(1)) for t in record["tags"] if (m := re.fullmatch(r"([1-8]|16|32)-bit", t))})
    files = record["files"]
    found = []
    gguf_files = [f for f in files if f.lower().endswith(".gguf")]
    if "gguf" in tags or library == "gguf" or record["gguf"] or gguf_files:
        found.append(["gguf", sorted({b for f in gguf_files if (b := gguf_bits(f)) is not None})])
    if "mlx" in tags or library == "mlx":
        found.append(["mlx", tag_bits])
    if "awq" in tags or "autoawq" in tags:
        found.append(["awq", tag_bits])
    if "gptq" in tags or "auto-gptq" in tags or any(f.split("/")[-1].lower() == "quantize_config.json" for f in files):
        found.append(["gptq", tag_bits])
    if "exl2" in tags or any(f.split("/")[-1].lower() == "measurement.json" for f in files):
        found.append(["exl2", tag_bits])
    if "bitsandbytes" in tags:
        found.append(["bnb", tag_bits])
    onnx_files = [f for f in files if f.lower().endswith(".onnx")]
    if "onnx" in tags or library in ("onnx", "transformers.js") or onnx_files:
        found.append(["onnx", sorted({b for f in onnx_files if (b := onnx_bits(f)) is not None})])
    return found


def declared(records, model):
    record = records.get(model)
    if record is None:
        return "unknown"
    card = record["card"]
    licence = card.get("license")
    if isinstance(licence, list):
        licence = ",".join(str(item).strip() for item in licence if str(item).strip()) or None
    elif not isinstance(licence, str) or not licence.strip():
        licence = None
    name = card.get("license_name") if isinstance(card.get("license_name"), str) and card["license_name"].strip() else None
    if licence is None:
        tag = next((t[len("license:"):] for t in record["tags"] if t.startswith("license:")), None)
        licence = tag
    if licence is not None:
        licence = licence.strip().lower()
    if licence == "other" and name is not None:
        return name.strip().lower()
    if licence:
        return licence
    return name.strip().lower() if name else "none"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--family-tree", action="append", default=[])
    parser.add_argument("--copies", action="append", default=[], help="RELATION:THROUGH:ID (THROUGH: a,b or none)")
    parser.add_argument("--licences", action="append", default=[])
    parser.add_argument("--path", action="append", default=[], help="A|B")
    parser.add_argument("--siblings", action="append", default=[])
    args = parser.parse_args()
    sources = Sources()
    for path in args.family_tree:
        sources.read_family_tree(path)
    lineage = Lineage(sources)
    graph = lineage.graph
    records = read_records(args.family_tree)
    out = {"formats": {model: quant_formats(record) for model, record in records.items()},
           "copies": {}, "licences": {}, "paths": {}, "siblings": {}}

    for question in args.copies:
        relation, through, model = question.split(":", 2)
        allowed = {relation} | (set() if through == "none" else set(RELATIONS) if through == "all" else set(through.split(",")))
        view = nx.subgraph_view(graph, filter_edge=lambda p, c: lineage.edge_relation[(p, c)] in allowed)
        distances = nx.single_source_shortest_path_length(view, model)
        out["copies"][question] = {other: distance for other, distance in distances.items()
                                   if other != model and lineage.relation.get(other) == relation}

    for query in args.licences:
        own = [query] if query in graph else sorted(n for n in graph if n.lower().startswith(query.lower() + "/"))
        family = set(own)
        for model in own:
            family |= nx.descendants(graph, model)
        licence = {model: declared(records, model) for model in graph}
        findings = []
        unknown = {}
        for model in family:
            rule = RULES.get(licence[model])
            distances = nx.single_source_shortest_path_length(lineage.reverse, model)
            seen = {}
            for ancestor, distance in distances.items():
                if ancestor == model:
                    continue
                ancestor_rule = RULES.get(licence[ancestor])
                if rule is None or ancestor_rule is None or not restrictive(ancestor_rule):
                    continue
                for kind in kinds_against(rule, ancestor_rule):
                    key = (kind, licence[ancestor])
                    seen[key] = min(seen.get(key, distance), distance)
            for (kind, ancestor_licence), distance in seen.items():
                findings.append([model, kind, ancestor_licence, distance])
            if licence[model] == "none":
                declared_above = [(d, a) for a, d in distances.items()
                                  if a != model and licence[a] not in ("none", "unknown")]
                findings.append([model, "none-declared", min(declared_above)[0] if declared_above else None,
                                 None])
            parents = sorted(graph.predecessors(model))
            for i, a in enumerate(parents):
                for b in parents[i + 1:]:
                    ra, rb = RULES.get(licence[a]), RULES.get(licence[b])
                    if ra is not None and rb is not None and incompatible(ra, rb):
                        findings.append([model, "merge-incompatible", licence[b], 1])
            if rule is None and licence[model] != "none":
                unknown[licence[model]] = unknown.get(licence[model], 0) + 1
        out["licences"][query] = {"models": len(family), "findings": sorted(findings, key=json.dumps),
                                  "unknown": unknown}

    for pair in args.path:
        a, b = pair.split("|")
        paths = [list(p) for p in nx.all_simple_paths(graph, a, b)] or [list(p) for p in nx.all_simple_paths(graph, b, a)]
        common = nx.ancestors(graph, a) & nx.ancestors(graph, b)
        nearest = sorted(c for c in common if not any(child in common for child in graph.successors(c)))
        out["paths"][pair] = {"paths": sorted(paths), "nearest": [] if paths else nearest}

    for model in args.siblings:
        grouped = {}
        for parent in graph.predecessors(model):
            for child in graph.successors(parent):
                if child != model:
                    grouped.setdefault(child, lineage.edge_relation[(parent, child)])
        by_relation = {}
        for child, relation in grouped.items():
            by_relation.setdefault(relation, []).append(child)
        out["siblings"][model] = {relation: sorted(ids) for relation, ids in by_relation.items()}

    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
