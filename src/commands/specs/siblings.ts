// `hf-lineage siblings` as --help shows it: its usage and options. The work is in ../siblings.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const siblingsSpec: CommandSpec = {
  name: "siblings",
  summary: "The models that share a parent with a model, grouped by relation",
  usage: "siblings ID [--limit N]",
  options: [{ name: "limit", value: "N", help: "show at most N siblings per relation (default 20; --json lists all)" }],
  load: () => import("../siblings.js"),
};
