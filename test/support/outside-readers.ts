// The outside tools the export tests read files back with, called as child processes: jing against the official
// GEXF schemas, and networkx (Debian's /usr/bin/python3 with python3-networkx) for GEXF 1.2draft and GraphML.

import { execFile, spawnSync } from "node:child_process";
import { resolve } from "node:path";

export interface JingResult {
  status: number | null;
  /** What jing printed, less its warnings about optional Java libraries. */
  errors: string;
}

const schemaOf = (version: "1.3" | "1.2draft") => resolve(process.cwd(), `../shared/schemas/gexf-${version}/gexf.rnc`);

function jingResult(status: number | null, stdout: string, stderr: string): JingResult {
  const lines = `${stdout}${stderr}`.split("\n");
  const errors = lines.filter((line) => !line.includes("[warning]") && line.trim().length > 0);
  return { status, errors: errors.join("\n") };
}

/** Runs jing -c against the official schema of `version`; returns the exit status and the error lines. */
export function jing(version: "1.3" | "1.2draft", file: string): JingResult {
  const run = spawnSync("jing", ["-c", schemaOf(version), file], { encoding: "utf8" });
  return jingResult(run.status, run.stdout, run.stderr);
}

/** The same as `jing`, in the background: large files validate while the test goes on (on another core). */
export function jingInBackground(version: "1.3" | "1.2draft", file: string): Promise<JingResult> {
  return new Promise((done) => {
    execFile("jing", ["-c", schemaOf(version), file], { encoding: "utf8" }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      done(jingResult(status, stdout, stderr));
    });
  });
}

export interface NetworkxGraph {
  version: string;
  directed: boolean;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

const READER = `
import json, sys, networkx as nx
kind, path = sys.argv[1], sys.argv[2]
g = nx.read_gexf(path, version="1.2draft") if kind == "gexf" else nx.read_graphml(path)
json.dump({"version": nx.__version__, "directed": g.is_directed(),
           "nodes": {n: {k: v for k, v in d.items() if k != "viz"} for n, d in g.nodes(data=True)},
           "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}, sys.stdout, ensure_ascii=True)
`;

/** Reads a GEXF 1.2draft or GraphML file with networkx. */
export function readWithNetworkx(kind: "gexf" | "graphml", file: string): NetworkxGraph {
  const run = spawnSync("/usr/bin/python3", ["-c", READER, kind, file], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`networkx could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxGraph;
}
