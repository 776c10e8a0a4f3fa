// `hf-lineage check`: what is broken or suspicious in the lineage data, with counts and examples.

import { indexChecks, openIndexedLineage } from "../graph/indexed-lineage.js";
import type { CommandContext } from "./command.js";
import { wholeNumberOption } from "./read-option.js";
import { formatCount, toJson } from "./render.js";
import { printable } from "../vocabulary/safe-text.js";

/** An example on one line, every data value printable (a raw value's line breaks shown as `\u000a`). */
function exampleText(example: unknown): string {
  if (typeof example === "string") return printable(example);
  if (Array.isArray(example)) return example.map((item) => printable(String(item))).join(" ↔ ");
  return Object.entries(example as Record<string, unknown>)
    .map(([key, value]) => `${key}=${printable(Array.isArray(value) ? value.join("|") : String(value))}`)
    .join(" ");
}

export async function run({ values, output, openStore }: CommandContext): Promise<number | void> {
  const examples = wholeNumberOption(values, "examples", 5, { min: 0, max: 1_000_000 });
  const lineage = openIndexedLineage(await openStore());
  const report = indexChecks(lineage, examples);
  if (values.json === true) return output.out(toJson(report));
  for (const [name, found] of Object.entries(report)) {
    output.out(`${name}: ${formatCount(found.count)}  (${found.description})\n`);
    if ("byReason" in found) {
      const reasons = Object.entries(found.byReason as Record<string, number>).filter(([, count]) => count > 0);
      if (reasons.length > 0)
        output.out(`  by reason: ${reasons.map(([reason, count]) => `${reason} ${formatCount(count)}`).join(", ")}\n`);
    }
    for (const example of found.examples as unknown[]) output.out(`  - ${exampleText(example)}\n`);
  }
}
