// `hf-lineage adapters ID`: every adapter of a model (LoRA and others), with kind, publisher, downloads and the path.

import type { CommandContext } from "./command.js";
import { runCopies } from "./copies-output.js";
import { throughOption } from "./read-option.js";

export async function run(context: CommandContext): Promise<number | void> {
  await runCopies(context, "adapter", { through: throughOption(context.values) });
}
