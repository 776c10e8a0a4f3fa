// Reads a --relations list (`finetune,adapter`) into relation names, with a usage error naming a wrong one.

import { isRelation, RELATIONS, type Relation } from "../vocabulary/relation.js";
import { UsageError } from "./command.js";

export function parseRelationsOption(values: Record<string, unknown>): Relation[] | undefined {
  const raw = values.relations;
  if (raw === undefined) return undefined;
  const names = String(raw).split(",").map((name) => name.trim()).filter((name) => name.length > 0);
  const wrong = names.find((name) => !isRelation(name));
  if (wrong !== undefined || names.length === 0) throw new UsageError(`--relations takes a comma-separated list of ${RELATIONS.join(", ")}; got "${String(raw)}"`);
  return names as Relation[];
}
