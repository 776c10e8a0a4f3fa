// `hf-lineage tree` as --help shows it: its usage and options. The work is in ../tree.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const treeSpec: CommandSpec = {
  name: "tree",
  summary: "A model's descendants as an indented tree, biggest branches first",
  usage: "tree ID [--depth N] [--relations LIST] [--max-nodes N]",
  options: [
    { name: "depth", value: "N", help: "levels below the model (default 2)" },
    {
      name: "relations",
      value: "LIST",
      help: "follow only these relations (comma-separated: finetune,adapter,quantized,merge,unknown)",
    },
    { name: "max-nodes", value: "N", help: "stop after N models (default 200)" },
  ],
  load: () => import("../tree.js"),
};
