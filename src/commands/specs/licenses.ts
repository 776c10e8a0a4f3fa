// `hf-lineage licenses` as --help shows it: its usage and options. The work is in ../licenses.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const licensesSpec: CommandSpec = {
  name: "licenses",
  summary: "Licences along a model's or an org's family: each model's, its ancestors', and the conflicts found",
  usage: "licenses ID_OR_ORG [--csv] [--limit N]",
  options: [
    { name: "csv", help: "print the findings as CSV" },
    { name: "limit", value: "N", help: "show at most N findings in the table (default 50; --json and --csv list all)" },
  ],
  load: () => import("../licenses.js"),
};
