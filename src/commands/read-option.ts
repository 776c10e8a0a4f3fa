// Reads the value of one command-line option with the readers the server and the viewer share, and turns a value
// that is not one into a usage error naming the option (`--depth must be a whole number from 1 to 1000, got "0"`).

import {
  parseChoice,
  parseRelationList,
  parseThroughList,
  parseWholeNumber,
  quoteValue,
} from "../vocabulary/option-values.js";
import { RELATIONS, type Relation } from "../vocabulary/relation.js";
import { UsageError, type CommandContext } from "./command.js";

type OptionValues = CommandContext["values"];

/** A whole number option such as --depth or --limit; `fallback` when it is not given. */
export function wholeNumberOption(
  values: OptionValues,
  name: string,
  fallback: number,
  range = { min: 0, max: Number.MAX_SAFE_INTEGER },
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const parsed = parseWholeNumber(String(raw), range);
  if (!parsed.ok) throw new UsageError(`--${name} ${parsed.reason}, got ${quoteValue(String(raw))}`);
  return parsed.value;
}

/** The --relations list (`finetune,adapter`), or undefined when it is not given (every relation). */
export function relationListOption(values: OptionValues): Relation[] | undefined {
  const raw = values.relations;
  if (raw === undefined) return undefined;
  const parsed = parseRelationList(String(raw));
  if (!parsed.ok) {
    const list = RELATIONS.join(", ");
    const given = quoteValue(String(raw));
    throw new UsageError(`--relations takes a comma-separated list of ${list}; got ${given} (${parsed.reason})`);
  }
  return parsed.value;
}

/** An option that takes one of a few words (--by, --format), or undefined when it is not given. */
export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const parsed = parseChoice(String(raw), choices);
  if (!parsed.ok) throw new UsageError(`--${name} ${parsed.reason}; got ${quoteValue(String(raw))}`);
  return parsed.value;
}

/** The --through list (`finetune,merge`, `all` or `none`); none when it is not given. */
export function throughOption(values: OptionValues): Relation[] {
  const raw = values.through;
  if (raw === undefined) return [];
  const parsed = parseThroughList(String(raw));
  if (!parsed.ok) {
    const list = RELATIONS.join(", ");
    const given = quoteValue(String(raw));
    throw new UsageError(
      `--through takes all, none, or a comma-separated list of ${list}; got ${given} (${parsed.reason})`,
    );
  }
  return parsed.value;
}
