#!/usr/bin/env node
// Entry of `npm run scale-model`: writes the generated Hub-scale lineage into a new database and builds its lineage
// index, so the tool can be tried (and benchmarked) at the Hub's size: `npm run scale-model -- --db hub.db`.

import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { refreshIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { openStore } from "../../src/store/open-store.js";
import { parseWholeNumber, quoteValue } from "../../src/vocabulary/option-values.js";
import { writeScaleDetails } from "./scale-details.js";
import { writeScaleModel } from "./scale-model.js";

const USAGE = `Usage: npm run scale-model -- --db FILE [--models N (default 2,500,000)] [--seed S] [--details]

Writes a generated lineage calibrated to published whole-Hub figures (see tools/scale-model/scale-model.ts) into a
new database FILE, then builds its lineage index. The same seed gives the same lineage. --details also writes
model details (licences, quantization formats and files; see tools/scale-model/scale-details.ts).
`;

function wholeNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = parseWholeNumber(value, { min: 1, max: 100_000_000 });
  if (!parsed.ok) throw new Error(`--${name} ${parsed.reason}, got ${quoteValue(value)}`);
  return parsed.value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      models: { type: "string" },
      seed: { type: "string" },
      details: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.db === undefined) throw new Error("give the database to write with --db FILE");
  if (existsSync(values.db)) throw new Error(`"${values.db}" exists; the scale model is written into a new database`);
  const models = wholeNumber(values.models, "models", 2_500_000);
  const seed = wholeNumber(values.seed, "seed", 20_260_826);
  const store = openStore(values.db);
  try {
    let started = performance.now();
    const facts = writeScaleModel(store, { models, seed });
    const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
    process.stderr.write(
      `wrote ${facts.models.toLocaleString("en-US")} models ` +
        `(${facts.derivatives.toLocaleString("en-US")} with a base), ` +
        `${facts.edges.toLocaleString("en-US")} edges in ${seconds(started)} s\n`,
    );
    if (values.details === true) {
      started = performance.now();
      const declared = writeScaleDetails(store, { seed });
      process.stderr.write(
        `wrote details, ${declared.toLocaleString("en-US")} declared licences, in ${seconds(started)} s\n`,
      );
    }
    started = performance.now();
    refreshIndexedLineage(store);
    process.stderr.write(`built the lineage index in ${seconds(started)} s\n`);
  } finally {
    store.close();
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`scale-model: ${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 2;
}
