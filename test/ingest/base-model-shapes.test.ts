// Every shape of cardData.base_model in ARCHITECTURE.md ("Bad input is normal input") written into a copy of a
// real Hub record (ThornoDen/Sonya, a Kokoro-82M fine-tune), through rowsFromHubRecord; expected rows by hand.

import { describe, expect, it } from "vitest";
import { rowsFromHubRecord } from "../../src/ingest/hub-record-rows.js";
import type { UnresolvedReason } from "../../src/ingest/normalize-base-model.js";
import { KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf, withoutBaseModelTags } from "../support/real-hub-records.js";

const CHILD = "ThornoDen/Sonya";
const KOKORO = "hexgrad/Kokoro-82M";

/** The real record with its card's base_model replaced, as a crawl sees it before the Hub resolves the card. */
function unresolvedCard(baseModel: unknown) {
  const record = withoutBaseModelTags(hubRecordOf(KOKORO_DUMP, CHILD));
  return { ...record, cardData: { ...record.cardData, base_model: baseModel } };
}

/** A card edge keeps the value as the card wrote it (`raw`, the parent unless said otherwise). */
const cardEdge = (parent: string, relation = "unknown", raw = parent) => ({
  child: CHILD,
  parent,
  relation,
  source: "card",
  raw,
});
const unresolved = (raw: string, reason: UnresolvedReason) => ({ child: CHILD, raw, reason });

describe("rowsFromHubRecord on card base_model values (no base_model tags)", () => {
  // Expected by reading normalize-base-model.ts's rules against each value: an id, a list of ids, and a Hub
  // model URL give card edges to the id, keeping the value as written (one base and no base_model_relation:
  // relation unknown); a dataset or Space URL, a local path, empty, N/A and values of the wrong type give no
  // edge and one unresolved row each.
  const cases: [string, unknown, object[], object[]][] = [
    ["a string", KOKORO, [cardEdge(KOKORO)], []],
    ["a list (the real value)", [KOKORO], [cardEdge(KOKORO)], []],
    [
      "a Hub URL",
      `https://huggingface.co/${KOKORO}`,
      [cardEdge(KOKORO, "unknown", `https://huggingface.co/${KOKORO}`)],
      [],
    ],
    ["an hf.co URL without scheme", `hf.co/${KOKORO}`, [cardEdge(KOKORO, "unknown", `hf.co/${KOKORO}`)], []],
    [
      "a URL with /tree/main",
      `https://huggingface.co/${KOKORO}/tree/main`,
      [cardEdge(KOKORO, "unknown", `https://huggingface.co/${KOKORO}/tree/main`)],
      [],
    ],
    // The card's own dataset and the Kokoro demo Space, both real, written where a model belongs.
    [
      "a dataset URL",
      "https://huggingface.co/datasets/fka/awesome-chatgpt-prompts",
      [],
      [unresolved("https://huggingface.co/datasets/fka/awesome-chatgpt-prompts", "dataset")],
    ],
    [
      "a Space URL",
      "https://hf.co/spaces/hexgrad/Kokoro-TTS",
      [],
      [unresolved("https://hf.co/spaces/hexgrad/Kokoro-TTS", "space")],
    ],
    ["a Colab output folder", "/content/out", [], [unresolved("/content/out", "local-path")]],
    ["a relative path", "./ckpt", [], [unresolved("./ckpt", "local-path")]],
    ["a Windows path", "C:\\x", [], [unresolved("C:\\x", "local-path")]],
    ["empty", "", [], [unresolved("", "empty")]],
    ["N/A", "N/A", [], [unresolved("N/A", "placeholder-text")]],
    // Duplicates, also in another case, name one base: one edge, still not a merge.
    ["a list with duplicates", [KOKORO, KOKORO, "HEXGRAD/kokoro-82m"], [cardEdge(KOKORO)], []],
    // A case variant alone is kept as written (lookups are case-insensitive; `check` reports the pair).
    ["a case variant of a real id", "Hexgrad/kokoro-82M", [cardEdge("Hexgrad/kokoro-82M")], []],
    // A legacy id is the model under its current name (src/vocabulary/legacy-ids.ts), the value kept as written.
    [
      "a legacy id",
      "bert-base-uncased",
      [cardEdge("google-bert/bert-base-uncased", "unknown", "bert-base-uncased")],
      [],
    ],
    // A name without its org that the Hub never had: an edge marked org-less, which the store keeps only when a
    // model of that name has a record (else a `no-org` finding).
    ["a name without its org", "my-base-model", [{ ...cardEdge("my-base-model"), orgless: true }], []],
    ["a number", 82, [], [unresolved("(number) 82", "wrong-type")]],
    ["an object", { name: KOKORO }, [], [unresolved(`(object) {"name":"${KOKORO}"}`, "wrong-type")]],
    ["a nested list", [[KOKORO]], [], [unresolved(`(list) ["${KOKORO}"]`, "wrong-type")]],
    // null and the text "null" are two values: two rows, two reasons.
    [
      "null and the text null",
      [null, "null"],
      [],
      [unresolved("(null)", "empty"), unresolved("null", "placeholder-text")],
    ],
    // Two different bases and no relation word on the card: a merge.
    [
      "a list of two bases",
      [KOKORO, "yl4579/StyleTTS2-LJSpeech"],
      [cardEdge(KOKORO, "merge"), cardEdge("yl4579/StyleTTS2-LJSpeech", "merge")],
      [],
    ],
  ];
  it.each(cases)("%s", (_label, value, edges, unresolvedRows) => {
    const rows = rowsFromHubRecord(unresolvedCard(value));
    expect(rows.edges).toEqual(edges);
    expect(rows.unresolved).toEqual(unresolvedRows);
    // The value as written is kept on the model row whatever came of it.
    expect(rows.model?.baseModelRaw).toBe(JSON.stringify(value));
    expect(rows.replacesDeclaredBasesOf).toBe(CHILD);
    expect(rows.warnings).toEqual([]);
  });
});

describe("rowsFromHubRecord when the Hub has resolved the card (base_model tags present)", () => {
  // The real record's tags are base_model:hexgrad/Kokoro-82M and base_model:finetune:hexgrad/Kokoro-82M: one
  // tag edge, relation from the typed tag. A card value naming the same model in any spelling adds nothing.
  const tagEdge = {
    child: CHILD,
    parent: KOKORO,
    relation: "finetune",
    source: "tag",
    raw: `base_model:finetune:${KOKORO}`,
  };
  function resolvedCard(baseModel: unknown) {
    const record = hubRecordOf(KOKORO_DUMP, CHILD);
    return { ...record, cardData: { ...record.cardData, base_model: baseModel } };
  }
  it.each([[`https://huggingface.co/${KOKORO}/tree/main`], ["HEXGRAD/kokoro-82m"], [[KOKORO, KOKORO]]])(
    "card %j: the tag edge only",
    (value) => {
      const rows = rowsFromHubRecord(resolvedCard(value));
      expect(rows.edges).toEqual([tagEdge]);
      expect(rows.unresolved).toEqual([]);
    },
  );
  it("keeps a local path on the card as unresolved next to the tag edge", () => {
    const rows = rowsFromHubRecord(resolvedCard(["/content/out", KOKORO]));
    expect(rows.edges).toEqual([tagEdge]);
    expect(rows.unresolved).toEqual([unresolved("/content/out", "local-path")]);
  });
  it("keeps a card base the Hub did not resolve as unresolved, as the card wrote it", () => {
    // A real case of the DeepSeek-R1 dump (CynthiaAAAA/deepseek-chat names DeepSeek-V3-0324 on its card while
    // the Hub's tags name DeepSeek-R1), written here as a URL into the copy of Sonya's record.
    const url = "https://huggingface.co/deepseek-ai/DeepSeek-V3-0324";
    const rows = rowsFromHubRecord(resolvedCard([KOKORO, url]));
    expect(rows.edges).toEqual([tagEdge]);
    expect(rows.unresolved).toEqual([unresolved(url, "not-resolved-by-hub")]);
  });
  it("takes a legacy id on the card and the Hub's tag of its current name as one model", () => {
    // A corrupted copy: the card names bert-base-uncased and the Hub's tag names the model's current id.
    const record = resolvedCard("bert-base-uncased");
    record.tags = record.tags
      .filter((tag) => !tag.startsWith("base_model:"))
      .concat(["base_model:finetune:google-bert/bert-base-uncased"]);
    const rows = rowsFromHubRecord(record);
    expect(rows.edges).toEqual([
      {
        child: CHILD,
        parent: "google-bert/bert-base-uncased",
        relation: "finetune",
        source: "tag",
        raw: "base_model:finetune:google-bert/bert-base-uncased",
      },
    ]);
    expect(rows.unresolved).toEqual([]);
  });
});
