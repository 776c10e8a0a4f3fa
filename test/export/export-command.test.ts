// `hf-lineage export` as shipped (dist/cli.js) on the real snapshot: family sizes equal the engine's familyReport,
// --depth and --relations restrict like the engine's familyMembers, standard output works, bad usage fails clearly.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { familyMembers, familyReport } from "../../src/graph/family.js";
import { buildLineageGraph, type LineageGraph } from "../../src/graph/build-graph.js";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { builtCliJson as cliJson, runBuiltCli as runCli } from "../support/built-cli.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { jing } from "../support/outside-readers.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

interface ExportSummary {
  format: string;
  files: string[];
  nodes: number;
  edges: number;
}

describe("hf-lineage export", () => {
  let db: string;
  let store: Store;
  let graph: LineageGraph;
  const dir = scratchFolder();

  beforeAll(() => {
    // A private copy of the run's database of all 13 real data files (importFile of each, then loadLineage).
    db = copyOfFixture("bundle", dir);
    store = openStore(db, { readonly: true });
    graph = buildLineageGraph(store);
  });
  afterAll(() => store.close());

  /** The family's size as the engine counts it: its own models plus their descendants. */
  const familySize = (query: string) => {
    const report = familyReport(graph, resolveQuery(store, query));
    return report.models + report.descendants.total;
  };

  it("exports a family with as many nodes as the engine's familyReport counts", () => {
    const file = join(dir, "gemma.gexf");
    const summary = cliJson<ExportSummary>(["export", "google/gemma-7b", "-o", file, "--db", db]);
    expect(summary).toMatchObject({ format: "gexf", files: [file], nodes: familySize("google/gemma-7b") });
    expect(jing("1.3", file)).toEqual({ status: 0, errors: "" });
    expect(readFileSync(file, "utf8")).toContain(`<nodes count="${summary.nodes}">`);
    // An org's family: its own models plus their descendants.
    const orgExport = cliJson<ExportSummary>(["export", "Qwen", "-f", "parquet", "-o", join(dir, "qwen"), "--db", db]);
    expect(orgExport.nodes).toBe(familySize("Qwen"));
    expect(readdirSync(join(dir, "qwen")).sort()).toEqual(["edges.parquet", "nodes.parquet"]);
  });

  it("restricts a family with --depth and --relations as familyMembers does", () => {
    const query = { kind: "model", id: "microsoft/phi-2" } as const;
    const shallow = cliJson<ExportSummary>([
      "export",
      "microsoft/phi-2",
      "--depth",
      "1",
      "-f",
      "csv",
      "-o",
      join(dir, "phi-depth"),
      "--db",
      db,
    ]);
    // Depth 1 is the model and its direct children: 1 + out-degree.
    expect(shallow.nodes).toBe(1 + graph.outDegree("microsoft/phi-2"));
    const quantized = cliJson<ExportSummary>([
      "export",
      "microsoft/phi-2",
      "--relations",
      "quantized",
      "-f",
      "json",
      "-o",
      join(dir, "phi-q.json"),
      "--db",
      db,
    ]);
    expect(quantized.nodes).toBe(familyMembers(graph, query, { relations: ["quantized"] }).size);
    expect(JSON.parse(readFileSync(join(dir, "phi-q.json"), "utf8")).nodes.length).toBe(quantized.nodes);
    expect(readdirSync(join(dir, "phi-depth")).sort()).toEqual(["edges.csv", "nodes.csv"]);
  });

  it("writes the whole database to standard output with -o -", () => {
    const result = runCli(["export", "-f", "graphml", "-o", "-", "--db", db]);
    expect(result.status).toBe(0);
    expect(result.stdout.match(/<node /g)?.length).toBe(graph.order);
    expect(result.stdout.match(/<edge /g)?.length).toBe(graph.size);
  });

  it("adds tree-layout positions with --layout tree", () => {
    const file = join(dir, "phi-layout.gexf");
    cliJson<ExportSummary>(["export", "microsoft/phi-2", "--layout", "tree", "-f", "gexf-1.2", "-o", file, "--db", db]);
    expect(jing("1.2draft", file)).toEqual({ status: 0, errors: "" });
    expect(readFileSync(file, "utf8").match(/<viz:position /g)?.length).toBe(
      familyMembers(graph, { kind: "model", id: "microsoft/phi-2" }).size,
    );
  });

  it("refuses bad usage with exit 2 and an unknown model with exit 1, writing nothing", () => {
    const file = join(dir, "never.gexf");
    expect(runCli(["export", "-f", "svg", "-o", file, "--db", db])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(`--format must be one of`),
    });
    expect(runCli(["export", "-o", join(dir, "never.txt"), "--db", db])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("cannot tell the format"),
    });
    expect(runCli(["export", "-f", "csv", "-o", "-", "--db", db])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("writes two files"),
    });
    expect(runCli(["export", "--depth", "2", "-o", file, "--db", db])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("apply to a family"),
    });
    expect(runCli(["export", "microsoft/phi-3-nonexistent", "-o", file, "--db", db])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("unknown model or org"),
    });
    expect(existsSync(file)).toBe(false);
  });
});
