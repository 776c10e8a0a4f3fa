// `hf-lineage adapters` as --help shows it: its usage and options. The work is in ../adapters.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const adaptersSpec: CommandSpec = {
  name: "adapters",
  summary: "Every adapter (LoRA and others) of a model, and with --through of its fine-tunes or merges",
  usage: "adapters ID [--through LIST] [--limit N]",
  options: [
    {
      name: "through",
      value: "LIST",
      help:
        "also walk through models of these relations (finetune,merge,...; all;\n" +
        "none: direct adapters only, the default)",
    },
    { name: "limit", value: "N", help: "show at most N adapters in the table (default 50; --json lists all)" },
  ],
  load: () => import("../adapters.js"),
};
