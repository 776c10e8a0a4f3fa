// The README's worked examples of `report --json` are true to the command: every value each example shows is what
// `report --family microsoft/phi-2 --json` prints on the bundled snapshot, and every top-level key has an example.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../support/fixture-databases.js";
import { runCliInProcess } from "../support/in-process-cli.js";

/** The ```json blocks of the README's Report section, parsed. */
function reportExamples(): Record<string, unknown>[] {
  const readme = readFileSync(resolve("README.md"), "utf8");
  const start = readme.indexOf("\n## Report\n");
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end);
  return [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? ""));
}

/**
 * Where the example differs from the output, as a path; null when it shows only what the output holds. An object
 * may leave keys out, a list may leave items out (those it shows keep their order), and a value is shown whole.
 */
function difference(shown: unknown, actual: unknown, path: string): string | null {
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return `${path} is not a list`;
    let from = 0;
    for (const [i, item] of shown.entries()) {
      while (from < actual.length && difference(item, actual[from], "") !== null) from++;
      if (from === actual.length) return `${path}[${i}] is not in the output's list (in this order)`;
      from++;
    }
    return null;
  }
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return `${path} is not an object`;
    for (const [key, value] of Object.entries(shown)) {
      if (!(key in actual)) return `${path}.${key} is not in the output`;
      const found = difference(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (found !== null) return found;
    }
    return null;
  }
  return Object.is(shown, actual)
    ? null
    : `${path}: the README shows ${JSON.stringify(shown)}, the output has ${JSON.stringify(actual)}`;
}

describe("the README's report --json examples", () => {
  it("show only values the command prints, one example for every section", async () => {
    const result = await runCliInProcess([
      "report",
      "--db",
      fixturePath("bundle"),
      "--family",
      "microsoft/phi-2",
      "--json",
    ]);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    const examples = reportExamples();
    expect(examples.map((example) => difference(example, output, "report"))).toEqual(examples.map(() => null));
    const shownKeys = new Set(examples.flatMap((example) => Object.keys(example)));
    expect(Object.keys(output).filter((key) => !shownKeys.has(key))).toEqual([]);
    // The examples are not empty: the family the command was asked for is there, with its descendants.
    expect(difference({ families: [{ query: "microsoft/phi-2", descendants: 1309 }] }, output, "report")).toBeNull();
  });
});
