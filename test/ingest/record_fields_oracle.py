# What a model's stored counts by dtype, gguf context length and expert counts should be, read straight from the
# family-tree dumps with the standard library alone (no project code): each dump in the order given, each entry's
# metadata JSON, a later record's value replacing an earlier one only when it gives one. Prints JSON by model id.
# Run: python3 test/ingest/record_fields_oracle.py DUMP.json.gz...
import gzip, json, re, sys

EXPERT_KEYS = ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"]
PER_TOKEN_KEYS = ["num_experts_per_tok", "experts_per_token", "moe_k"]

def count(value):
    whole = type(value) is int or (type(value) is float and value.is_integer())
    return value if whole and 0 <= value < 2 ** 53 else None

def dtype_counts(parameters):
    # Entries named like a dtype (a letter, then letters, digits, underscores; 32 at most) with a count, names
    # upper-cased, the counts of one name in two cases added.
    counts = {}
    for name, value in parameters.items():
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,31}", name) and count(value) is not None:
            counts[name.upper()] = counts.get(name.upper(), 0) + value
    return counts or None

def first_count(config, keys):
    for place in (config, config.get("text_config") if isinstance(config.get("text_config"), dict) else {}):
        for key in keys:
            if count(place.get(key)) is not None:
                return place[key]
    return None

stored = {}
for path in sys.argv[1:]:
    with gzip.open(path, "rt", encoding="utf-8") as dump:
        entries = json.load(dump)["models"]
    for entry in entries:
        try:
            metadata = json.loads(entry["metadata"])
        except (TypeError, ValueError):
            continue
        if not isinstance(metadata, dict):
            continue
        safetensors = metadata.get("safetensors") if isinstance(metadata.get("safetensors"), dict) else {}
        gguf = metadata.get("gguf") if isinstance(metadata.get("gguf"), dict) else {}
        config = metadata.get("config") if isinstance(metadata.get("config"), dict) else {}
        parameters = safetensors.get("parameters")
        parameters = dtype_counts(parameters) if isinstance(parameters, dict) else None
        found = {"parameters": parameters, "contextLength": count(gguf.get("context_length")),
                 "experts": first_count(config, EXPERT_KEYS), "expertsPerToken": first_count(config, PER_TOKEN_KEYS)}
        before = stored.get(entry["model_id"], {})
        stored[entry["model_id"]] = {k: v if v is not None else before.get(k) for k, v in found.items()}
print(json.dumps(stored))
