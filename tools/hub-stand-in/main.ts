#!/usr/bin/env node
// Entry of `npm run hub:stand-in`: serves recorded Hub records over HTTP as the Hub's model API does, for
// trying the crawler offline (`HF_ENDPOINT=http://127.0.0.1:7860 hf-lineage crawl --all`).

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { csvRecords } from "../../src/ingest/csv-records.js";
import { parseWholeNumber, quoteValue } from "../../src/vocabulary/option-values.js";
import { loadRecordedRecords } from "./recorded-records.js";
import { replicateRecords } from "./replicate-records.js";
import { startHubStandIn, type StandInAccount } from "./stand-in-server.js";

const USAGE =
  "Usage: npm run hub:stand-in -- [FILE_OR_FOLDER...] [--port 7860 (0: any free port)] [--host 127.0.0.1] " +
  "[--copies N] [--page-size N] [--rate-limit REQUESTS/SECONDS] [--accounts FILE]\n" +
  "\n" +
  "Serves Hub records (family-tree dumps, Hub JSON or JSONL) as https://huggingface.co/api/models does.\n" +
  "Default data: the bundled family-tree dumps (data/family-trees). --copies N serves N copies of every record " +
  "under new ids\n" +
  "(a synthetic set for load tests).\n" +
  "--accounts FILE: a CSV with the columns name,type (type org or user) whose organisation or user overviews are\n" +
  "served; every other name answers 404 there.\n";

const DEFAULT_DATA = resolve(dirname(fileURLToPath(import.meta.url)), "../../data/family-trees");

function wholeNumber(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = parseWholeNumber(value, { min, max: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) throw new Error(`--${name} ${parsed.reason}, got ${quoteValue(value)}`);
  return parsed.value;
}

/** The accounts of a CSV with the columns name,type (read with the importers' csv-parse reader). */
async function readAccounts(path: string): Promise<StandInAccount[]> {
  const accounts: StandInAccount[] = [];
  for await (const item of csvRecords(path)) {
    if ("problem" in item) throw new Error(`--accounts: ${item.problem}`);
    const { name, type } = item.row;
    if (name === undefined || name.trim() === "" || (type !== "org" && type !== "user"))
      throw new Error(`--accounts: ${path} line ${item.line} is not a name and a type org or user`);
    accounts.push({ name: name.trim(), type });
  }
  return accounts;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      copies: { type: "string" },
      "page-size": { type: "string" },
      "rate-limit": { type: "string" },
      accounts: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }
  const paths = positionals.length > 0 ? positionals : [DEFAULT_DATA];
  for (const path of paths) if (!existsSync(path)) throw new Error(`no such file or folder: ${resolve(path)}`);
  let rateLimit: { requests: number; windowSeconds: number } | undefined;
  if (values["rate-limit"] !== undefined) {
    const [requests, seconds, ...rest] = values["rate-limit"].split("/");
    if (requests === undefined || seconds === undefined || rest.length > 0)
      throw new Error(`--rate-limit must be REQUESTS/SECONDS such as 1000/300, got "${values["rate-limit"]}"`);
    rateLimit = {
      requests: wholeNumber(requests, "rate-limit", 0),
      windowSeconds: wholeNumber(seconds, "rate-limit", 0),
    };
  }
  const recorded = await loadRecordedRecords(paths);
  const records = replicateRecords(recorded, wholeNumber(values.copies, "copies", 1));
  const standIn = await startHubStandIn({
    records,
    port: wholeNumber(values.port, "port", 7860, 0),
    host: values.host ?? "127.0.0.1",
    maxPageSize: wholeNumber(values["page-size"], "page-size", 1000),
    rateLimit,
    accounts: values.accounts === undefined ? [] : await readAccounts(values.accounts),
  });
  process.stdout.write(
    `Hub stand-in: ${records.length.toLocaleString("en-US")} models at ${standIn.url} (Ctrl-C stops it)\n`,
  );
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hub stand-in: ${(error as Error).message}\n\n${USAGE}`);
  process.exitCode = 2;
});
