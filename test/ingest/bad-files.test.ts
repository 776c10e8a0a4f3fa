// Damaged files built from real data (cut JSON, JSONL and gzip, broken CSV, empty, missing, folder, binary): each
// is reported naming the file and what was wrong; whole records before the damage are kept, nothing stored is lost.

import { constants, gunzipSync, gzipSync } from "node:zlib";
import { mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SourceFileError } from "../../src/ingest/source-file.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { lineageRows } from "../support/lineage-table-rows.js";
import { bundledText, EDGES_CSV, KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf } from "../support/real-hub-records.js";
import { connectionOf } from "../../src/store/database-handle.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-bad-files-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const RECORDS = ["ThornoDen/Sonya", "Oscuridad/aaaa", "chernikov1/test"].map((id) =>
  JSON.stringify(hubRecordOf(KOKORO_DUMP, id)),
);
/** The real edge list's lines, CRLF-terminated as in the file; [0] is the header. */
const EDGE_LINES = bundledText(EDGES_CSV).split("\r\n");

function write(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const count = (db: Store, table: string) =>
  (connectionOf(db).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** A store already holding the first 100 real edges, to show a failing file takes nothing away. */
async function storeWithRows(): Promise<{ db: Store; before: ReturnType<typeof lineageRows> }> {
  const db = openStore(":memory:");
  await importFile(db, write("first-100.csv", EDGE_LINES.slice(0, 101).join("\r\n") + "\r\n"));
  return { db, before: lineageRows(db) };
}

describe("files that cannot be read whole", () => {
  it("a JSON array cut mid-record: nothing from it, nothing stored lost", async () => {
    const text = `[${RECORDS.join(",")}]`;
    const path = write("cut-array.json", text.slice(0, text.indexOf('"chernikov1/test"') + 8));
    const { db, before } = await storeWithRows();
    const failure = importFile(db, path);
    await expect(failure).rejects.toThrow(SourceFileError);
    await expect(failure).rejects.toThrow(
      new RegExp(`^ingest: "${path}" is not a complete JSON array \\(.+\\); nothing was imported from it$`),
    );
    expect(lineageRows(db)).toEqual(before);
  });

  it("a family-tree dump cut in half: nothing from it, nothing stored lost", async () => {
    const text = bundledText(KOKORO_DUMP);
    const path = write("cut-dump.json", text.slice(0, Math.floor(text.length / 2)));
    const { db, before } = await storeWithRows();
    await expect(importFile(db, path)).rejects.toThrow(
      new RegExp(`^ingest: "${path}" is not complete JSON \\(.+\\); nothing was imported from it$`),
    );
    expect(lineageRows(db)).toEqual(before);
  });

  it("a gzip CSV cut short: the whole rows before the cut are kept, the message names the last line read", async () => {
    const gzip = gzipSync(EDGE_LINES.slice(0, 3001).join("\r\n") + "\r\n");
    const path = write("cut.csv.gz", gzip.subarray(0, Math.floor(gzip.length / 2)));
    // Independently: decompress what is there with a sync flush (no end-of-stream check) and count the lines
    // that end in CRLF; the last, unterminated one is partial. The first 3,000 real rows have no repeated pair.
    const readable = gunzipSync(readFileSync(path), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    const wholeLines = readable.split("\r\n").length - 1;
    const { db } = await storeWithRows();
    await expect(importFile(db, path)).rejects.toThrow(
      `ingest: "${path}" could not be read past line ${wholeLines} (unexpected end of file); rows before it are kept`,
    );
    // The first 100 rows were stored already: the union is the whole rows before the cut (header excluded).
    expect(count(db, "edges")).toBe(wholeLines - 1);
    expect(
      connectionOf(db).prepare(`SELECT status, records_read AS position FROM runs ORDER BY id DESC LIMIT 1`).get(),
    ).toEqual({ status: "failed", position: wholeLines - 1 });
  });

  it("a gzip JSONL crawl cut short: the whole lines before the cut are kept", async () => {
    const gzip = gzipSync(RECORDS.join("\n") + "\n");
    const path = write("cut.jsonl.gz", gzip.subarray(0, gzip.length - 200));
    const readable = gunzipSync(readFileSync(path), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    const wholeLines = readable.split("\n").length - 1;
    expect(wholeLines).toBeGreaterThan(0);
    const db = openStore(":memory:");
    await expect(importFile(db, path)).rejects.toThrow(
      `ingest: "${path}" could not be read past line ${wholeLines} (unexpected end of file); lines before it are kept`,
    );
    expect(count(db, "models WHERE placeholder = 0")).toBe(wholeLines);
  });

  it.each([
    ["empty.json", "", (path: string) => `ingest: "${path}" is empty`],
    ["binary.dat", null, (path: string) => `ingest: "${path}" is a binary file, not JSON or CSV text`],
  ])("%s is refused with its reason", async (name, content, message) => {
    let bytes: string | Buffer = content ?? "";
    if (content === null) {
      // The first 4 KiB of the node executable: a real binary file.
      bytes = Buffer.alloc(4096);
      const fd = openSync(process.execPath, "r");
      readSync(fd, bytes, 0, 4096, 0);
      closeSync(fd);
    }
    const path = write(name, bytes);
    const { db, before } = await storeWithRows();
    await expect(importFile(db, path)).rejects.toThrow(message(path));
    expect(lineageRows(db)).toEqual(before);
  });

  it("a missing file and a folder are refused with their reason", async () => {
    const { db, before } = await storeWithRows();
    const missing = join(folder, "no-such-file.jsonl");
    await expect(importFile(db, missing)).rejects.toThrow(`ingest: cannot read "${missing}": no such file`);
    const directory = join(folder, "a-folder");
    mkdirSync(directory);
    await expect(importFile(db, directory)).rejects.toThrow(`ingest: "${directory}" is not a file`);
    expect(lineageRows(db)).toEqual(before);
  });
});

describe("files with a UTF-8 byte-order mark", () => {
  it("reads a family-tree dump, a JSON array and JSONL as if the mark were not there", async () => {
    const bom = "\uFEFF";
    const plain = openStore(":memory:");
    const marked = openStore(":memory:");
    await importFile(plain, KOKORO_DUMP);
    await importFile(plain, write("plain.jsonl", RECORDS.join("\n") + "\n"));
    const dump = await importFile(marked, write("bom-dump.json", bom + bundledText(KOKORO_DUMP)));
    const array = await importFile(marked, write("bom-array.json", `${bom}[${RECORDS.join(",")}]`));
    const lines = await importFile(marked, write("bom.jsonl", bom + RECORDS.join("\n") + "\n"));
    // The Kokoro dump has 14 entries; three records in the array and in the JSONL file; nothing skipped.
    expect([dump.records, array.records, lines.records]).toEqual([14, 3, 3]);
    expect([dump.skipped, array.skipped, lines.skipped]).toEqual([0, 0, 0]);
    expect(lineageRows(marked)).toEqual(lineageRows(plain));
  });
});

describe("JSON Lines whose strings hold U+2028 or U+2029", () => {
  it("reads each record as one line, as JSON writes those characters unescaped", async () => {
    const withSeparators = RECORDS.map((line, i) => {
      const record = JSON.parse(line) as { cardData?: Record<string, unknown> };
      record.cardData = { ...record.cardData, model_name: `one${i % 2 === 0 ? "\u2028" : "\u2029"}line` };
      return JSON.stringify(record);
    });
    expect(withSeparators.join("")).toMatch(/\u2028[^]*\u2029/);
    const plain = openStore(":memory:");
    const separated = openStore(":memory:");
    await importFile(plain, write("no-separators.jsonl", RECORDS.join("\n") + "\n"));
    const summary = await importFile(separated, write("separators.jsonl", withSeparators.join("\n") + "\n"));
    expect([summary.records, summary.skipped]).toEqual([3, 0]);
    expect(lineageRows(separated)).toEqual(lineageRows(plain));
  });
});

describe("files with damaged records", () => {
  it("a JSONL file with a broken line: the other lines are imported, the broken one reported by number", async () => {
    const broken = RECORDS[1]?.slice(0, 120) ?? "";
    const path = write("broken-line.jsonl", [RECORDS[0], broken, RECORDS[2]].join("\n") + "\n");
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    expect([summary.records, summary.skipped]).toEqual([2, 1]);
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]?.position).toBe(1);
    expect(summary.problems[0]?.message).toMatch(
      new RegExp(`^${path} line 2: not valid JSON \\(.+\\): \\{"id":"Oscuridad/aaaa"`),
    );
    expect(connectionOf(db).prepare(`SELECT id FROM models WHERE placeholder = 0 ORDER BY id`).pluck().all()).toEqual([
      "ThornoDen/Sonya",
      "chernikov1/test",
    ]);
  });

  const unclosedTitle =
    "a CSV with an unclosed quote: the rows before it are imported, the rest reported from the line it opens on";
  it(unclosedTitle, async () => {
    // Real rows 1-5 (lines 2-6); a quote opened before the child of row 3 (line 4) runs to the end of the file.
    const lines = EDGE_LINES.slice(0, 6);
    lines[3] = (lines[3] ?? "").replace(",", ',"');
    const path = write("unclosed-quote.csv", lines.join("\r\n") + "\r\n");
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    expect([summary.records, summary.skipped]).toEqual([2, 1]);
    expect(summary.problems.map((p) => p.message)).toEqual([
      `${path} line 4: a quoted field opened on or after this line is never closed; ` +
        "the rest of the file could not be read as rows",
    ]);
    expect(count(db, "edges")).toBe(2);
  });

  const wrongLengthTitle =
    "a CSV with rows of the wrong length: those rows are reported with their field counts, the others imported";
  it(wrongLengthTitle, async () => {
    const lines = EDGE_LINES.slice(0, 6);
    lines[2] = `${lines[2]},extra`;
    lines[4] = (lines[4] ?? "").split(",")[0] ?? "";
    const path = write("wrong-length.csv", lines.join("\r\n") + "\r\n");
    const db = openStore(":memory:");
    const summary = await importFile(db, path);
    expect([summary.records, summary.skipped]).toEqual([3, 2]);
    expect(summary.problems.map((p) => p.message)).toEqual([
      `${path} line 3: 4 fields where the header has 3`,
      `${path} line 5: 1 field where the header has 3`,
    ]);
    expect(count(db, "edges")).toBe(3);
  });
});
