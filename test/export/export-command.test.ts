// `hf-lineage export` as shipped (dist/cli.js) on the real snapshot: family sizes equal `family --json`, --depth and
// --relations restrict like the engine's familyMembers, standard output works, and bad usage fails clearly.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { familyMembers } from "../../src/graph/family.js";
import { buildLineageGraph, type LineageGraph } from "../../src/graph/build-graph.js";
import { openStore } from "../../src/store/open-store.js";
import { cliJson, runCli } from "../cli/run-cli.js";
import { jing, REAL_FILES, scratchDirectory, removeScratchDirectories } from "./export-fixtures.js";

afterAll(removeScratchDirectories);

interface ExportSummary {
  format: string;
  files: string[];
  nodes: number;
  edges: number;
}

describe("hf-lineage export", () => {
  let db: string;
  let graph: LineageGraph;
  const dir = scratchDirectory();

  beforeAll(() => {
    db = join(dir, "lineage.db");
    const imported = runCli(["import", ...REAL_FILES, "--db", db]);
    if (imported.code !== 0) throw new Error(`hf-lineage import exited with ${imported.code}: ${imported.stderr}`);
    const store = openStore(db);
    graph = buildLineageGraph(store);
    store.close();
  });

  it("exports a family with as many nodes as `family --json` counts", () => {
    const family = cliJson<{ models: number; descendants: { total: number } }>(["family", "google/gemma-7b", "--db", db]);
    const file = join(dir, "gemma.gexf");
    const summary = cliJson<ExportSummary>(["export", "google/gemma-7b", "-o", file, "--db", db]);
    expect(summary).toMatchObject({ format: "gexf", files: [file], nodes: family.models + family.descendants.total });
    expect(jing("1.3", file)).toEqual({ status: 0, errors: "" });
    expect(readFileSync(file, "utf8")).toContain(`<nodes count="${summary.nodes}">`);
    // An org's family: its own models plus their descendants.
    const org = cliJson<{ models: number; descendants: { total: number } }>(["family", "Qwen", "--db", db]);
    const orgExport = cliJson<ExportSummary>(["export", "Qwen", "-f", "parquet", "-o", join(dir, "qwen"), "--db", db]);
    expect(orgExport.nodes).toBe(org.models + org.descendants.total);
    expect(readdirSync(join(dir, "qwen")).sort()).toEqual(["edges.parquet", "nodes.parquet"]);
  });

  it("restricts a family with --depth and --relations as familyMembers does", () => {
    const query = { kind: "model", id: "microsoft/phi-2" } as const;
    const shallow = cliJson<ExportSummary>(["export", "microsoft/phi-2", "--depth", "1", "-f", "csv", "-o", join(dir, "phi-depth"), "--db", db]);
    // Depth 1 is the model and its direct children: 1 + out-degree.
    expect(shallow.nodes).toBe(1 + graph.outDegree("microsoft/phi-2"));
    const quantized = cliJson<ExportSummary>(["export", "microsoft/phi-2", "--relations", "quantized", "-f", "json", "-o", join(dir, "phi-q.json"), "--db", db]);
    expect(quantized.nodes).toBe(familyMembers(graph, query, { relations: ["quantized"] }).size);
    expect(JSON.parse(readFileSync(join(dir, "phi-q.json"), "utf8")).nodes.length).toBe(quantized.nodes);
    expect(readdirSync(join(dir, "phi-depth")).sort()).toEqual(["edges.csv", "nodes.csv"]);
  });

  it("writes the whole database to standard output with -o -", () => {
    const result = runCli(["export", "-f", "graphml", "-o", "-", "--db", db]);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/<node /g)?.length).toBe(graph.order);
    expect(result.stdout.match(/<edge /g)?.length).toBe(graph.size);
  });

  it("adds tree-layout positions with --layout tree", () => {
    const file = join(dir, "phi-layout.gexf");
    cliJson<ExportSummary>(["export", "microsoft/phi-2", "--layout", "tree", "-f", "gexf-1.2", "-o", file, "--db", db]);
    expect(jing("1.2draft", file)).toEqual({ status: 0, errors: "" });
    expect(readFileSync(file, "utf8").match(/<viz:position /g)?.length).toBe(familyMembers(graph, { kind: "model", id: "microsoft/phi-2" }).size);
  });

  it("refuses bad usage with exit 2 and an unknown model with exit 1, writing nothing", () => {
    const file = join(dir, "never.gexf");
    expect(runCli(["export", "-f", "svg", "-o", file, "--db", db])).toMatchObject({ code: 2, stderr: expect.stringContaining(`--format must be one of`) });
    expect(runCli(["export", "-o", join(dir, "never.txt"), "--db", db])).toMatchObject({ code: 2, stderr: expect.stringContaining("cannot tell the format") });
    expect(runCli(["export", "-f", "csv", "-o", "-", "--db", db])).toMatchObject({ code: 2, stderr: expect.stringContaining("writes two files") });
    expect(runCli(["export", "--depth", "2", "-o", file, "--db", db])).toMatchObject({ code: 2, stderr: expect.stringContaining("apply to a family") });
    expect(runCli(["export", "microsoft/phi-3-nonexistent", "-o", file, "--db", db])).toMatchObject({ code: 1, stderr: expect.stringContaining("unknown model or org") });
    expect(existsSync(file)).toBe(false);
  });
});
