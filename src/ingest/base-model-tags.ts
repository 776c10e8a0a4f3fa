// Reads the Hub's resolved lineage tags: `base_model:ORG/NAME` and `base_model:<relation>:ORG/NAME`.
// The typed tag wins; a plain tag is kept only for a base that no typed tag names.

import { isModelId } from "../vocabulary/model-id.js";
import { isRelation, type Relation } from "../vocabulary/relation.js";

export interface BaseModelTag {
  parent: string;
  /** The relation from a typed tag, or null for a plain `base_model:ID` tag. */
  relation: Relation | null;
  tag: string;
}

const PREFIX = "base_model:";

/** One entry per distinct base (case-sensitive, as the Hub resolved it), typed tags preferred. */
export function readBaseModelTags(tags: readonly string[]): BaseModelTag[] {
  const typed = new Map<string, BaseModelTag>();
  const plain = new Map<string, BaseModelTag>();
  for (const tag of tags) {
    if (!tag.startsWith(PREFIX)) continue;
    const rest = tag.slice(PREFIX.length);
    const colon = rest.indexOf(":");
    if (colon > 0) {
      const relation = rest.slice(0, colon);
      const parent = rest.slice(colon + 1);
      if (isRelation(relation) && relation !== "unknown" && isModelId(parent) && !typed.has(parent)) {
        typed.set(parent, { parent, relation, tag });
      }
    } else if (isModelId(rest) && !plain.has(rest)) {
      plain.set(rest, { parent: rest, relation: null, tag });
    }
  }
  const result = [...typed.values()];
  for (const [parent, entry] of plain) if (!typed.has(parent)) result.push(entry);
  return result;
}
