// `hf-lineage ancestors` as --help shows it: its usage and options. The work is in ../ancestors.ts, loaded when it
// runs.

import type { CommandSpec } from "../command.js";

export const ancestorsSpec: CommandSpec = {
  name: "ancestors",
  summary: "Every ancestor of a model, and every path from it up to a root (merges follow all parents)",
  usage: "ancestors ID [--max-paths N] [--json]",
  options: [{ name: "max-paths", value: "N", help: "show at most N paths (default 100)" }],
  load: () => import("../ancestors.js"),
};
