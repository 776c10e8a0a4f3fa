// The command line writing into a pipe that its reader closes early (`hf-lineage tree ID | head -1`): the output
// ends quietly with exit 0 instead of an EPIPE stack trace. Only a real process of the built dist/cli.js shows it.

import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { BUILT_CLI } from "../support/built-cli.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(removeScratchFolders);

describe("output into a closed pipe", () => {
  it("stops quietly when the reader has read enough", () => {
    // The shared database of the real edge list; a copy, because the command line opens its database for writing.
    const db = copyOfFixture("edges", scratchFolder());
    // The whole tree of the largest family in the edge list (2,299 descendants, as networkx counts them in the
    // oracle tests) is far more than a pipe buffer (64 KB), so the writer meets the closed pipe.
    const script =
      `"${process.execPath}" "${BUILT_CLI}" tree meta-llama/Llama-3.1-8B --depth 50 --max-nodes 100000 ` +
      `--db "${db}" | head -n 1; echo "status \${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("meta-llama/Llama-3.1-8B (placeholder)  [2,299 descendants]\nstatus 0\n");
  });
});
