# Reads the raw data files for the oracle: parent -> child links with the child's relation and the kind of source
# that states it, and the models that have a record of their own. Written from the data README, not from our code.
"""The three kinds of raw file the oracle reads (each plain or gzipped), and the rules it applies to each.

edges.csv     `source,target,edge`: source is the parent, target the child; the label finetuned|quantized|merged|
              adapter is the child's relation. A listed link.
metadata.csv  `id,...`: each id has a record of its own (it is not a placeholder, and exists without edges).
family tree   `{"models": [entry]}`: each entry's model_id (a plain id or `https://huggingface.co/ID`) has a record.
              Its `metadata` (a JSON string, or `N/A`) has the Hub's tags: `base_model:<relation>:<id>` makes id the
              parent with that relation, a Hub-resolved link. The entry's `children`, `adapters`, `quantized` and
              `merges` lists (Hub URLs) name children with the relation finetune, adapter, quantized, merge: listed
              links. A plain `base_model:<id>` tag repeats a typed one; the card (`card_data`) is read by the Hub into
              those tags. Anything this does not cover (a plain tag alone, a card base_model without tags, an id in
              another shape) stops the oracle with a message rather than being guessed.
"""

import csv
import gzip
import json
import re
import sys

PLAIN_ID = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$")
HUB_URL = "https://huggingface.co/"
RELATION_OF_LABEL = {"finetuned": "finetune", "quantized": "quantized", "merged": "merge", "adapter": "adapter"}
RELATION_OF_LIST = {"children": "finetune", "adapters": "adapter", "quantized": "quantized", "merges": "merge"}
TYPED_RELATIONS = {"finetune", "adapter", "quantized", "merge"}


def fail(message):
    sys.exit(f"lineage_oracle: {message}")


def open_text(path):
    """A data file as text, gzipped (`.gz`, as bundled in data/) or plain."""
    if path.endswith(".gz"):
        return gzip.open(path, "rt", newline="", encoding="utf-8")
    return open(path, newline="", encoding="utf-8")


def plain_id(value, where):
    """The ids in these files are plain `org/name` (or a Hub URL of one); anything else is not modelled here."""
    if isinstance(value, str) and value.startswith(HUB_URL):
        value = value[len(HUB_URL):]
    if not isinstance(value, str) or not PLAIN_ID.match(value):
        fail(f"{where}: {value!r} is not a plain model id; the oracle does not model id normalisation")
    return value


class Sources:
    def __init__(self):
        # (parent, child, relation, "tag" | "listed")
        self.links = []
        self.recorded = set()
        # Downloads stated by a record (the family trees' metadata; the CSV files have none).
        self.downloads = {}

    def read_edges_csv(self, path):
        with open_text(path) as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                where = f"{path} line {line}"
                if row["edge"] not in RELATION_OF_LABEL:
                    fail(f"{where}: unknown edge label {row['edge']!r}")
                self.links.append((plain_id(row["source"], where), plain_id(row["target"], where), RELATION_OF_LABEL[row["edge"]], "listed"))

    def read_metadata_csv(self, path):
        with open_text(path) as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                self.recorded.add(plain_id(row["id"], f"{path} line {line}"))

    def read_family_tree(self, path):
        with open_text(path) as handle:
            entries = json.load(handle)["models"]
        for index, entry in enumerate(entries, start=1):
            where = f"{path} entry {index}"
            model = plain_id(entry["model_id"], where)
            self.recorded.add(model)
            metadata = entry["metadata"]
            if metadata != "N/A":
                record = metadata if isinstance(metadata, dict) else json.loads(metadata)
                if type(record.get("downloads")) is int:
                    self.downloads[model] = record["downloads"]
                self.read_tags(model, record, where)
            for name, relation in RELATION_OF_LIST.items():
                for child in entry.get(name) or []:
                    self.links.append((model, plain_id(child, f"{where} {name}"), relation, "listed"))

    def read_tags(self, model, metadata, where):
        typed, plain = {}, set()
        for tag in metadata.get("tags") or []:
            parts = tag.split(":")
            if parts[0] != "base_model":
                continue
            if len(parts) == 3 and parts[1] in TYPED_RELATIONS:
                typed.setdefault(plain_id(parts[2], where), parts[1])
            elif len(parts) == 2:
                plain.add(plain_id(parts[1], where))
            else:
                fail(f"{where}: tag {tag!r} is not modelled")
        if plain - set(typed):
            fail(f"{where}: a plain base_model tag without a typed one; its relation would come from the card")
        if not typed and "base_model" in str(metadata.get("card_data") or ""):
            fail(f"{where}: a card base_model without base_model tags is not modelled")
        for parent, relation in typed.items():
            self.links.append((parent, model, relation, "tag"))
