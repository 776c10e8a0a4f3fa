// The command line, in-process, on the shared fixture database of the real edge list and model list (the bundled
// copies of the originals in ../shared/data), against the networkx oracle in test/oracle: every expected figure
// comes from lineage_oracle.py reading the same CSV files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyOfFixture } from "../support/fixture-databases.js";
import { inProcessCliJson } from "../support/in-process-cli.js";
import { runOracle } from "../support/oracle-cache.js";
import { EDGE_LIST_FAMILIES, ORACLE_QUESTIONS, ORACLE_TOP } from "../support/oracle-questions.js";
import type { OracleResult } from "../support/run-oracle.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";
import type { TreeNode } from "../../src/graph/index-tree.js";

interface Ranked {
  by: string;
  models: { id: string; value: number; downloads: number }[];
}

let db: string;
let oracle: OracleResult;

beforeAll(() => {
  // The questions the global setup asks about this source set in the background: the same families, the same
  // number of models in each ranking, and the figures of every model.
  oracle = runOracle(ORACLE_QUESTIONS["edges-and-metadata"]);
  // A copy, because the command line opens its database for writing.
  db = copyOfFixture("edges-and-metadata", scratchFolder());
});

afterAll(removeScratchFolders);

const cli = <T>(...args: string[]): Promise<T> => inProcessCliJson<T>([...args, "--db", db]);

describe("the command line on the real edge list and model list", () => {
  it("prints the oracle's headline figures with `stats`", async () => {
    expect(await cli("stats")).toEqual(oracle.stats);
  });

  it.each(EDGE_LIST_FAMILIES)("prints the oracle's family of %s with `family`", async (query) => {
    expect(await cli("family", query)).toEqual(oracle.families[query]);
  });

  it("prints every ancestor and every path to a root of the deepest model with `ancestors`", async () => {
    const deepest = oracle.deepest.ids[0] as string;
    const expected = oracle.ancestors[deepest];
    expect(await cli("ancestors", deepest, "--max-paths", "100000")).toEqual({
      id: deepest,
      ancestors: expected?.ancestors,
      paths: expected?.paths,
      truncated: false,
      placeholder: false,
    });
    // By default the first 100 paths, in order of the ids along them, and a flag saying there are more.
    expect(await cli("ancestors", deepest)).toEqual({
      id: deepest,
      ancestors: expected?.ancestors,
      paths: expected?.paths?.slice(0, 100),
      truncated: true,
      placeholder: false,
    });
  });

  it("prints each descendant of Qwen2.5-14B once in its full `tree`, with networkx's descendant counts", async () => {
    const tree = await cli<TreeNode>("tree", "Qwen/Qwen2.5-14B", "--depth", "1000", "--max-nodes", "1000000");
    // Every model drawn, each with its descendant count; one shown above (under another parent) is drawn there.
    const printed: { id: string; descendants: number }[] = [];
    const collect = (node: TreeNode): void => {
      if (node.shownAbove) return;
      printed.push({ id: node.id, descendants: node.descendants });
      expect([node.moreChildren, node.childrenBelowDepth], node.id).toEqual([0, 0]);
      node.children.forEach(collect);
    };
    collect(tree);
    expect(printed.length).toBe(1 + (oracle.families["Qwen/Qwen2.5-14B"]?.descendants.total ?? NaN));
    expect(new Set(printed.map((line) => line.id)).size).toBe(printed.length);
    expect(printed.filter((line) => line.descendants !== oracle.perModel?.[line.id]?.[1])).toEqual([]);
  });

  it("ranks by descendants, children and subtree downloads as networkx counts them with `top`", async () => {
    for (const by of ["descendants", "children", "subtree-downloads"] as const) {
      expect(await cli<Ranked>("top", "--by", by, "--limit", String(ORACLE_TOP))).toEqual({
        by,
        models: oracle.top[by],
      });
    }
    expect(await cli<Ranked>("top")).toEqual({ by: "descendants", models: oracle.top.descendants.slice(0, 20) });
  });

  it("lists the largest org families as a walk of every org finds them with `summary`", async () => {
    const summary = await cli<{
      stats: unknown;
      largestOrgFamilies: { org: string; models: number; descendants: number }[];
      mostDescendants: Ranked["models"];
    }>("summary", "--limit", String(ORACLE_TOP));
    expect(summary.stats).toEqual(oracle.stats);
    // Sizes in the same order; orgs of equal size are ordered by their spelling there and in lower case here.
    expect(summary.largestOrgFamilies.map((family) => family.descendants)).toEqual(
      oracle.orgFamilies.map((family) => family.descendants),
    );
    const lowered = summary.largestOrgFamilies.map((family) => ({ ...family, org: family.org.toLowerCase() }));
    expect(lowered.sort((a, b) => b.descendants - a.descendants || (a.org < b.org ? -1 : 1))).toEqual(
      oracle.orgFamilies,
    );
    expect(summary.mostDescendants).toEqual(oracle.top.descendants);
  });

  it("counts and lists what `check` finds as networkx does", async () => {
    const report = await cli<Record<string, { count: number; examples: unknown[] }>>("check", "--examples", "1000000");
    const found = (name: string) => [report[name]?.count, report[name]?.examples];
    const listed = <T>(all: T[]) => [all.length, all];
    expect(found("selfLoops")).toEqual(listed(oracle.checks.selfLoops));
    expect(found("cycles")).toEqual(listed(oracle.checks.cycles));
    expect(found("placeholders")).toEqual(listed(oracle.checks.placeholders));
    expect(found("caseVariants")).toEqual(listed(oracle.checks.caseVariants));
    expect(found("quantizedWithChildren")).toEqual(listed(oracle.checks.quantizedWithChildren));
    // Five examples by default, the first five of each list.
    const short = await cli<Record<string, { count: number; examples: unknown[] }>>("check");
    expect(short.placeholders).toMatchObject({
      count: oracle.checks.placeholders.length,
      examples: oracle.checks.placeholders.slice(0, 5),
    });
  });
});
