// The one save path's first half: a record in the Hub's JSON shape becomes model, edge and unresolved rows.
// The crawler and every importer of Hub-shaped records call this; nothing else decides lineage from a record.

import type { HubModelRecord } from "../hub/api-types.js";
import { parseRelation, type Relation } from "../vocabulary/relation.js";
import { readBaseModelTags } from "./base-model-tags.js";
import { toIsoDate } from "./iso-date.js";
import { detailsOfHubRecord } from "./model-details.js";
import { readModelReference } from "./model-reference.js";
import { normalizeBaseModel } from "./normalize-base-model.js";
import type { EdgeRow, RecordRows, UnresolvedRow } from "./record-rows.js";
import { boundedJson, previewJson, storableRaw } from "./value-text.js";

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
  warnings.push(`field "${key}" should be a ${type}, got ${previewJson(value)}; stored as empty`);
  return null;
}

function textField(record: Record<string, unknown>, key: string, warnings: string[]): string | null {
  const value = field<string>(record, key, "string", warnings);
  return value === null ? null : storableRaw(value);
}

function dateField(record: Record<string, unknown>, key: string, warnings: string[]): string | null {
  const value = field<string>(record, key, "string", warnings);
  if (value === null) return null;
  const iso = toIsoDate(value);
  if (iso === null) warnings.push(`field "${key}" should be a date, got ${previewJson(value)}; stored as empty`);
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
  if (typeof fromCard === "string" && fromCard.length > 0) return storableRaw(fromCard);
  if (Array.isArray(fromCard) && fromCard.every((item) => typeof item === "string") && fromCard.length > 0)
    return storableRaw(fromCard.join(","));
  const tag = tags.find((t) => t.startsWith("license:"));
  return tag === undefined ? null : tag.slice("license:".length);
}

function gatedOf(value: unknown): string | null {
  if (value === false) return "false";
  if (value === true) return "true";
  return typeof value === "string" ? storableRaw(value) : null;
}

/** The record's own id (`id`, else `modelId`) through the one normaliser; a record is a model, org or not. */
function idOf(record: Record<string, unknown>): string | null {
  for (const key of ["id", "modelId"]) {
    const value = record[key];
    if (typeof value !== "string") continue;
    const reference = readModelReference(value);
    if ("id" in reference) return reference.id;
  }
  return null;
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
    throw new InvalidRecordError(`a model record must be a JSON object, got ${previewJson(input)}`);
  }
  const record = input as HubModelRecord & Record<string, unknown>;
  const id = idOf(record);
  if (id === null) {
    const given = record.id ?? record.modelId ?? null;
    const reason = typeof given === "string" ? readModelReference(given) : null;
    throw new InvalidRecordError(
      `record has no valid model id (id: ${previewJson(given)}` +
        `${reason !== null && "reason" in reason ? `: ${reason.reason}` : ""})`,
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
      `field "cardData" should be an object, got ${previewJson(record.cardData)}; ` + "its base_model was not read",
    );
  }
  const cardBases = normalizeBaseModel(card?.base_model);

  const edges: EdgeRow[] = [];
  const unresolved: UnresolvedRow[] = cardBases.unresolved.map((u) => ({ child: id, raw: u.raw, reason: u.reason }));
  const { bases: tagged, findings } = readBaseModelTags(tags);
  const reported = new Set(unresolved.map((u) => u.raw));
  const report = (raw: string, reason: UnresolvedRow["reason"]) => {
    const stored = storableRaw(raw);
    if (reported.has(stored)) return;
    reported.add(stored);
    unresolved.push({ child: id, raw: stored, reason });
  };
  for (const finding of findings) report(finding.tag, finding.reason);
  if (tagged.length > 0) {
    const fallback = declaredRelation(card?.base_model_relation, tagged.length);
    for (const t of tagged)
      edges.push({
        child: id,
        parent: t.parent,
        relation: t.relation ?? fallback,
        source: "tag",
        raw: storableRaw(t.tag),
        ...(t.orgless ? { orgless: true } : {}),
      });
    const resolved = new Set(tagged.map((t) => t.parent.toLowerCase()));
    cardBases.ids.forEach((cardId, index) => {
      if (!resolved.has(cardId.toLowerCase())) report(cardBases.written[index] ?? cardId, "not-resolved-by-hub");
    });
  } else {
    const relation = declaredRelation(card?.base_model_relation, cardBases.ids.length);
    cardBases.ids.forEach((parent, index) =>
      edges.push({
        child: id,
        parent,
        relation,
        source: "card",
        raw: cardBases.written[index] ?? parent,
        ...(cardBases.orgless[index] === true ? { orgless: true } : {}),
      }),
    );
  }

  return {
    model: {
      id,
      author: textField(record, "author", warnings) ?? (id.includes("/") ? id.slice(0, id.indexOf("/")) : null),
      createdAt: dateField(record, "createdAt", warnings),
      lastModified: dateField(record, "lastModified", warnings),
      downloads: countField(record, "downloads", warnings),
      likes: countField(record, "likes", warnings),
      libraryName: textField(record, "library_name", warnings),
      pipelineTag: textField(record, "pipeline_tag", warnings),
      license: licenseOf(record, tags),
      gated: gatedOf(record.gated),
      architecture: null,
      baseModelRaw: card?.base_model === undefined ? null : boundedJson(card.base_model),
    },
    details: detailsOfHubRecord(record, tags, card, warnings),
    existing: [],
    edges,
    unresolved,
    replacesDeclaredBasesOf: id,
    warnings,
  };
}
