// Runs the benchmarks: every bench/*.bench.ts in name order, or only those whose names contain an argument
// (`npm run bench -- export`). Each prints its own figures and ratios against a peer measured in the same run.

import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
console.log(
  `hf-lineage benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
    `${process.platform}/${process.arch}`,
);
for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, "")}`);
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await module.default();
}
