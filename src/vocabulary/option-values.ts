// The kinds of value that options and query parameters take (a whole number in a range, a list of relations, one
// of a few words), read from text one way for the command line, the server and the viewer: a value, or why not.

import { isRelation, RELATIONS, type Relation } from "./relation.js";

/** What reading a value gives: the value, or the reason the text is not one (a phrase such as "must be ..."). */
export type ParsedValue<T> = { ok: true; value: T } | { ok: false; reason: string };

/** How much of a wrong value a reason quotes: enough to recognise it, never a whole pasted page. */
const QUOTED_LENGTH = 40;

/** A wrong value as a reason or a message quotes it: in double quotes, escaped, cut to a readable length. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.slice(0, QUOTED_LENGTH));
}

/**
 * A whole number written in decimal digits only (leading zeros allowed; no sign, space, point or exponent), from
 * `min` to `max` and exactly representable. The reason reads "must be a whole number from MIN to MAX".
 */
export function parseWholeNumber(text: string, range: { min: number; max: number }): ParsedValue<number> {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= range.min && value <= range.max) return { ok: true, value };
  return { ok: false, reason: `must be a whole number from ${range.min} to ${range.max}` };
}

/**
 * A comma-separated list of relations (`finetune,merge`), as exact lowercase names. Spaces around a name and empty
 * parts (`a,,b`, a trailing comma) are ignored; at least one relation must be named. The value holds each relation
 * once, in the order of RELATIONS. The reason names the first unknown relation, or says that none was named.
 */
export function parseRelationList(text: string): ParsedValue<Relation[]> {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const unknown = names.find((name) => !isRelation(name));
  if (unknown !== undefined) return { ok: false, reason: `unknown relation ${quoteValue(unknown)}` };
  if (names.length === 0) return { ok: false, reason: "no relation named" };
  return { ok: true, value: RELATIONS.filter((relation) => names.includes(relation)) };
}

/** One of a few words, exactly as written in `choices`. The reason reads "must be one of A, B, C". */
export function parseChoice<T extends string>(text: string, choices: readonly T[]): ParsedValue<T> {
  const choice = choices.find((candidate) => candidate === text);
  if (choice === undefined) return { ok: false, reason: `must be one of ${choices.join(", ")}` };
  return { ok: true, value: choice };
}

/**
 * The relations a walk goes through (`--through`): a relation list as parseRelationList reads it, `all` for every
 * relation, or `none` for none (only the model's own direct children count).
 */
export function parseThroughList(text: string): ParsedValue<Relation[]> {
  const trimmed = text.trim();
  if (trimmed === "all") return { ok: true, value: [...RELATIONS] };
  if (trimmed === "none") return { ok: true, value: [] };
  return parseRelationList(trimmed);
}
