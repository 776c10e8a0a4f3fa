// `hf-lineage quants ID`: every quantization of a model, with format, bits, gguf context length, publisher, downloads
// and the path.

import { QUANT_FORMATS } from "../graph/copy-formats.js";
import type { CommandContext } from "./command.js";
import { runCopies } from "./copies-output.js";
import { choiceOption, throughOption, wholeNumberOption } from "./read-option.js";

export async function run(context: CommandContext): Promise<number | void> {
  const format = choiceOption(context.values, "format", QUANT_FORMATS);
  const bits =
    context.values.bits === undefined ? undefined : wholeNumberOption(context.values, "bits", 0, { min: 1, max: 64 });
  await runCopies(context, "quantized", {
    through: throughOption(context.values),
    ...(format === undefined ? {} : { format }),
    ...(bits === undefined ? {} : { bits }),
  });
}
