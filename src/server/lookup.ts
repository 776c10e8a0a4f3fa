// Turns a validated id or org name into what the lineage knows, answering an unknown one with a 404 that
// carries the closest ids (the same suggestions as the command line's "did you mean").

import {
  AmbiguousQueryError,
  findModelId,
  resolveQuery,
  suggestModels,
  UnknownQueryError,
  type ResolvedQuery,
} from "../graph/resolve-query.js";
import { familyNodes, ModelNotIndexedError } from "../graph/index-family.js";
import type { IndexedLineage } from "../graph/indexed-lineage.js";
import type { Store } from "../store/open-store.js";
import { HttpError } from "./http-error.js";

/** A 404 for text that matches several ids differing only in case, suggesting each of them. */
function ambiguous(error: unknown): unknown {
  return error instanceof AmbiguousQueryError ? new HttpError(404, error.message, error.ids) : error;
}

/** The stored spelling of a model id (matched case-insensitively), or a 404. */
export function lookUpModel(store: Store, id: string): string {
  let found: string | null;
  try {
    found = findModelId(store, id);
  } catch (error) {
    throw ambiguous(error);
  }
  if (found === null) throw new HttpError(404, `unknown model "${id}"`, suggestModels(store, id));
  return found;
}

/** The node numbers of a model's or an org's own models in the index served, or a 404 for one it lacks yet. */
export function nodesOfQuery(lineage: IndexedLineage, resolved: ResolvedQuery): number[] {
  try {
    return familyNodes(lineage, resolved);
  } catch (error) {
    if (error instanceof ModelNotIndexedError) throw new HttpError(404, error.message);
    throw error;
  }
}

/** A model or an org, or a 404. */
export function lookUpQuery(store: Store, query: string): ResolvedQuery {
  try {
    return resolveQuery(store, query);
  } catch (error) {
    if (error instanceof UnknownQueryError) throw new HttpError(404, error.message, error.suggestions);
    throw ambiguous(error);
  }
}
