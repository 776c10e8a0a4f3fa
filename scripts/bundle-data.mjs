// Rebuilds the bundled snapshot in data/ from the real Hub metadata in ../shared/data: the lineage edge list and
// its metadata gzipped as they are, the family-tree dumps gzipped without their README texts (`card`), which no
// importer reads. Run with `node scripts/bundle-data.mjs [SOURCE_DIR]`.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const source = resolve(process.argv[2] ?? "../shared/data");
const target = resolve("data");
mkdirSync(join(target, "family-trees"), { recursive: true });

const files = [];
function write(relativePath, content) {
  const gz = gzipSync(content, { level: 9 });
  writeFileSync(join(target, relativePath), gz);
  files.push({ path: relativePath, sha256: createHash("sha256").update(gz).digest("hex") });
}

for (const name of ["edges.csv", "metadata.csv"]) {
  write(`${name}.gz`, readFileSync(join(source, "lineage-top50k-textgen", name)));
}
const treeDir = join(source, "family-trees-2025-04");
for (const name of readdirSync(treeDir)
  .filter((file) => file.endsWith(".json"))
  .sort()) {
  const dump = JSON.parse(readFileSync(join(treeDir, name), "utf8"));
  for (const entry of dump.models) delete entry.card;
  write(`family-trees/${basename(name)}.gz`, JSON.stringify(dump));
}
writeFileSync(join(target, "manifest.json"), `${JSON.stringify({ files }, null, 2)}\n`);
console.log(`data/: ${files.length} files`);
