// The one save path's first half: a record in the Hub's JSON shape becomes model, edge and unresolved rows.
// The crawler and every importer of Hub-shaped records call this; nothing else decides lineage from a record.

import type { HubModelRecord } from "../hub/api-types.js";
import { isModelId } from "../vocabulary/model-id.js";
import { parseRelation, type Relation } from "../vocabulary/relation.js";
import { readBaseModelTags } from "./base-model-tags.js";
import { toIsoDate } from "./iso-date.js";
import { detailsOfHubRecord } from "./model-details.js";
import { normalizeBaseModel } from "./normalize-base-model.js";
import type { EdgeRow, RecordRows, UnresolvedRow } from "./record-rows.js";

export class InvalidRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRecordError";
  }
}

function field<T>(
  record: Record<string, unknown>,
  key: string,
  type: "string" | "number",
  warnings: string[],
): T | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value === type) return value as T;
  warnings.push(`field "${key}" should be a ${type}, got ${JSON.stringify(value)?.slice(0, 80)}; stored as empty`);
  return null;
}

function dateField(record: Record<string, unknown>, key: string, warnings: string[]): string | null {
  const value = field<string>(record, key, "string", warnings);
  if (value === null) return null;
  const iso = toIsoDate(value);
  if (iso === null)
    warnings.push(`field "${key}" should be a date, got ${JSON.stringify(value).slice(0, 80)}; stored as empty`);
  return iso;
}

function countField(record: Record<string, unknown>, key: string, warnings: string[]): number | null {
  const value = field<number>(record, key, "number", warnings);
  if (value === null || (Number.isSafeInteger(value) && value >= 0)) return value;
  warnings.push(`field "${key}" should be a count, got ${String(value)}; stored as empty`);
  return null;
}

function licenseOf(record: HubModelRecord, tags: readonly string[]): string | null {
  const fromCard = record.cardData?.license;
  if (typeof fromCard === "string" && fromCard.length > 0) return fromCard;
  if (Array.isArray(fromCard) && typeof fromCard[0] === "string") return fromCard.join(",");
  const tag = tags.find((t) => t.startsWith("license:"));
  return tag === undefined ? null : tag.slice("license:".length);
}

function gatedOf(value: unknown): string | null {
  if (value === false) return "false";
  if (value === true) return "true";
  return typeof value === "string" ? value : null;
}

/** Relation for bases that no typed tag qualifies: the card's own word, else merge for several bases. */
function declaredRelation(cardRelation: unknown, baseCount: number): Relation {
  const parsed = parseRelation(cardRelation);
  if (parsed !== null) return parsed;
  return baseCount > 1 ? "merge" : "unknown";
}

/** Turns one Hub record into rows; throws InvalidRecordError when the record has no usable id. */
export function rowsFromHubRecord(input: unknown): RecordRows {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidRecordError(`a model record must be a JSON object, got ${JSON.stringify(input)?.slice(0, 80)}`);
  }
  const record = input as HubModelRecord & Record<string, unknown>;
  const id =
    typeof record.id === "string" && isModelId(record.id)
      ? record.id
      : typeof record.modelId === "string" && isModelId(record.modelId)
        ? record.modelId
        : null;
  if (id === null) {
    throw new InvalidRecordError(
      `record has no valid model id (id: ${JSON.stringify(record.id ?? null)?.slice(0, 80)})`,
    );
  }
  const warnings: string[] = [];
  const tags = Array.isArray(record.tags) ? record.tags.filter((t): t is string => typeof t === "string") : [];
  if (record.tags !== undefined && !Array.isArray(record.tags)) warnings.push(`field "tags" should be a list; ignored`);
  const card =
    typeof record.cardData === "object" && record.cardData !== null && !Array.isArray(record.cardData)
      ? record.cardData
      : undefined;
  if (card === undefined && record.cardData !== undefined && record.cardData !== null) {
    warnings.push(
      `field "cardData" should be an object, got ${JSON.stringify(record.cardData)?.slice(0, 80)}; ` +
        "its base_model was not read",
    );
  }
  const cardBases = normalizeBaseModel(card?.base_model);

  const edges: EdgeRow[] = [];
  const unresolved: UnresolvedRow[] = cardBases.unresolved.map((u) => ({ child: id, raw: u.raw, reason: u.reason }));
  const tagged = readBaseModelTags(tags);
  if (tagged.length > 0) {
    const fallback = declaredRelation(card?.base_model_relation, tagged.length);
    for (const t of tagged)
      edges.push({ child: id, parent: t.parent, relation: t.relation ?? fallback, source: "tag", raw: t.tag });
    const resolved = new Set(tagged.map((t) => t.parent.toLowerCase()));
    cardBases.ids.forEach((cardId, index) => {
      if (!resolved.has(cardId.toLowerCase()))
        unresolved.push({ child: id, raw: cardBases.written[index] ?? cardId, reason: "not-resolved-by-hub" });
    });
  } else {
    const relation = declaredRelation(card?.base_model_relation, cardBases.ids.length);
    cardBases.ids.forEach((parent, index) =>
      edges.push({ child: id, parent, relation, source: "card", raw: cardBases.written[index] ?? parent }),
    );
  }

  return {
    model: {
      id,
      author:
        field<string>(record, "author", "string", warnings) ?? (id.includes("/") ? id.slice(0, id.indexOf("/")) : null),
      createdAt: dateField(record, "createdAt", warnings),
      lastModified: dateField(record, "lastModified", warnings),
      downloads: countField(record, "downloads", warnings),
      likes: countField(record, "likes", warnings),
      libraryName: field<string>(record, "library_name", "string", warnings),
      pipelineTag: field<string>(record, "pipeline_tag", "string", warnings),
      license: licenseOf(record, tags),
      gated: gatedOf(record.gated),
      architecture: null,
      baseModelRaw: card?.base_model === undefined ? null : JSON.stringify(card.base_model),
    },
    details: detailsOfHubRecord(record, tags, card, warnings),
    existing: [],
    edges,
    unresolved,
    replacesDeclaredBasesOf: id,
    warnings,
  };
}
