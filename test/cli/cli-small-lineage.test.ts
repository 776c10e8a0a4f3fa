// The command line on the hand-drawn fifteen-model edge list of test/support/small-lineage.ts: output, exit codes
// and messages, each expected value worked out by hand from the picture there. The import and a family query run
// the built dist/cli.js as a process, as does the failure to open a database; the other commands run in-process.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCliJson, runBuiltCli } from "../support/built-cli.js";
import { inProcessCliJson, runCliInProcess } from "../support/in-process-cli.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";
import { SMALL_LINEAGE_CSV, SMALL_LINEAGE_TREE, SMALL_LINEAGE_STATS } from "../support/small-lineage.js";
import { treeNode as model } from "../support/tree-node.js";

/** The small edge list written to a fresh scratch folder. */
function smallLineageFile(): string {
  const path = join(scratchFolder(), "small-edges.csv");
  writeFileSync(path, SMALL_LINEAGE_CSV);
  return path;
}

let db: string;

beforeAll(() => {
  db = join(scratchFolder(), "lineage.db");
  const imported = runBuiltCli(["import", smallLineageFile(), "--db", db]);
  if (imported.status !== 0) throw new Error(`hf-lineage import exited with ${imported.status}: ${imported.stderr}`);
});

afterAll(removeScratchFolders);

/** A fresh database with the small lineage imported in-process. */
async function importedInProcess(): Promise<string> {
  const path = join(scratchFolder(), "lineage.db");
  const imported = await runCliInProcess(["import", smallLineageFile(), "--db", path]);
  if (imported.status !== 0) throw new Error(`hf-lineage import exited with ${imported.status}: ${imported.stderr}`);
  return path;
}

const run = (...args: string[]) => runCliInProcess([...args, "--db", db]);
const json = <T>(...args: string[]) => inProcessCliJson<T>([...args, "--db", db]);

describe("the command line on the small lineage", () => {
  it("prints the headline figures", async () => {
    // Counted off the picture in small-lineage.ts.
    expect(await json("stats")).toEqual(SMALL_LINEAGE_STATS);
  });

  it("prints a/base's family with the diamond's merge counted once, from the built file", () => {
    expect(builtCliJson(["family", "A/Base", "--db", db])).toEqual({
      query: "a/base",
      kind: "model",
      models: 1,
      children: { total: 4, byRelation: { finetune: 2, adapter: 2, quantized: 0, merge: 0, unknown: 0 } },
      descendants: {
        total: 7,
        byRelation: { finetune: 3, adapter: 2, quantized: 1, merge: 1, unknown: 0 },
        byDepth: { "1": 4, "2": 1, "3": 1, "4": 1 },
      },
      ancestors: [],
      placeholder: true,
    });
  });

  it("takes a model's or an org's page on the Hub for its id", async () => {
    const family = await json("family", "a/base");
    expect(await json("family", "https://huggingface.co/a/base/tree/main")).toEqual(family);
    expect(await json("family", "hf.co/a")).toEqual(await json("family", "a"));
    const dataset = await run("family", "https://huggingface.co/datasets/a/base");
    expect([dataset.status, dataset.stderr.split("\n")[0]]).toEqual([
      1,
      'hf-lineage family: unknown model or org "https://huggingface.co/datasets/a/base"',
    ]);
  });

  it("prints every path of a merge up to its root", async () => {
    const result = await run("ancestors", "d/from-quant");
    expect(result).toEqual({
      status: 0,
      stdout: [
        "d/from-quant: 5 ancestors, 2 paths to a root",
        "  d/from-quant ← c/merge-GGUF ← c/merge ← a/ft1 ← a/base",
        "  d/from-quant ← c/merge-GGUF ← c/merge ← b/ft2 ← a/base",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(
      await json<{ truncated: boolean; paths: string[][] }>("ancestors", "d/from-quant", "--max-paths", "1"),
    ).toMatchObject({ truncated: true, paths: [["d/from-quant", "c/merge-GGUF", "c/merge", "a/ft1", "a/base"]] });
    // a/base is named as a parent only (a placeholder): what it derives from is unknown, not none.
    expect((await run("ancestors", "a/base")).stdout).toBe(
      "a/base has no record (placeholder): what it derives from is unknown\n",
    );
    expect((await run("ancestors", "x/root")).stdout).toBe(
      "x/root has no record (placeholder): what it derives from is unknown\n",
    );
    // s/self names itself as its base only (its self-loop is no edge): no ancestors, and the reason says so.
    expect((await run("ancestors", "s/self")).stdout).toBe(
      "s/self has no ancestors (its only declared base is itself)\n",
    );
    // So do --json and siblings: no ancestors listed, but not a root.
    expect(await json("ancestors", "a/base")).toEqual({
      id: "a/base",
      ancestors: [],
      paths: [["a/base"]],
      truncated: false,
      placeholder: true,
    });
    expect(await json("ancestors", "d/from-quant")).toMatchObject({ placeholder: false });
    expect((await run("siblings", "a/base")).stdout).toBe(
      "a/base has no record (placeholder): its parents, and so its siblings, are unknown\n",
    );
    expect(await json("siblings", "a/base")).toMatchObject({ parents: [], total: 0, placeholder: true });
  });

  it("prints the tree, a merge once and referred to under its second parent", async () => {
    // The default depth is 2, so the command prints the hand-derived tree of small-lineage.ts.
    expect(await run("tree", "a/base")).toEqual({
      status: 0,
      stdout: `${SMALL_LINEAGE_TREE.join("\n")}\n`,
      stderr: "",
    });
    // --json: the same tree as nested models, by hand from the picture in small-lineage.ts.
    expect(await json("tree", "a/base")).toEqual(
      model("a/base", null, 7, {
        placeholder: true,
        children: [
          model("a/ft1", "finetune", 3, { children: [model("c/merge", "merge", 2, { childrenBelowDepth: 1 })] }),
          model("b/ft2", "finetune", 3, { children: [model("c/merge", "merge", 2, { shownAbove: true })] }),
          model("e/Variant", "adapter", 0),
          model("e/variant", "adapter", 0),
        ],
      }),
    );
    // Finetune edges only: a/ft1 and b/ft2, and nothing below them (their children are merges).
    expect(await json("tree", "a/base", "--relations", "finetune", "--depth", "5")).toEqual(
      model("a/base", null, 7, {
        placeholder: true,
        children: [model("a/ft1", "finetune", 3), model("b/ft2", "finetune", 3)],
      }),
    );
    // Past --max-nodes: what is left out is counted where the tree stops.
    expect(await json("tree", "a/base", "--max-nodes", "2")).toEqual(
      model("a/base", null, 7, {
        placeholder: true,
        children: [model("a/ft1", "finetune", 3, { moreChildren: 1 })],
        moreChildren: 3,
      }),
    );
  });

  it("ranks by descendants, ties (no downloads) by id", async () => {
    // a/base 7, x/root 4, then a/ft1 first of the five models with 3. No source gives downloads: null, and "—".
    expect(await json("top", "--limit", "3")).toEqual({
      by: "descendants",
      models: [
        { id: "a/base", value: 7, downloads: null },
        { id: "x/root", value: 4, downloads: null },
        { id: "a/ft1", value: 3, downloads: null },
      ],
    });
    expect((await run("top", "--limit", "2")).stdout).toBe(
      ["#  model   descendants  downloads", "1  a/base            7  —", "2  x/root            4  —", ""].join("\n"),
    );
  });

  it("counts what `check` finds", async () => {
    const report = await json<Record<string, { count: number }>>("check");
    const counts = Object.fromEntries(Object.entries(report).map(([name, check]) => [name, check.count]));
    // One self-loop (s/self), one cycle (x/one, x/two, x/three), two placeholders, one pair of case variants, one
    // quantized model with a child (c/merge-GGUF); nothing else.
    expect(counts).toEqual({
      selfLoops: 1,
      cycles: 1,
      placeholders: 2,
      caseVariants: 1,
      unresolved: 0,
      quantizedWithChildren: 1,
      childOlderThanParent: 0,
      duplicateBases: 0,
      skippedRecords: 0,
    });
  });
});

describe("the command line after another import into the same database", () => {
  it("recomputes the stored figures", async () => {
    const grown = await importedInProcess();
    const top2 = async () =>
      (
        await inProcessCliJson<{ models: { id: string; value: number }[] }>(["top", "--limit", "2", "--db", grown])
      ).models.map((m) => [m.id, m.value]);
    expect(await top2()).toEqual([
      ["a/base", 7],
      ["x/root", 4],
    ]);
    const more = join(scratchFolder(), "more.csv");
    writeFileSync(more, "source,target,edge\nd/from-quant,f/deeper,finetuned\n");
    expect((await runCliInProcess(["import", more, "--db", grown])).status).toBe(0);
    // f/deeper sits below d/from-quant: one more descendant for a/base, a/ft1, b/ft2 (now 4, tied with x/root,
    // a/ft1 first by id), and one more generation (5).
    expect(await top2()).toEqual([
      ["a/base", 8],
      ["a/ft1", 4],
    ]);
    expect(await inProcessCliJson(["stats", "--db", grown])).toEqual({
      nodes: 16,
      edges: 15,
      selfLoops: 1,
      multiParent: 2,
      roots: 1,
      placeholders: 2,
      maxGeneration: 5,
    });
  });
});

describe("the command line's failures", () => {
  it("exits with 1 on an unknown id and suggests the closest ones on stderr", async () => {
    expect(await run("family", "a/bsae")).toEqual({
      status: 1,
      stdout: "",
      stderr: 'hf-lineage family: unknown model or org "a/bsae"; did you mean "a/base"?\n',
    });
    expect(await run("tree", "merge-gguf")).toEqual({
      status: 1,
      stdout: "",
      stderr: 'hf-lineage tree: unknown model or org "merge-gguf"; did you mean "c/merge-GGUF"?\n',
    });
    expect(await run("ancestors", "nothing-like-it")).toEqual({
      status: 1,
      stdout: "",
      stderr: 'hf-lineage ancestors: unknown model or org "nothing-like-it"\n',
    });
  });

  it("exits with 1 on a spelling two ids share but for case, naming both; each as written is answered", async () => {
    expect(await run("family", "E/VARIANT")).toEqual({
      status: 1,
      stdout: "",
      stderr:
        'hf-lineage family: "E/VARIANT" matches 2 models whose ids differ only in letter case ' +
        '("e/Variant", "e/variant"); give one as it is written\n',
    });
    expect(await json("ancestors", "e/Variant")).toMatchObject({ id: "e/Variant" });
    expect(await json("ancestors", "e/variant")).toMatchObject({ id: "e/variant" });
    // One case variant alone is found whatever the case: a/base has none.
    expect(await json("ancestors", "A/BASE")).toMatchObject({ id: "a/base" });
  });

  it.each([
    [["top", "--limit", "abc"], 'hf-lineage top: --limit must be a whole number from 1 to 100000, got "abc"'],
    [
      ["top", "--by", "size"],
      'hf-lineage top: --by must be one of descendants, children, pagerank, subtree-downloads; got "size"',
    ],
    [["tree", "a/base", "--depth", "0"], 'hf-lineage tree: --depth must be a whole number from 1 to 1000, got "0"'],
    [
      ["tree", "a/base", "--relations", "finetune,bogus"],
      "hf-lineage tree: --relations takes a comma-separated list of finetune, adapter, quantized, merge, unknown; " +
        'got "finetune,bogus" (unknown relation "bogus")',
    ],
    [
      ["ancestors", "d/from-quant", "--max-paths=-1"],
      'hf-lineage ancestors: --max-paths must be a whole number from 1 to 100000, got "-1"',
    ],
    [
      ["check", "--examples", "many"],
      'hf-lineage check: --examples must be a whole number from 0 to 1000000, got "many"',
    ],
    [["ancestors", "a"], 'hf-lineage ancestors: "a" is an org; ancestors takes a model id'],
    [["family"], "hf-lineage family: give one model id or org"],
    [["family", "a/base", "x/root"], "hf-lineage family: give one model id or org"],
    [["family", ""], "hf-lineage family: an argument is empty; give what it names (an id, an org or a file)"],
    [["import", " "], "hf-lineage import: an argument is empty; give what it names (an id, an org or a file)"],
    [["stats", "--bogus"], 'hf-lineage stats: unknown option "--bogus"'],
    [["tree", "a/base", "--depht", "1"], 'hf-lineage tree: unknown option "--depht"; did you mean "--depth"?'],
    [["tree", "a/base", "--depth", "-1"], 'hf-lineage tree: --depth must be a whole number from 1 to 1000, got "-1"'],
  ])("exits with 2 on bad usage: %j", async (args, message) => {
    const result = await run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.startsWith(`${message}\n`)).toBe(true);
    expect(result.stderr).toContain(`\nRun \`hf-lineage ${args[0]} --help\` for its usage.\n`);
  });

  it("exits with 1 naming a database it cannot open, from the built file", () => {
    const result = runBuiltCli(["stats", "--db", "/nonexistent-folder/lineage.db"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"/nonexistent-folder/lineage.db"');
  });
});
