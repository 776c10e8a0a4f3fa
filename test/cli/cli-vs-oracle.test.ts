// The built command line on a database imported from the real 30K edge list and model list, against the networkx
// oracle in test/oracle: every expected figure comes from lineage_oracle.py reading the raw CSV files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDGES_CSV, METADATA_CSV, runOracle, type OracleResult } from "../oracle/run-oracle.js";
import { cliJson, importedDatabase, removeTemporaryFolders } from "./run-cli.js";

/** Two orgs, a family of merges of merges, and a placeholder whose grandchild merges its two children. */
const FAMILIES = ["Qwen", "meta-llama", "Qwen/Qwen2.5-14B", "bigscience/bloom"];
const TOP = 25;

interface Ranked {
  by: string;
  models: { id: string; value: number; downloads: number }[];
}

let db: string;
let oracle: OracleResult;

beforeAll(() => {
  oracle = runOracle({ edges: [EDGES_CSV], metadata: [METADATA_CSV], families: FAMILIES, top: TOP, perModel: true });
  db = importedDatabase([EDGES_CSV, METADATA_CSV]);
});

afterAll(removeTemporaryFolders);

const cli = <T>(...args: string[]): T => cliJson<T>([...args, "--db", db]);

describe("the command line on the real edge list and model list", () => {
  it("prints the oracle's headline figures with `stats`", () => {
    expect(cli("stats")).toEqual(oracle.stats);
  });

  it.each(FAMILIES)("prints the oracle's family of %s with `family`", (query) => {
    expect(cli("family", query)).toEqual(oracle.families[query]);
  });

  it("prints every ancestor and every path to a root of the deepest model with `ancestors`", () => {
    const deepest = oracle.deepest.ids[0] as string;
    const expected = oracle.ancestors[deepest];
    expect(cli("ancestors", deepest, "--max-paths", "100000")).toEqual({
      id: deepest,
      ancestors: expected?.ancestors,
      paths: expected?.paths,
      truncated: false,
    });
    // By default the first 100 paths, in order of the ids along them, and a flag saying there are more.
    expect(cli("ancestors", deepest)).toEqual({
      id: deepest,
      ancestors: expected?.ancestors,
      paths: expected?.paths?.slice(0, 100),
      truncated: true,
    });
  });

  it("prints each of Qwen2.5-14B's descendants once in its full `tree`, with networkx's descendant counts", () => {
    const lines = cli<string[]>("tree", "Qwen/Qwen2.5-14B", "--depth", "1000", "--max-nodes", "1000000");
    // A line is `<branches><relation>: <id>[ (placeholder)][  [N descendants]]`, or `... (shown above)` for a model
    // printed under another parent; the root's line has no branches and no relation.
    const printed = lines
      .filter((line) => !line.endsWith("(shown above)"))
      .map((line) => {
        const match = /^[│├└─ ]*(?:[a-z]+: )?(\S+)(?: \(placeholder\))?(?: {2}\[([\d,]+) descendants\])?$/.exec(line);
        if (match === null) throw new Error(`unexpected tree line: ${line}`);
        return { id: match[1] as string, descendants: Number((match[2] ?? "0").replace(/,/g, "")) };
      });
    expect(printed.length).toBe(1 + (oracle.families["Qwen/Qwen2.5-14B"]?.descendants.total ?? NaN));
    expect(new Set(printed.map((line) => line.id)).size).toBe(printed.length);
    expect(printed.filter((line) => line.descendants !== oracle.perModel?.[line.id]?.[1])).toEqual([]);
  });

  it("ranks by descendants, children and subtree downloads as networkx counts them with `top`", () => {
    for (const by of ["descendants", "children", "subtree-downloads"] as const) {
      expect(cli<Ranked>("top", "--by", by, "--limit", String(TOP))).toEqual({ by, models: oracle.top[by] });
    }
    expect(cli<Ranked>("top")).toEqual({ by: "descendants", models: oracle.top.descendants.slice(0, 20) });
  });

  it("lists the largest org families as a walk of every org finds them with `summary`", () => {
    const summary = cli<{
      stats: unknown;
      largestOrgFamilies: { org: string; models: number; descendants: number }[];
      mostDescendants: Ranked["models"];
    }>("summary", "--limit", String(TOP));
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

  it("counts and lists what `check` finds as networkx does", () => {
    const report = cli<Record<string, { count: number; examples: unknown[] }>>("check", "--examples", "1000000");
    const found = (name: string) => [report[name]?.count, report[name]?.examples];
    const listed = <T>(all: T[]) => [all.length, all];
    expect(found("selfLoops")).toEqual(listed(oracle.checks.selfLoops));
    expect(found("cycles")).toEqual(listed(oracle.checks.cycles));
    expect(found("placeholders")).toEqual(listed(oracle.checks.placeholders));
    expect(found("caseVariants")).toEqual(listed(oracle.checks.caseVariants));
    expect(found("quantizedWithChildren")).toEqual(listed(oracle.checks.quantizedWithChildren));
    // Five examples by default, the first five of each list.
    const short = cli<Record<string, { count: number; examples: unknown[] }>>("check");
    expect(short.placeholders).toMatchObject({
      count: oracle.checks.placeholders.length,
      examples: oracle.checks.placeholders.slice(0, 5),
    });
  });
});
