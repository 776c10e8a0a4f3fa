# What a model's stored counts by dtype, gguf context length and expert counts should be, read straight from the
# family-tree dumps with the standard library alone (no project code): each dump in the order given, each entry's
# metadata JSON, a later record's value replacing an earlier one only when it gives one. Prints JSON by model id.
# Run: python3 test/ingest/record_fields_oracle.py DUMP.json.gz...
import gzip, json, sys

EXPERT_KEYS = ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"]
PER_TOKEN_KEYS = ["num_experts_per_tok", "experts_per_token", "moe_k"]

def count(value):
    return value if type(value) is int and 0 <= value < 2 ** 53 else None

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
        if isinstance(parameters, dict):
            parameters = {k.upper(): v for k, v in parameters.items() if count(v) is not None} or None
        else:
            parameters = None
        found = {"parameters": parameters, "contextLength": count(gguf.get("context_length")),
                 "experts": first_count(config, EXPERT_KEYS), "expertsPerToken": first_count(config, PER_TOKEN_KEYS)}
        before = stored.get(entry["model_id"], {})
        stored[entry["model_id"]] = {k: v if v is not None else before.get(k) for k, v in found.items()}
print(json.dumps(stored))
