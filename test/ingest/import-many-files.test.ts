// One `import` command line mixing good and damaged files built from real data: every failing file is reported
// on standard error by name, the files after it still import, rows stored before stay, and the exit code is 1.

import { gzipSync } from "node:zlib";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lineageRowsOfFile } from "../support/lineage-table-rows.js";
import { runBuiltCli as runCli } from "../support/built-cli.js";
import { bundledText, EDGES_CSV, KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf } from "../support/real-hub-records.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-many-files-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe("import with several files, some damaged", () => {
  it("reports each damaged file, goes on with the next, keeps what was stored and exits with 1", () => {
    const lines = bundledText(EDGES_CSV).split("\r\n");
    const records = ["ThornoDen/Sonya", "Oscuridad/aaaa"].map((id) => JSON.stringify(hubRecordOf(KOKORO_DUMP, id)));
    const first = write("first.csv", lines.slice(0, 11).join("\r\n") + "\r\n"); // real rows 1-10
    const cutArray = write("cut-array.json", `[${records.join(",")}]`.slice(0, 200));
    const brokenLine = write("broken-line.jsonl", `${records[0]}\n{"id": "Oscuridad/aaaa", "tags": [\n`);
    const gzip = gzipSync(lines.slice(0, 2001).join("\r\n"));
    const cutGzip = write("cut.csv.gz", gzip.subarray(0, gzip.length - 100));
    const empty = write("empty.csv", "");
    const missing = join(folder, "missing.csv");
    const directory = join(folder, "folder.csv");
    mkdirSync(directory);
    // real rows 20,001-20,010
    const last = write("last.csv", [lines[0], ...lines.slice(20_001, 20_011)].join("\r\n") + "\r\n");

    const files = [first, cutArray, brokenLine, cutGzip, empty, missing, directory, last];
    const db = join(folder, "lineage.db");
    const result = runCli(["import", ...files, "--db", db]);
    expect(result.status).toBe(1);

    // Standard error: one line per failing file, in order, each naming the file and what was wrong.
    const errors = result.stderr.trimEnd().split("\n");
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(
      new RegExp(`^ingest: "${cutArray}" is not a complete JSON array \\(.+\\); nothing was imported from it$`),
    );
    expect(errors[1]).toMatch(
      new RegExp(
        `^ingest: "${cutGzip}" could not be read past line \\d+ \\(unexpected end of file\\); rows before it are kept$`,
      ),
    );
    expect(errors.slice(2)).toEqual([
      `ingest: "${empty}" is empty`,
      `ingest: cannot read "${missing}": no such file`,
      `ingest: "${directory}" is not a file`,
    ]);

    // Standard output: the files that were read, the broken line reported with its number.
    expect(result.stdout).toContain(`${first} (edges-csv): 10 records`);
    expect(result.stdout).toContain(`${brokenLine} (hub-json): 1 records`);
    expect(result.stdout).toMatch(new RegExp(`skipped at record 2: ${brokenLine} line 2: not valid JSON`));
    expect(result.stdout).toContain(`${last} (edges-csv): 10 records`);

    // Stored: the whole rows of the cut gzip (which repeat first.csv's ten rows and add to them), the ten rows of
    // last.csv, and the one good record of the JSONL file with its tag edge ThornoDen/Sonya → hexgrad/Kokoro-82M.
    const wholeGzipRows = Number(/past line (\d+)/.exec(errors[1] ?? "")?.[1]) - 1;
    const { edges, models } = lineageRowsOfFile(db);
    expect(edges.length).toBe(wholeGzipRows + 10 + 1);
    const child = (line: string | undefined) => (line ?? "").split(",")[1];
    const storedChildren = new Set(edges.map((edge) => (edge as string[])[0]));
    for (const line of [...lines.slice(1, 11), ...lines.slice(20_001, 20_011)])
      expect(storedChildren).toContain(child(line));
    expect(models.map((row) => (row as string[])[0])).toContain("ThornoDen/Sonya");
  });

  it("reports a file it may not read and imports the next one", () => {
    // Root reads any file, so as root the command runs as the unprivileged user nobody (uid/gid 65534).
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const shared = mkdtempSync(join(tmpdir(), "hf-lineage-locked-"));
    chmodSync(shared, 0o777);
    try {
      const lines = bundledText(EDGES_CSV).split("\r\n");
      const locked = join(shared, "locked.csv");
      writeFileSync(locked, lines.slice(0, 11).join("\r\n") + "\r\n");
      chmodSync(locked, 0o000);
      const readable = join(shared, "readable.csv");
      writeFileSync(readable, lines.slice(0, 11).join("\r\n") + "\r\n");
      chmodSync(readable, 0o644);
      const result = runCli(["import", locked, readable, "--db", join(shared, "lineage.db")], asUser);
      expect(result.stderr, "the built command line must be readable by the user it runs as").not.toContain(
        "Cannot find module",
      );
      expect(result.stderr).toBe(`ingest: cannot read "${locked}": permission denied\n`);
      expect(result.stdout).toContain(`${readable} (edges-csv): 10 records`);
      expect(result.status).toBe(1);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it("fails a file none of whose records could be read, and still imports the next", () => {
    // A real Hub record pretty-printed over several lines: read as JSONL, each of its lines is broken.
    const record = hubRecordOf(KOKORO_DUMP, "ThornoDen/Sonya");
    const pretty = write("pretty.json", JSON.stringify(record, null, 2) + "\n");
    const lineCount = JSON.stringify(record, null, 2).split("\n").length;
    const lines = bundledText(EDGES_CSV).split("\r\n");
    const good = write("good.csv", lines.slice(0, 6).join("\r\n") + "\r\n");
    const result = runCli(["import", pretty, good, "--db", join(folder, "pretty.db")]);
    expect(result.status).toBe(1);
    // The parser's own words vary with the Node version: matched loosely.
    expect(result.stderr).toMatch(
      new RegExp(
        `^ingest: "${pretty}": none of its ${lineCount} records could be read ` +
          `\\(first: ${pretty} line 1: not valid JSON \\(.+\\): \\{\\)\n$`,
      ),
    );
    expect(result.stdout).toContain(`${good} (edges-csv): 5 records`);
  });
});
