// `hf-lineage path` as --help shows it: its usage and options. The work is in ../path.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const pathSpec: CommandSpec = {
  name: "path",
  summary: "How two models are related: every derivation path between them, or their nearest common ancestors",
  usage: "path A B [--max-paths N]",
  options: [{ name: "max-paths", value: "N", help: "list at most N paths (default 100)" }],
  load: () => import("../path.js"),
};
