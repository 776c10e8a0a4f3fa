// The command line writing into a pipe that its reader closes early (`hf-lineage tree ID | head -1`): the output
// ends quietly with exit 0 instead of an EPIPE stack trace.

import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, removeTemporaryFolders, runCli, temporaryFolder } from "./run-cli.js";

const EDGES = resolve(process.cwd(), "../shared/data/lineage-top50k-textgen/edges.csv");

afterAll(removeTemporaryFolders);

describe("output into a closed pipe", () => {
  it("stops quietly when the reader has read enough", () => {
    const db = join(temporaryFolder(), "lineage.db");
    expect(runCli(["import", EDGES, "--db", db]).code).toBe(0);
    // The whole tree of the largest family in the edge list (2,299 descendants, as networkx counts them in the oracle tests) is far more than a pipe buffer (64 KB), so the writer meets the closed pipe.
    const script = `"${process.execPath}" "${CLI}" tree meta-llama/Llama-3.1-8B --depth 50 --max-nodes 100000 --db "${db}" | head -n 1; echo "status \${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("meta-llama/Llama-3.1-8B (placeholder)  [2,299 descendants]\nstatus 0\n");
  });
});
