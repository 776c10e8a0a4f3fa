// `hf-lineage check` as --help shows it: its usage and options. The work is in ../check.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const checkSpec: CommandSpec = {
  name: "check",
  summary: "Data-quality checks: self-loops, cycles, placeholders, case variants, unresolvable bases and more",
  usage: "check [--examples N] [--integrity] [--json]",
  options: [
    { name: "examples", value: "N", help: "examples shown per check (default 5)" },
    {
      name: "integrity",
      help: "also check the database file's pages and indexes (SQLite's integrity_check; exit 1 when damaged)",
    },
  ],
  load: () => import("../check.js"),
};
