// Reads `open`, the collapsed nodes of a family overview to draw: the drawn models whose left-out children are
// wanted (and the query itself for its own models), as a comma-separated list; anything else is a 400.

import { isModelId } from "../vocabulary/model-id.js";
import { HttpError } from "./http-error.js";

/** Collapsed nodes opened at most in one request. */
export const MAX_OPEN = 100;

/** The ids named by `open=ID,ID,...` (none when absent), each a model id or an org name. */
export function openParam(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name);
  if (values.length > 1) throw new HttpError(400, `parameter "${name}" is given ${values.length} times; give it once`);
  const raw = values[0] ?? "";
  if (raw === "") return [];
  const ids = raw.split(",").map((part) => part.trim());
  if (ids.length > MAX_OPEN) throw new HttpError(400, `parameter "${name}" names more than ${MAX_OPEN} models`);
  for (const id of ids)
    if (!isModelId(id))
      throw new HttpError(400, `parameter "${name}": ${JSON.stringify(id.slice(0, 240))} is not a model id or an org`);
  return [...new Set(ids)];
}
