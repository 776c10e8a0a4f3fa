// A self-loop, a cycle of three and a parent that does not exist, from real edge-list rows plus two corrupted
// ones: every query on them ends (family, ancestors, tree, top, check, generations) with values derived by hand.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLineageGraph } from "../../src/graph/build-graph.js";
import { generations } from "../support/graphology-reference/generations.js";
import { openStore } from "../../src/store/open-store.js";
import { runBuiltCli as runCli } from "../support/built-cli.js";
import { bundledText, EDGES_CSV } from "../support/bundled-data.js";
import { treeNode as model } from "../support/tree-node.js";

const GUANACO = "timdettmers/guanaco-65b";
const GPTQ = "TheBloke/guanaco-65B-GPTQ";
const MED = "nmitchko/medguanaco-65b-GPTQ";
const RUDRA = "Rudra360/model";
const GHOST = "ghost-org/never-uploaded";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-cycles-"));
const db = join(folder, "cycles.db");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(() => {
  // Real rows (CRLF, as in the file): the chain guanaco-65b → GPTQ (quantized) → medguanaco (finetuned), and
  // Rudra360/model naming itself. Appended with LF, as a hand edit would: medguanaco → guanaco-65b closes a
  // cycle of three, and a parent that exists nowhere is given to Rudra360/model.
  const lines = bundledText(EDGES_CSV).split("\r\n");
  const real = [
    `source,target,edge`,
    `${GUANACO},${GPTQ},quantized`,
    `${GPTQ},${MED},finetuned`,
    `${RUDRA},${RUDRA},finetuned`,
  ];
  for (const line of real) expect(lines).toContain(line);
  writeFileSync(
    join(folder, "edges.csv"),
    `${real.join("\r\n")}\r\n${MED},${GUANACO},finetuned\n${GHOST},${RUDRA},finetuned\n`,
  );
  const imported = runCli(["import", join(folder, "edges.csv"), "--db", db]);
  expect(imported.status, imported.stderr).toBe(0);
  expect(imported.stdout).toContain("5 records");
});

/** Runs a query with --json; a query that loops fails through the 20 s timeout instead of hanging. */
function query(...args: string[]): unknown {
  const result = runCli([...args, "--json", "--db", db], { timeoutMs: 20_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe("queries on a cycle, a self-loop and a placeholder", () => {
  it("family: the other two members of the cycle are descendants and ancestors, never the model itself", () => {
    const family = query("family", GUANACO) as Record<string, unknown>;
    // guanaco → GPTQ (depth 1, quantized) → medguanaco (depth 2, finetune) → back to guanaco, which is excluded.
    expect(family.descendants).toEqual({
      total: 2,
      byRelation: { finetune: 1, adapter: 0, quantized: 1, merge: 0, unknown: 0 },
      byDepth: { "1": 1, "2": 1 },
    });
    expect(family.ancestors).toEqual([
      { id: MED, depth: 1 },
      { id: GPTQ, depth: 2 },
    ]);
  });

  it("ancestors: a path ends where the cycle closes; the self-loop is no ancestor", () => {
    expect(query("ancestors", GUANACO)).toEqual({
      id: GUANACO,
      ancestors: [
        { id: MED, depth: 1 },
        { id: GPTQ, depth: 2 },
      ],
      paths: [[GUANACO, MED, GPTQ]],
      truncated: false,
      placeholder: false,
    });
    expect(query("ancestors", RUDRA)).toEqual({
      id: RUDRA,
      ancestors: [{ id: GHOST, depth: 1 }],
      paths: [[RUDRA, GHOST]],
      truncated: false,
      placeholder: false,
    });
  });

  it("tree: the cycle is printed once and refers back to its start", () => {
    // GUANACO → GPTQ → MED → GUANACO again, shown above; GHOST's one child RUDRA, whose self-loop is no child.
    expect(query("tree", GUANACO, "--depth", "10")).toEqual(
      model(GUANACO, null, 2, {
        children: [
          model(GPTQ, "quantized", 2, {
            children: [model(MED, "finetune", 2, { children: [model(GUANACO, "finetune", 2, { shownAbove: true })] })],
          }),
        ],
      }),
    );
    expect(query("tree", GHOST)).toEqual(
      model(GHOST, null, 1, { placeholder: true, children: [model(RUDRA, "finetune", 0)] }),
    );
  });

  it("top: each cycle member has the two others as descendants", () => {
    const top = query("top", "--limit", "10") as { models: { id: string; value: number }[] };
    // Ties (no downloads in an edge list) are ordered by id.
    expect(top.models.map((m) => [m.id, m.value])).toEqual([
      [GPTQ, 2],
      [MED, 2],
      [GUANACO, 2],
      [GHOST, 1],
      [RUDRA, 0],
    ]);
  });

  it("check: one self-loop, one cycle of three, one placeholder, one quantized model with a child", () => {
    const report = query("check") as Record<string, { count: number; examples: unknown[] }>;
    expect(report.selfLoops).toMatchObject({ count: 1, examples: [RUDRA] });
    expect(report.cycles).toMatchObject({ count: 1, examples: [[GPTQ, MED, GUANACO]] });
    expect(report.placeholders).toMatchObject({ count: 1, examples: [GHOST] });
    expect(report.quantizedWithChildren).toMatchObject({ count: 1, examples: [{ id: GPTQ, children: 1 }] });
  });

  it("generations: the cycle shares one generation, the self-loop adds none", () => {
    const store = openStore(db, { readonly: true });
    const found = generations(buildLineageGraph(store));
    store.close();
    // The cycle has no parent outside itself: generation 0 for all three. The placeholder is a root (0) and
    // Rudra360/model sits one below it; its self-loop is left out of the graph.
    expect(Object.fromEntries(found)).toEqual({ [GUANACO]: 0, [GPTQ]: 0, [MED]: 0, [GHOST]: 0, [RUDRA]: 1 });
  });
});
