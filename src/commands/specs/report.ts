// `hf-lineage report` as --help shows it: its usage and options. The work is in ../report.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const reportSpec: CommandSpec = {
  name: "report",
  summary: "The State of Open Source figures recomputed from the lineage, with every definition stated",
  usage:
    "report [--family ID_OR_ORG]... [--since DATE] [--format text|markdown|json|html] [-o FILE]\n" +
    "       [--largest N] [--limit N] [--attribution FILE]",
  options: [
    {
      name: "family",
      value: "ID_OR_ORG",
      list: true,
      help: "measure this model's or org's family too (repeat, or list with commas)",
    },
    { name: "largest", value: "N", help: "how many of the largest org families to measure (default 5)" },
    {
      name: "since",
      value: "DATE",
      help: "count only models created on or after DATE (YYYY-MM-DD) in the time series",
    },
    { name: "format", value: "F", help: "text (default), markdown, json (as --json) or html (a standalone page)" },
    { name: "output", short: "o", value: "FILE", help: "write the report to FILE instead of standard output" },
    { name: "limit", value: "N", help: "rows of the org, flow, intermediary and quantization lists (default 20)" },
    {
      name: "attribution",
      value: "FILE",
      help: "a CSV table author,country,kind, supplied by you: reported as supplied",
    },
  ],
  load: () => import("../report.js"),
};
