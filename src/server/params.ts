// Reads and validates the query parameters of the API: model ids, org names, whole numbers within caps,
// relation lists, fan names and enumerations. Anything else is answered with a 400 naming the parameter.

import { parseFanName } from "../vocabulary/fan.js";
import { queryOfHubAddress } from "../ingest/hub-address.js";
import { isModelId } from "../vocabulary/model-id.js";
import {
  parseChoice,
  parseRelationList,
  parseThroughList,
  parseWholeNumber,
  quoteValue,
} from "../vocabulary/option-values.js";
import type { Relation } from "../vocabulary/relation.js";
import { HttpError } from "./http-error.js";

const MAX_TEXT = 200;

/** Refuses any parameter `route` does not take, so that no unread parameter ever shapes an answer or its cache key. */
export function refuseUnknownParams(route: string, params: URLSearchParams, takes: readonly string[]): void {
  const name = unknownParam(params, takes);
  if (name === undefined) return;
  const known = takes.length === 0 ? "it takes no parameters" : `it takes ${takes.join(", ")}`;
  throw new HttpError(400, `parameter ${JSON.stringify(name.slice(0, 100))} is not known to ${route}; ${known}`);
}

/** The first parameter a route does not take, or undefined when it takes them all. */
export function unknownParam(params: URLSearchParams, takes: readonly string[]): string | undefined {
  for (const name of params.keys()) if (!takes.includes(name)) return name;
  return undefined;
}

/** The raw value of a parameter given once at most, or undefined when absent. */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new HttpError(400, `parameter "${name}" is given ${values.length} times; give it once`);
  return values[0];
}

export function requiredText(params: URLSearchParams, name: string): string {
  const value = single(params, name)?.trim();
  if (value === undefined || value.length === 0) throw new HttpError(400, `parameter "${name}" is required`);
  if (value.length > MAX_TEXT) throw new HttpError(400, `parameter "${name}" is longer than ${MAX_TEXT} characters`);
  return value;
}

/** A required text, or the id or org name of the Hub page it gives (src/ingest/hub-address.ts). */
export function queryParam(params: URLSearchParams, name: string): string {
  const value = requiredText(params, name);
  return queryOfHubAddress(value) ?? value;
}

/** A model id (`org/name` or a legacy `name`), as the Hub allows them, or its page on the Hub. */
export function modelIdParam(params: URLSearchParams, name: string): string {
  const value = queryParam(params, name);
  if (!isModelId(value))
    throw new HttpError(400, `parameter "${name}" is not a model id (org/name): ${JSON.stringify(value)}`);
  return value;
}

/** A model id or an org name (an org name has the syntax of a legacy id), or its page on the Hub. */
export function modelOrOrgParam(params: URLSearchParams, name: string): string {
  const value = queryParam(params, name);
  if (!isModelId(value))
    throw new HttpError(400, `parameter "${name}" is not a model id or an org name: ${JSON.stringify(value)}`);
  return value;
}

/** A comma-separated list of at most `max` model ids, or null when the parameter is absent. */
export function modelIdsParam(params: URLSearchParams, name: string, max: number): string[] | null {
  const raw = single(params, name);
  if (raw === undefined) return null;
  const ids = raw.split(",").map((id) => id.trim());
  if (ids.length > max) throw new HttpError(400, `parameter "${name}" names more than ${max} models`);
  const malformed = ids.find((id) => !isModelId(id));
  if (malformed !== undefined)
    throw new HttpError(400, `parameter "${name}": ${JSON.stringify(malformed.slice(0, 240))} is not a model id`);
  return ids;
}

type Range = { min: number; max: number };

export function countParam(params: URLSearchParams, name: string, range: Range & { fallback: number }): number;
export function countParam(params: URLSearchParams, name: string, range: Range): number | undefined;
export function countParam(
  params: URLSearchParams,
  name: string,
  range: Range & { fallback?: number },
): number | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return range.fallback;
  const parsed = parseWholeNumber(raw, range);
  if (!parsed.ok) throw new HttpError(400, `parameter "${name}" ${parsed.reason}, got ${quoteValue(raw)}`);
  return parsed.value;
}

/** A comma-separated list of relations, or undefined for all of them. */
export function relationsParam(params: URLSearchParams, name: string): Relation[] | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return undefined;
  const parsed = parseRelationList(raw);
  if (!parsed.ok) {
    const use = "use finetune, adapter, quantized, merge or unknown";
    throw new HttpError(400, `parameter "${name}": ${parsed.reason}; ${use}`);
  }
  return parsed.value;
}

/** Fans to expand, `PARENT:RELATION,...` (at most 100). */
export function expandParam(params: URLSearchParams, name: string): string[] {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return [];
  const names = raw.split(",").map((part) => part.trim());
  if (names.length > 100) throw new HttpError(400, `parameter "${name}" names more than 100 fans`);
  for (const fan of names) {
    const parsed = parseFanName(fan);
    if (parsed === null || !isModelId(parsed.parent)) {
      throw new HttpError(400, `parameter "${name}": ${JSON.stringify(fan.slice(0, 240))} is not PARENT:RELATION`);
    }
  }
  return names;
}

export function choiceParam<T extends string>(
  params: URLSearchParams,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return fallback;
  const parsed = parseChoice(raw, choices);
  if (!parsed.ok) throw new HttpError(400, `parameter "${name}" ${parsed.reason}, got ${quoteValue(raw)}`);
  return parsed.value;
}

/** The relations a walk goes through: a relation list, `all` or `none` (the default). */
export function throughParam(params: URLSearchParams, name: string): Relation[] {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return [];
  const parsed = parseThroughList(raw);
  if (!parsed.ok) {
    const use = "use all, none, or a list of finetune, adapter, quantized, merge, unknown";
    throw new HttpError(400, `parameter "${name}": ${parsed.reason}; ${use}`);
  }
  return parsed.value;
}

/** One of a few words, or undefined when absent. */
export function optionalChoiceParam<T extends string>(
  params: URLSearchParams,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === "") return undefined;
  const parsed = parseChoice(raw, choices);
  if (!parsed.ok) throw new HttpError(400, `parameter "${name}" ${parsed.reason}, got ${quoteValue(raw)}`);
  return parsed.value;
}
