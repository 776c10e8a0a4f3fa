// Reads the Hub's resolved lineage tags: `base_model:ORG/NAME` and `base_model:<relation>:ORG/NAME`.
// The typed tag wins; a plain tag is kept only for a base that no typed tag names; a tag naming no model is a finding.

import { isRelation, type Relation } from "../vocabulary/relation.js";
import { readModelReference, type ReferenceFinding } from "./model-reference.js";

export interface BaseModelTag {
  parent: string;
  /** The relation from a typed tag, or null for a plain `base_model:ID` tag. */
  relation: Relation | null;
  tag: string;
  /** The parent is an org-less word that is no known legacy id (a model only if it has a record). */
  orgless: boolean;
}

export interface BaseModelTags {
  /** One entry per distinct base (case-sensitive, as the Hub resolved it), typed tags first. */
  bases: BaseModelTag[];
  /** Lineage tags whose parent names no model (`base_model:N/A`), each tag once. */
  findings: { tag: string; reason: ReferenceFinding }[];
}

const PREFIX = "base_model:";

export function readBaseModelTags(tags: readonly string[]): BaseModelTags {
  const typed = new Map<string, BaseModelTag>();
  const plain = new Map<string, BaseModelTag>();
  const findings = new Map<string, ReferenceFinding>();
  for (const tag of tags) {
    if (!tag.startsWith(PREFIX)) continue;
    const rest = tag.slice(PREFIX.length);
    const colon = rest.indexOf(":");
    const word = colon > 0 ? rest.slice(0, colon) : "";
    const relation = isRelation(word) && word !== "unknown" ? word : null;
    // `base_model:adapter:ORG/NAME` is typed; any other colon belongs to the value (`base_model:https://...`).
    const reference = readModelReference(relation === null ? rest : rest.slice(colon + 1));
    if ("reason" in reference) {
      if (!findings.has(tag)) findings.set(tag, reference.reason);
      continue;
    }
    const entry = { parent: reference.id, relation, tag, orgless: reference.orgless };
    if (relation !== null) {
      if (!typed.has(entry.parent)) typed.set(entry.parent, entry);
    } else if (!plain.has(entry.parent)) plain.set(entry.parent, entry);
  }
  const bases = [...typed.values()];
  for (const [parent, entry] of plain) if (!typed.has(parent)) bases.push(entry);
  return { bases, findings: [...findings].map(([tag, reason]) => ({ tag, reason })) };
}
