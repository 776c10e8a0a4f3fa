// A generated Hub-scale lineage, calibrated to published whole-Hub figures, for measuring what the real snapshot
// (38K models) cannot show. Deterministic for a seed; written straight into a store, bypassing the importers.
//
// Targets (see ../shared/data/README.md): 2.0–3.0 million models; about 1 million parent → child edges over about
// 980,000 models that have a base; relations in HuggingKG's proportions (adapter 47%, finetune 33%, quantized 14%,
// merge 6%); heavy-tailed families, the largest (Qwen) at about 151,000 derivatives and Google at about 82,500.

import type { Store } from "../../src/store/open-store.js";
import type { Relation } from "../../src/vocabulary/relation.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { pick, seededRandom } from "./seeded-random.js";

export interface ScaleModelOptions {
  /** All models, roots and derivatives (default 2,500,000). */
  models?: number;
  seed?: number;
}

export interface ScaleModelFacts {
  models: number;
  derivatives: number;
  edges: number;
}

/** Foundation orgs and their share of the derivatives that start a new branch. */
const FOUNDATION_ORGS: [string, number, number][] = [
  ["Qwen", 0.165, 300],
  ["meta-llama", 0.12, 120],
  ["google", 0.09, 250],
  ["black-forest-labs", 0.06, 20],
  ["mistralai", 0.05, 60],
  ["stabilityai", 0.04, 80],
  ["microsoft", 0.035, 300],
  ["deepseek-ai", 0.025, 80],
];
const OTHER_FOUNDATION_ORGS = 3000;
/** Share of derivatives per relation: a merge has 2–3 parents, so 2.5% of children give about 6% of the edges. */
const RELATION_MIX: [Relation, number][] = [
  ["adapter", 0.49],
  ["finetune", 0.34],
  ["quantized", 0.145],
  ["merge", 0.025],
];
const DERIVATIVE_SHARE = 0.36;
const NEW_BRANCH_SHARE = 0.55;
const UPLOADERS = 400_000;

/** Index drawn from a Zipf-like law over `n` items (item 0 most likely). */
function zipf(rand: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(rand() * Math.log(n + 1)) - 1));
}

export function writeScaleModel(db: Store, options: ScaleModelOptions = {}): ScaleModelFacts {
  const total = options.models ?? 2_500_000;
  const rand = seededRandom(options.seed ?? 20260826);
  const insertModel = connectionOf(db).prepare(
    `INSERT INTO models (id, author, created_at, downloads, likes, placeholder) VALUES (?, ?, ?, ?, ?, 0)`,
  );
  const insertEdge = connectionOf(db).prepare(
    `INSERT INTO edges (child, parent, relation, source, raw) VALUES (?, ?, ?, 'tag', ?)`,
  );
  const start = Date.parse("2022-01-01T00:00:00Z");
  const day = 86_400_000;
  const foundations: string[][] = [];
  const namedShare = FOUNDATION_ORGS.reduce((sum, [, share]) => sum + share, 0);
  const orgTable: [number, number][] = FOUNDATION_ORGS.map(([, share], index) => [index, share]);
  orgTable.push([-1, 1 - namedShare]);
  const branchable: string[] = [];
  let edges = 0;
  let derivatives = 0;
  let written = 0;
  const createdAt = (i: number) => new Date(start + Math.floor((i / total) * 1500 * day)).toISOString();
  const downloads = (scale: number) => Math.floor(Math.exp(rand() * rand() * scale));

  const addFoundations = connectionOf(db).transaction(() => {
    FOUNDATION_ORGS.forEach(([org, , count]) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = `${org}/base-${i}`;
        insertModel.run(id, org, createdAt(written++), downloads(16), Math.floor(rand() * 500));
        ids.push(id);
      }
      foundations.push(ids);
    });
    const others: string[] = [];
    for (let i = 0; i < OTHER_FOUNDATION_ORGS; i++) {
      const id = `lab-${i}/base`;
      insertModel.run(id, `lab-${i}`, createdAt(written++), downloads(12), Math.floor(rand() * 50));
      others.push(id);
    }
    foundations.push(others);
  });
  addFoundations();

  const parentFor = (): string => {
    if (branchable.length === 0 || rand() < NEW_BRANCH_SHARE) {
      const org = pick(rand, orgTable);
      const pool = foundations[org === -1 ? foundations.length - 1 : org] as string[];
      return pool[zipf(rand, pool.length)] as string;
    }
    return branchable[Math.floor(rand() * branchable.length)] as string;
  };

  const batch = connectionOf(db).transaction((count: number) => {
    for (let n = 0; n < count; n++) {
      const index = written++;
      const uploader = `user-${zipf(rand, UPLOADERS)}`;
      const id = `${uploader}/model-${index}`;
      insertModel.run(id, uploader, createdAt(index), downloads(10), Math.floor(rand() * rand() * 20));
      if (rand() >= DERIVATIVE_SHARE) continue;
      derivatives += 1;
      const relation = pick(rand, RELATION_MIX);
      const parents = new Set([parentFor()]);
      if (relation === "merge") while (parents.size < 2 + Math.floor(rand() * 2)) parents.add(parentFor());
      for (const parent of parents) insertEdge.run(id, parent, relation, `base_model:${relation}:${parent}`);
      edges += parents.size;
      if (relation !== "quantized" || rand() < 0.006) branchable.push(id);
    }
  });
  while (written < total) batch(Math.min(50_000, total - written));
  connectionOf(db).prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'`).run();
  return { models: written, derivatives, edges };
}
