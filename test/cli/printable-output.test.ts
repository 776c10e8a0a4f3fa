// Text output never passes a terminal escape or a right-to-left override from the data to the terminal: card
// values holding them (written into real Kokoro-82M records) are printed as `\u001b`, `\u202e`; --json is JSON.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { printable, printableLines, wellFormed } from "../../src/vocabulary/safe-text.js";
import { runCliInProcess } from "../support/in-process-cli.js";
import { KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf, withoutBaseModelTags } from "../support/real-hub-records.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-printable-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every character a terminal acts on or reorders: C0 but line feed, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- the characters under test
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("printable", () => {
  it("escapes controls, bidi overrides and unpaired surrogates, and leaves other text alone", () => {
    expect(printable("a\u001b[2Jb")).toBe("a\\u001b[2Jb");
    expect(printable("evil\u202egpj.exe")).toBe("evil\\u202egpj.exe");
    expect(printable("x\u2066y\u2069\u200f")).toBe("x\\u2066y\\u2069\\u200f");
    expect(printable("line\nbreak\ttab\r")).toBe("line\\u000abreak\\u0009tab\\u000d");
    expect(printable("\u0085\u009b")).toBe("\\u0085\\u009b");
    expect(printable("lone \ud800 high")).toBe("lone \\ud800 high");
    expect(printable("Qwen/Qwen2.5-7B — 通义 🤗")).toBe("Qwen/Qwen2.5-7B — 通义 🤗");
    expect(printableLines("a\u202e\nb\u001b\n")).toBe("a\\u202e\nb\\u001b\n");
    expect(wellFormed("a\ud800b\udc00\ud83d\ude00")).toBe("a\ufffdb\ufffd\ud83d\ude00");
  });
});

describe("text output of values from the data", () => {
  const db = join(folder, "hostile.db");
  const file = join(folder, "hostile.jsonl");
  const values = ["\u001b[2J\u001b[31mred", "evil\u202egpj.exe", "tab\there", "a\u0085b"];
  const record = withoutBaseModelTags(hubRecordOf(KOKORO_DUMP, "ThornoDen/Sonya"));
  writeFileSync(file, JSON.stringify({ ...record, cardData: { ...record.cardData, base_model: values } }) + "\n");

  it("check escapes them; check --json keeps them as JSON strings", async () => {
    expect((await runCliInProcess(["import", file, "--db", db])).status).toBe(0);
    const text = await runCliInProcess(["check", "--examples", "10", "--db", db]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(UNSAFE);
    // All four values are bad syntax (controls or spaces inside an id), listed by raw value in binary order.
    const lines = text.stdout.split("\n").filter((line) => line.startsWith("  - child=ThornoDen/Sonya"));
    expect(lines).toEqual([
      "  - child=ThornoDen/Sonya raw=\\u001b[2J\\u001b[31mred reason=bad-syntax",
      "  - child=ThornoDen/Sonya raw=a\\u0085b reason=bad-syntax",
      "  - child=ThornoDen/Sonya raw=evil\\u202egpj.exe reason=bad-syntax",
      "  - child=ThornoDen/Sonya raw=tab\\u0009here reason=bad-syntax",
    ]);
    const json = await runCliInProcess(["check", "--json", "--examples", "10", "--db", db]);
    const report = JSON.parse(json.stdout) as { unresolved: { examples: { raw: string }[] } };
    expect(report.unresolved.examples.map((example) => example.raw).sort()).toEqual([...values].sort());
  });
});
