// `hf-lineage quants` as --help shows it: its usage and options. The work is in ../quants.ts, loaded when it runs.

import type { CommandSpec } from "../command.js";

export const quantsSpec: CommandSpec = {
  name: "quants",
  summary:
    "Every quantization of a model (with --through, of its fine-tunes or merges too): format, bits, context, publisher",
  usage: "quants ID [--format F] [--bits N] [--through LIST] [--limit N]",
  options: [
    {
      name: "format",
      value: "F",
      help: "only copies whose record shows this format: gguf, mlx, awq, gptq, exl2, bnb, onnx",
    },
    { name: "bits", value: "N", help: "only copies whose record shows this bit width" },
    {
      name: "through",
      value: "LIST",
      help:
        "also walk through models of these relations (finetune,merge,...; all;\n" +
        "none: direct copies only, the default)",
    },
    { name: "limit", value: "N", help: "show at most N copies in the table (default 50; --json lists all)" },
  ],
  load: () => import("../quants.js"),
};
