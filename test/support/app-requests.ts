// The server as the API tests call it: an app over a lineage (createApp, no port), a GET that parses the JSON
// answer, and the shapes of the answers the tests read.

import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import type { Lineage } from "./graphology-reference/lineage.js";
import { createApp, type App, type AppDeps } from "../../src/server/app.js";
import type { FamilyResponse } from "../../src/server/wire-types.js";

export interface JsonAnswer<Body> {
  status: number;
  type: string | null;
  body: Body;
}

/** GETs `path` from the app and returns the status, the content type and the parsed JSON body (typed by the caller). */
export async function getJson<Body>(app: App, path: string): Promise<JsonAnswer<Body>> {
  const response = await app(new Request(`http://localhost${path}`));
  return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as Body };
}

export interface ErrorBody {
  error: { status: number; message: string; suggestions?: string[] };
}

export type FamilyBody = FamilyResponse;

/** An app serving the lineage index of `lineage`'s store (the graph stays the tests' reference). */
export function appOver(lineage: Lineage, deps: Partial<AppDeps> = {}): App {
  return createApp({ lineage: openIndexedLineage(lineage.store), webRoot: null, ...deps });
}
