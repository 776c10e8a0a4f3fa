// GET /api/stats and GET /api/checks: exactly what `hf-lineage stats --json` and `hf-lineage check --json` print,
// computed once per snapshot.

import type { ServerData } from "../server-data.js";
import type { ChecksResponse, StatsResponse } from "../wire-types.js";

export function stats(data: ServerData): StatsResponse {
  return data.stats;
}

export function checks(data: ServerData): ChecksResponse {
  return data.checks;
}
