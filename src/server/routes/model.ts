// GET /api/model?id=ID: one model's record, its family report (children, descendants, ancestors exactly as
// `hf-lineage family ID --json` gives them), its direct parents with their relations, its paths up to the roots
// and its stored metrics.

import { indexAncestorPaths } from "../../graph/index-ancestry.js";
import { indexFamilyReport } from "../../graph/index-family.js";
import { indexParents } from "../../graph/index-parents.js";
import { modelMetricsOf } from "../../graph/indexed-lineage.js";
import { NO_RELATION } from "../../graph/lineage-index.js";
import { modelRecord } from "../../store/model-queries.js";
import { RELATIONS } from "../../vocabulary/relation.js";
import { lookUpModel, nodesOfQuery } from "../lookup.js";
import { modelIdParam } from "../params.js";
import type { ServerData } from "../server-data.js";
import type { ModelResponse } from "../wire-types.js";

/** The Hub's own shape of `gated`: false, true, "auto" or "manual" (null when unknown). */
function gatedValue(stored: string | null): boolean | string | null {
  return stored === "false" ? false : stored === "true" ? true : stored;
}

export const MODEL_PARAMS = ["id"] as const;

export function modelDetails(data: ServerData, params: URLSearchParams): ModelResponse {
  const { lineage } = data;
  const id = lookUpModel(lineage.store, modelIdParam(params, "id"));
  const [node] = nodesOfQuery(lineage, { kind: "model", id }) as [number];
  const row = modelRecord(lineage.store, id);
  if (row === undefined) throw new Error(`server/model: "${id}" was found but has no record`);
  const report = indexFamilyReport(lineage, { kind: "model", id });
  const own = lineage.index.relation[node] as number;
  return {
    model: {
      id: row.id,
      author: row.author,
      createdAt: row.created_at,
      lastModified: row.last_modified,
      downloads: row.downloads,
      likes: row.likes,
      license: row.license,
      declaredLicence: lineage.licences.names[lineage.licences.code[node] as number] as string,
      pipelineTag: row.pipeline_tag,
      libraryName: row.library_name,
      gated: gatedValue(row.gated),
      placeholder: row.placeholder === 1,
      relation: own === NO_RELATION ? null : (RELATIONS[own] ?? null),
    },
    hubUrl: `https://huggingface.co/${id}`,
    // A model's report always has its children and ancestors (an org's has neither).
    children: report.children!,
    descendants: report.descendants,
    ancestors: report.ancestors!,
    parents: indexParents(lineage, node),
    ancestry: indexAncestorPaths(lineage, node),
    metrics: modelMetricsOf(lineage, node),
  };
}
