// GET /api/model?id=ID: one model's record, its family report (children, descendants, ancestors exactly as
// `hf-lineage family ID --json` gives them), its paths up to the roots and its stored metrics.

import { ancestorPaths } from "../../graph/ancestry.js";
import { familyReport } from "../../graph/family.js";
import { lookUpModel } from "../lookup.js";
import { modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { ModelResponse } from "../wire-types.js";

interface ModelRow {
  id: string;
  author: string | null;
  created_at: string | null;
  last_modified: string | null;
  downloads: number | null;
  likes: number | null;
  license: string | null;
  pipeline_tag: string | null;
  library_name: string | null;
  gated: string | null;
  placeholder: number;
}

/** The Hub's own shape of `gated`: false, true, "auto" or "manual" (null when unknown). */
function gatedValue(stored: string | null): boolean | string | null {
  return stored === "false" ? false : stored === "true" ? true : stored;
}

export function modelDetails(data: ServerData, params: URLSearchParams): ModelResponse {
  const { db, graph, metrics } = data.lineage;
  const id = lookUpModel(db, modelIdParam(params, "id"));
  const row = db
    .prepare(`SELECT id, author, created_at, last_modified, downloads, likes, license, pipeline_tag, library_name, gated, placeholder FROM models WHERE id = ?`)
    .get(id) as ModelRow;
  const report = familyReport(graph, { kind: "model", id });
  return {
    model: {
      id: row.id,
      author: row.author,
      createdAt: row.created_at,
      lastModified: row.last_modified,
      downloads: row.downloads ?? 0,
      likes: row.likes ?? 0,
      license: row.license,
      pipelineTag: row.pipeline_tag,
      libraryName: row.library_name,
      gated: gatedValue(row.gated),
      placeholder: row.placeholder === 1,
      relation: graph.getNodeAttribute(id, "relation"),
    },
    hubUrl: `https://huggingface.co/${id}`,
    // A model's report always has its children and ancestors (an org's has neither).
    children: report.children!,
    descendants: report.descendants,
    ancestors: report.ancestors!,
    ancestry: ancestorPaths(graph, id),
    metrics: metrics.get(id) ?? null,
  };
}
