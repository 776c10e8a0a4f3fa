// The lineage core at Hub scale, on the generated scale model (tools/scale-model/scale-model.ts): graph build, every
// metric, the largest family against a SQLite recursive query, the top org families, the checks, and peak memory.
// HF_LINEAGE_SCALE_MODELS sets the model count (default 2,500,000, the Hub's size in 2026).

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLineageGraph } from "../src/graph/build-graph.js";
import { runChecks } from "../src/graph/checks.js";
import { openIndexedLineage } from "../src/graph/indexed-lineage.js";
import { descendantCounts } from "../test/support/graphology-reference/descendant-counts.js";
import { familyReport } from "../src/graph/family.js";
import { generations } from "../test/support/graphology-reference/generations.js";
import { influenceRank } from "../test/support/graphology-reference/influence.js";
import { largestOrgFamilies } from "../src/graph/org-families.js";
import { orgModelIds } from "../src/store/model-queries.js";
import type { ModelMetrics } from "../src/graph/model-metrics.js";
import { openStore } from "../src/store/open-store.js";
import { writeScaleModel } from "../tools/scale-model/scale-model.js";
import { connectionOf } from "../src/store/database-handle.js";

function timed<T>(label: string, run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(8)} s   ` +
      `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
  return { value, ms };
}

export default async function scaleBench(): Promise<void> {
  const models = Number(process.env.HF_LINEAGE_SCALE_MODELS ?? 2_500_000);
  const scratch = mkdtempSync(join(tmpdir(), "hf-lineage-scale-"));
  try {
    const db = openStore(join(scratch, "scale.db"));
    const facts = timed(`generate the scale model (${models.toLocaleString("en-US")} models)`, () =>
      writeScaleModel(db, { models }),
    ).value;
    const relations = connectionOf(db)
      .prepare(`SELECT relation, count(*) AS n FROM edges GROUP BY relation ORDER BY n DESC`)
      .all() as { relation: string; n: number }[];
    console.log(
      `scale model: ${facts.models.toLocaleString("en-US")} models, ` +
        `${facts.derivatives.toLocaleString("en-US")} with a base, ${facts.edges.toLocaleString("en-US")} edges; ` +
        `${relations.map((r) => `${r.relation} ${((r.n / facts.edges) * 100).toFixed(1)}%`).join(", ")}`,
    );
    const graph = timed("build the lineage graph", () => buildLineageGraph(db)).value;
    const totals = timed("descendant counts + subtree downloads, all", () => descendantCounts(graph)).value;
    const generation = timed("generations (SCCs, then topological layers)", () => generations(graph)).value;
    timed("PageRank on reversed edges", () => influenceRank(graph));
    const metrics = new Map<string, ModelMetrics>();
    graph.forEachNode((id) => {
      const subtree = totals.get(id);
      metrics.set(id, {
        generation: generation.get(id) ?? 0,
        descendants: subtree?.descendants ?? 0,
        children: graph.outDegree(id),
        pagerank: 0,
        subtreeDownloads: subtree?.subtreeDownloads ?? 0,
      });
    });
    const orgs = timed("top 10 org families", () => largestOrgFamilies(graph, metrics, 10)).value;
    console.log(
      `largest org families: ${orgs
        .slice(0, 5)
        .map((o) => `${o.org} ${o.descendants.toLocaleString("en-US")}`)
        .join(", ")} (published Aug 2026: Qwen 151,448, google 82,506)`,
    );
    const qwen = orgModelIds(db, "Qwen");
    const ours = timed("Qwen family report (descendants by relation and depth)", () =>
      familyReport(graph, { kind: "org", org: "Qwen", models: qwen }),
    );
    const cte = timed(
      "peer: the same count by SQLite recursive CTE",
      () =>
        (
          connectionOf(db)
            .prepare(
              `WITH RECURSIVE below(id) AS (SELECT child FROM edges WHERE parent LIKE 'Qwen/%'
                     UNION SELECT edges.child FROM edges JOIN below ON edges.parent = below.id)
                   SELECT count(*) AS n FROM below WHERE id NOT LIKE 'Qwen/%'`,
            )
            .get() as { n: number }
        ).n,
    );
    if (cte.value !== ours.value.descendants.total)
      throw new Error(`bench: Qwen family differs (${ours.value.descendants.total} vs ${cte.value})`);
    console.log(
      `Qwen family: ${cte.value.toLocaleString("en-US")} both ways; the full report (by relation and depth) ` +
        `takes ${(ours.ms / cte.ms).toFixed(2)}x the CTE's time for the bare count`,
    );
    timed("checks", () => runChecks(openIndexedLineage(db)));
    db.close();
    console.log(`peak RSS of this run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
