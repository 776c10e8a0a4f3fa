// `hf-lineage check`: what is broken or suspicious in the lineage data, with counts and examples.

import { indexChecks, openIndexedLineage } from "../graph/indexed-lineage.js";
import { checkIntegrity } from "../store/integrity.js";
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
  const store = await openStore();
  // Before the index is read: a damaged file is reported as such, whatever reading it would do.
  const integrity = values.integrity === true ? checkIntegrity(store, { full: true }) : null;
  const damaged = integrity !== null && !integrity.ok ? 1 : undefined;
  if (integrity !== null && !integrity.ok && values.json !== true) {
    output.out(`integrity: damaged (SQLite integrity_check of "${printable(store.path)}")\n`);
    for (const problem of integrity.problems) output.out(`  - ${printable(problem)}\n`);
    output.out("  restore the database from a copy, or build a new one with import or crawl\n");
    return damaged;
  }
  if (integrity !== null && !integrity.ok) {
    output.out(toJson({ integrity }));
    return damaged;
  }
  const lineage = openIndexedLineage(store);
  const report = indexChecks(lineage, examples);
  if (values.json === true) return output.out(toJson(integrity === null ? report : { integrity, ...report }));
  if (integrity !== null) output.out("integrity: ok (SQLite integrity_check: every page and index entry)\n");
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
