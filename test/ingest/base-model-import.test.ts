// A full import of the real Kokoro-82M family, each child's card corrupted with one messy base_model value,
// through the built command line: the edges and unresolved rows stored, and what `check --json` reports.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lineageRowsOfFile } from "../support/lineage-table-rows.js";
import { runBuiltCli as runCli } from "../support/built-cli.js";
import { KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf, withoutBaseModelTags } from "../support/real-hub-records.js";

const KOKORO = "hexgrad/Kokoro-82M";
/** The real children of Kokoro-82M that have a record in the dump, each given one base_model value. */
const CARDS: [string, unknown][] = [
  ["ThornoDen/Sonya", `https://huggingface.co/${KOKORO}/tree/main`],
  ["Oscuridad/aaaa", `hf.co/${KOKORO}`],
  ["chernikov1/test", [KOKORO, KOKORO, "HEXGRAD/kokoro-82m"]],
  ["GabrielMedinaTorres/genshin", "Hexgrad/kokoro-82M"],
  ["Khanhho/mai", "bert-base-uncased"],
  ["Hasani-ali-reza/Iran", "https://huggingface.co/datasets/fka/awesome-chatgpt-prompts"],
  ["maj666/test1", ["/content/out", "./ckpt", "C:\\x"]],
  ["Princehart1234/Sonia", ""],
  ["umersattar/girl", "N/A"],
  ["David856412/David89675", [82, { name: KOKORO }, [KOKORO]]],
  ["crossyroadgame/unblocked", "https://huggingface.co/spaces/hexgrad/Kokoro-TTS"],
];

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-base-model-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("importing cards with messy base_model values", () => {
  const file = join(folder, "kokoro-family.jsonl");
  const db = join(folder, "lineage.db");
  const lines = [hubRecordOf(KOKORO_DUMP, KOKORO)];
  for (const [id, value] of CARDS) {
    const record = withoutBaseModelTags(hubRecordOf(KOKORO_DUMP, id));
    lines.push({ ...record, cardData: { ...record.cardData, base_model: value } });
  }
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join("\n") + "\n");

  it("stores the edges that name a model and the rest as unresolved", () => {
    const imported = runCli(["import", file, "--db", db]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("12 records");
    const { models, edges, unresolved } = lineageRowsOfFile(db);
    // Kokoro's own record keeps its real tag edge to yl4579/StyleTTS2-LJSpeech (finetune). The URL, hf.co and
    // duplicate-list cards give card edges to Kokoro; the case variant gives a card edge to the id as written,
    // the legacy id one to its current name (src/vocabulary/legacy-ids.ts). Each keeps the card's value as
    // written (raw). Columns: child, parent, relation,
    // source, raw (ordered by child, parent, source).
    expect(edges).toEqual([
      ["GabrielMedinaTorres/genshin", "Hexgrad/kokoro-82M", "unknown", "card", "Hexgrad/kokoro-82M"],
      ["Khanhho/mai", "google-bert/bert-base-uncased", "unknown", "card", "bert-base-uncased"],
      ["Oscuridad/aaaa", KOKORO, "unknown", "card", `hf.co/${KOKORO}`],
      ["ThornoDen/Sonya", KOKORO, "unknown", "card", `https://huggingface.co/${KOKORO}/tree/main`],
      ["chernikov1/test", KOKORO, "unknown", "card", KOKORO],
      [KOKORO, "yl4579/StyleTTS2-LJSpeech", "finetune", "tag", `base_model:finetune:yl4579/StyleTTS2-LJSpeech`],
    ]);
    // One row per value that names no model: 1 + 3 + 1 + 1 + 3 + 1 = 10 (child, raw, reason).
    expect(unresolved).toEqual([
      ["David856412/David89675", `(list) ["${KOKORO}"]`, "wrong-type"],
      ["David856412/David89675", "(number) 82", "wrong-type"],
      ["David856412/David89675", `(object) {"name":"${KOKORO}"}`, "wrong-type"],
      ["Hasani-ali-reza/Iran", "https://huggingface.co/datasets/fka/awesome-chatgpt-prompts", "dataset"],
      ["Princehart1234/Sonia", "", "empty"],
      ["crossyroadgame/unblocked", "https://huggingface.co/spaces/hexgrad/Kokoro-TTS", "space"],
      ["maj666/test1", "./ckpt", "local-path"],
      ["maj666/test1", "/content/out", "local-path"],
      ["maj666/test1", "C:\\x", "local-path"],
      ["umersattar/girl", "N/A", "placeholder-text"],
    ]);
    // 12 records and 3 parents named without a record of their own.
    expect(models.length).toBe(15);
  });

  it("is reported by check --json", () => {
    const checked = runCli(["check", "--json", "--examples", "20", "--db", db]);
    expect(checked.status, checked.stderr).toBe(0);
    const report = JSON.parse(checked.stdout) as Record<
      string,
      { count: number; examples: unknown[]; byReason?: Record<string, number> }
    >;
    expect(report.selfLoops?.count).toBe(0);
    expect(report.cycles?.count).toBe(0);
    // Sorted by id in binary order: upper case before lower case.
    expect(report.placeholders?.examples).toEqual([
      "Hexgrad/kokoro-82M",
      "google-bert/bert-base-uncased",
      "yl4579/StyleTTS2-LJSpeech",
    ]);
    expect(report.caseVariants?.examples).toEqual([["Hexgrad/kokoro-82M", KOKORO]]);
    expect(report.unresolved?.count).toBe(10);
    expect(report.unresolved?.byReason).toEqual({
      empty: 1,
      "placeholder-text": 1,
      dataset: 1,
      space: 1,
      collection: 0,
      "hub-route": 0,
      "url-not-a-model": 0,
      "local-path": 3,
      markup: 0,
      "no-org": 0,
      "bad-syntax": 0,
      "too-long": 0,
      "malformed-escape": 0,
      "wrong-type": 3,
      "not-resolved-by-hub": 0,
    });
    expect(report.duplicateBases?.examples).toEqual([
      { id: "chernikov1/test", duplicates: [KOKORO, "HEXGRAD/kokoro-82m"] },
    ]);
    // Every child was created in 2025, after Kokoro-82M (2024-12-26): nothing older than its parent.
    expect(report.childOlderThanParent?.count).toBe(0);
  });
});
