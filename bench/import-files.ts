// The files the import benchmark reads, written from a generated Hub (tools/scale-model): an edge list
// (`child,parent,relation`, in the order the models were created) and the same models as Hub JSONL records.

import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Store } from "../src/store/open-store.js";
import { connectionOf } from "../src/store/database-handle.js";

interface ModelLine {
  id: string;
  author: string;
  created_at: string;
  downloads: number;
  likes: number;
  parents: string | null;
  relation: string | null;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = createWriteStream(path);
  for (const line of lines) if (!file.write(line)) await once(file, "drain");
  file.end();
  await once(file, "finish");
}

/** The first `rows` edges (by the child's creation), one CSV row each, with a header. */
export async function writeEdgeList(store: Store, path: string, rows: number): Promise<number> {
  const statement = connectionOf(store).prepare(
    `SELECT e.child, e.parent, e.relation FROM models m JOIN edges e ON e.child = m.id ORDER BY m.node LIMIT ?`,
  );
  let written = 0;
  function* lines(): Generator<string> {
    yield "child,parent,relation\n";
    for (const edge of statement.iterate(rows) as Iterable<{ child: string; parent: string; relation: string }>) {
      written++;
      yield `${edge.child},${edge.parent},${edge.relation}\n`;
    }
  }
  await writeLines(path, lines());
  return written;
}

/**
 * The first `records` models (by creation) as the Hub lists them: typed and plain `base_model:` tags and the
 * card's `base_model` for every model with a base, downloads, likes and the creation date.
 */
export async function writeHubJsonl(store: Store, path: string, records: number): Promise<number> {
  const statement = connectionOf(store).prepare(
    `SELECT m.id, m.author, m.created_at, m.downloads, m.likes,
            (SELECT json_group_array(parent) FROM edges WHERE child = m.id) AS parents,
            (SELECT relation FROM edges WHERE child = m.id LIMIT 1) AS relation
     FROM models m ORDER BY m.node LIMIT ?`,
  );
  let written = 0;
  function* lines(): Generator<string> {
    for (const model of statement.iterate(records) as Iterable<ModelLine>) {
      written++;
      const parents = model.relation === null ? [] : (JSON.parse(model.parents ?? "[]") as string[]);
      const record = {
        id: model.id,
        author: model.author,
        downloads: model.downloads,
        likes: model.likes,
        createdAt: model.created_at,
        pipeline_tag: "text-generation",
        tags: [
          "transformers",
          ...parents.flatMap((parent) => [`base_model:${parent}`, `base_model:${model.relation}:${parent}`]),
        ],
        ...(parents.length === 0
          ? {}
          : { cardData: { base_model: parents.length === 1 ? parents[0] : parents, license: "apache-2.0" } }),
      };
      yield `${JSON.stringify(record)}\n`;
    }
  }
  await writeLines(path, lines());
  return written;
}
