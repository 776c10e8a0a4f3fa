// `hf-lineage summary` as --help shows it: its usage and options. The work is in ../summary.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const summarySpec: CommandSpec = {
  name: "summary",
  summary: "The snapshot at a glance: figures, largest org families, models with the most descendants",
  usage: "summary [--limit N] [--json]",
  options: [{ name: "limit", value: "N", help: "entries per list (default 10)" }],
  load: () => import("../summary.js"),
};
