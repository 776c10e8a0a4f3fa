// The real June 2025 edge list and model list imported into an in-memory database, loaded as the server loads
// it, and an app over it; shared by the server tests.

import { resolve } from "node:path";
import { loadLineage, type Lineage } from "../../src/graph/lineage.js";
import { createApp, type App, type AppDeps } from "../../src/server/app.js";
import type { FamilyResponse } from "../../src/server/wire-types.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";

export const DATA = resolve(process.cwd(), "../shared/data");

export async function realLineage(extraFiles: string[] = []): Promise<Lineage> {
  const db = openStore(":memory:");
  for (const file of ["lineage-top50k-textgen/edges.csv", "lineage-top50k-textgen/metadata.csv", ...extraFiles]) await importFile(db, resolve(DATA, file));
  return loadLineage(db);
}

/** GETs `path` from the app and returns the status, the content type and the parsed JSON body (typed by the caller). */
export async function getJson<Body>(app: App, path: string): Promise<{ status: number; type: string | null; body: Body }> {
  const response = await app(new Request(`http://localhost${path}`));
  return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as Body };
}

export interface ErrorBody {
  error: { status: number; message: string; suggestions?: string[] };
}

export type FamilyBody = FamilyResponse;

export function appOver(lineage: Lineage, deps: Partial<AppDeps> = {}): App {
  return createApp({ lineage, webRoot: null, ...deps });
}
