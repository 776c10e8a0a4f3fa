// Edge lists written the ways people write them, built from the real 30K edge list: merge lists in one cell
// (comma, semicolon, newline, a bracketed list), the usual column names, unknown relation words, org-less names.
// Expected values are counted from the real file by plain string splitting, not by the importer's reader.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { edgesCsvItems, splitParentCell } from "../../src/ingest/edges-csv-items.js";
import { normalizeBaseModel } from "../../src/ingest/normalize-base-model.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { bundledText, EDGES_CSV } from "../support/bundled-data.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-edge-cells-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const rows = (db: Store, sql: string) => connectionOf(db).prepare(sql).raw().all();

/** The real file's merges: child → its distinct parents, in file order (no id in the file holds a comma). */
const MERGES = new Map<string, string[]>();
for (const line of bundledText(EDGES_CSV).split("\r\n").slice(1)) {
  const [parent, child, edge] = line.split(",");
  if (parent === undefined || child === undefined || edge !== "merged" || parent === child) continue;
  const parents = MERGES.get(child) ?? [];
  if (!parents.includes(parent)) parents.push(parent);
  MERGES.set(child, parents);
}
/** The first 76 children with at least two parents (the issue's file had 76 such merges). */
const MERGED = [...MERGES].filter(([, parents]) => parents.length >= 2).slice(0, 76);

describe("an edge list with several parents in one cell", () => {
  it("gives one merge edge per parent, whatever separates them", async () => {
    const separators = [",", ";", "\n", ", "];
    const lines = ["current_model,base_model,base_model_relation"];
    MERGED.forEach(([child, parents], index) => {
      const separator = separators[index % separators.length] as string;
      const cell = index % 5 === 4 ? `[${parents.map((p) => `'${p}'`).join(", ")}]` : parents.join(separator);
      lines.push(`${child},"${cell}",`);
    });
    const db = openStore(":memory:");
    const summary = await importFile(db, write("merges.csv", lines.join("\n") + "\n"));
    expect(summary.columns).toEqual({ child: "current_model", parent: "base_model", relation: "base_model_relation" });
    const expected = MERGED.flatMap(([child, parents]) => parents.map((parent) => [child, parent, "merge"])).sort();
    expect(expected.length).toBeGreaterThan(MERGED.length * 2 - 1);
    expect(rows(db, `SELECT child, parent, relation FROM edges ORDER BY child, parent`)).toEqual(
      expected.sort((a, b) => (a.join("\0") < b.join("\0") ? -1 : 1)),
    );
    expect(summary.edges).toBe(expected.length);
    expect([summary.records, summary.unresolved, summary.skipped, summary.warnings]).toEqual([76, 0, 0, 0]);
  });

  it("keeps a single parent as unknown relation, and merges only where the row names no relation", async () => {
    const [[child, parents]] = MERGED as [[string, string[]]];
    const db = openStore(":memory:");
    await importFile(
      db,
      write("declared.csv", `child,parent,relation\n${child},"${parents.join(",")}",finetune\nx/y,a/b,\n`),
    );
    expect(rows(db, `SELECT child, parent, relation FROM edges ORDER BY child, parent`)).toEqual([
      ...parents.map((parent) => [child, parent, "finetune"]).sort(),
      ["x/y", "a/b", "unknown"],
    ]);
  });
});

describe("column detection", () => {
  const cases: [string, { child: string; parent: string; relation: string | null }][] = [
    ["source,target,edge", { child: "target", parent: "source", relation: "edge" }],
    [
      "current_model,base_model,base_model_relation",
      { child: "current_model", parent: "base_model", relation: "base_model_relation" },
    ],
    ["modelId,base_models", { child: "modelid", parent: "base_models", relation: null }],
    ["model_id,parent,type", { child: "model_id", parent: "parent", relation: "type" }],
    ["id,base,relation", { child: "id", parent: "base", relation: "relation" }],
    ["model,base_model", { child: "model", parent: "base_model", relation: null }],
  ];
  it.each(cases)("%s", async (header, columns) => {
    const db = openStore(":memory:");
    const summary = await importFile(db, write(`${header.replace(/,/g, "-")}.csv`, `${header}\n`));
    expect(summary.columns).toEqual(columns);
  });
});

describe("relation words hf-lineage does not know", () => {
  it("are stored as unknown with one warning that sums them up", async () => {
    const real = bundledText(EDGES_CSV).split("\r\n").slice(1, 757);
    // 756 real rows, relation replaced: 500 `source`, 256 `unknown_annotated` (the issue's words).
    const lines = real.map((line, index) => {
      const [parent, child] = line.split(",");
      return `${parent},${child},${index < 500 ? "source" : "unknown_annotated"}`;
    });
    const db = openStore(":memory:");
    const summary = await importFile(db, write("odd-relations.csv", `source,target,edge\n${lines.join("\n")}\n`));
    expect(summary.warnings).toBe(1);
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      `${join(folder, "odd-relations.csv")}: 756 rows have a relation word hf-lineage does not know, stored as ` +
        `unknown: "source" 500, "unknown_annotated" 256`,
    ]);
    expect(rows(db, `SELECT DISTINCT relation FROM edges`)).toEqual([["unknown"]]);
  });
});

describe("a parent named without its org", () => {
  it("is a no-org finding unless a model of that name has a record", async () => {
    const db = openStore(":memory:");
    await importFile(db, write("orgless.csv", `child,parent\na/one,my-base-model\na/two,gpt2\na/three,Llama-7b\n`));
    expect(rows(db, `SELECT child, parent FROM edges ORDER BY child`)).toEqual([["a/two", "openai-community/gpt2"]]);
    expect(rows(db, `SELECT child, raw, reason FROM unresolved ORDER BY child`)).toEqual([
      ["a/one", "my-base-model", "no-org"],
      ["a/three", "Llama-7b", "no-org"],
    ]);
    // A record of `my-base-model` (a models CSV row), then the same edges again: now an edge to it.
    await importFile(db, write("record.csv", `id,architecture\nmy-base-model,llama\n`));
    await importFile(db, write("orgless-again.csv", `child,parent\na/one,my-base-model\n`));
    expect(rows(db, `SELECT child, parent FROM edges ORDER BY child`)).toEqual([
      ["a/one", "my-base-model"],
      ["a/two", "openai-community/gpt2"],
    ]);
  });
  it("as a child, skips the row with its reason", async () => {
    const db = openStore(":memory:");
    const path = write("orgless-child.csv", `child,parent\nmy-model,a/b\nspaces/x,a/b\n`);
    const summary = await importFile(db, path);
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      `${path} line 2: child "my-model" is not a model id (no-org)`,
      `${path} line 3: child "spaces/x" is not a model id (space)`,
    ]);
  });
});

describe("an edge list naming the same parent cells again", () => {
  it("gives each row what its cell names read afresh, before and after the cells are forgotten", async () => {
    const cells = [
      "Qwen/Qwen2.5-7B",
      "https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main",
      "Qwen/Qwen2.5-7B; mistralai/Mistral-7B-v0.1",
      "['a/b', 'c/d', 'a/b']",
      "N/A",
      "gpt2",
      "my-own-base",
      "./checkpoints/last",
      " Qwen/Qwen2.5-7B ",
    ];
    // More distinct cells than are remembered at once (65,536), then the first ones again.
    const many = Array.from({ length: 70_000 }, (_, index) => `lab-${index % 7}/base-${index}`);
    const column = [...cells, ...cells, ...many, ...many.slice(0, 100), ...cells];
    const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
    const lines = ["child,parent", ...column.map((cell, index) => `user/child-${index},${quoted(cell)}`)];
    const path = write("repeated-cells.csv", `${lines.join("\n")}\n`);
    const items = [];
    for await (const item of edgesCsvItems(path)) items.push(item);
    const expected = column.map((cell, index) => {
      const child = `user/child-${index}`;
      const parents = normalizeBaseModel(splitParentCell(cell));
      const relation = parents.ids.length > 1 ? "merge" : "unknown";
      return {
        rows: {
          model: null,
          existing: [child],
          edges: parents.ids.map((parent, at) => ({
            child,
            parent,
            relation,
            source: "file",
            raw: parents.written[at],
            ...(parents.orgless[at] === true ? { orgless: true } : {}),
          })),
          unresolved: parents.unresolved.map(({ raw, reason }) => ({ child, raw, reason })),
          replacesDeclaredBasesOf: null,
          warnings: [],
        },
      };
    });
    expect(items).toEqual(expected);
    // What the cells name, by hand: the merge list's two ids, the bracketed list's two, the org-less word kept as such.
    const edgesOf = (index: number) => (expected[index]?.rows.edges ?? []).map((edge) => edge.parent);
    expect(cells.map((_, index) => edgesOf(index))).toEqual([
      ["Qwen/Qwen2.5-7B"],
      ["meta-llama/Llama-3.1-8B"],
      ["Qwen/Qwen2.5-7B", "mistralai/Mistral-7B-v0.1"],
      ["a/b", "c/d"],
      [],
      ["openai-community/gpt2"],
      ["my-own-base"],
      [],
      ["Qwen/Qwen2.5-7B"],
    ]);
    expect(edgesOf(column.length - 1 - cells.length)).toEqual(["lab-1/base-99"]);
  });
});
