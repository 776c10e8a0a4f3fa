// One entry of the family-tree dumps (`{"models": [{model_id, metadata, children, adapters, ...}]}`) turned into
// a record in the Hub's JSON shape plus the children its lists name. `metadata` is a JSON string holding the
// Python client's model info, or `N/A`; `card_data` inside it is the card's YAML front matter as text.

import { parse as parseYaml } from "yaml";
import type { HubModelRecord } from "../hub/api-types.js";
import type { Relation } from "../vocabulary/relation.js";
import { toIsoDate } from "./iso-date.js";
import { readModelReference, type ModelReference } from "./model-reference.js";
import { previewJson, storableRaw } from "./value-text.js";

export interface ListedChild {
  child: string;
  relation: Relation;
  raw: string;
}

export interface FamilyTreeRecord {
  id: string;
  /** The model's record, or null when the dump has no metadata for it (`N/A`). */
  record: HubModelRecord | null;
  children: ListedChild[];
  problems: string[];
}

const CHILD_LISTS: readonly (readonly [string, Relation])[] = [
  ["children", "finetune"],
  ["adapters", "adapter"],
  ["quantized", "quantized"],
  ["merges", "merge"],
];

function referenceOf(value: unknown): ModelReference {
  return typeof value === "string" ? readModelReference(value) : { reason: "bad-syntax" };
}

function parseCardData(value: unknown, problems: string[]): Record<string, unknown> | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== "string") {
    problems.push(`card_data is neither YAML text nor an object; ignored`);
    return undefined;
  }
  try {
    const parsed: unknown = parseYaml(value);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    problems.push(`card_data is not a YAML mapping; ignored`);
  } catch (error) {
    problems.push(`card_data is not valid YAML (${(error as Error).message.split("\n")[0]}); ignored`);
  }
  return undefined;
}

/** The Python client's `siblings` (`RepoSibling(rfilename='a.gguf', ...)` as text, or objects) in the Hub's shape. */
function siblingsOf(value: unknown): { rfilename: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const siblings: { rfilename: string }[] = [];
  for (const item of value) {
    if (typeof item === "string") {
      const match = /rfilename=(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/.exec(item);
      const name = match?.[1] ?? match?.[2];
      if (name !== undefined) siblings.push({ rfilename: name });
    } else if (
      typeof item === "object" &&
      item !== null &&
      typeof (item as { rfilename?: unknown }).rfilename === "string"
    ) {
      siblings.push({ rfilename: (item as { rfilename: string }).rfilename });
    }
  }
  return siblings;
}

function metadataObject(value: unknown, problems: string[]): Record<string, unknown> | null {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value !== "string" || value.trim() === "" || value.trim().toUpperCase() === "N/A") {
    problems.push(`metadata is ${previewJson(value, 40)}: stored as a model without a record`);
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  problems.push(`metadata is not a JSON object: stored as a model without a record`);
  return null;
}

/** Converts one dump entry; throws when the entry names no usable model id. */
export function readFamilyTreeEntry(entry: unknown): FamilyTreeRecord {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    throw new Error(`family-tree entry must be an object, got ${previewJson(entry)}`);
  }
  const raw = entry as Record<string, unknown>;
  // The entry is the model's record: an org-less id is a model here.
  const own = referenceOf(raw.model_id);
  if ("reason" in own)
    throw new Error(
      `family-tree entry has no valid model_id (${previewJson(raw.model_id)}` +
        `${typeof raw.model_id === "string" ? `: ${own.reason}` : ""})`,
    );
  const id = own.id;
  const problems: string[] = [];
  const metadata = metadataObject(raw.metadata, problems);
  let record: HubModelRecord | null = null;
  if (metadata !== null) {
    const cardData = parseCardData(metadata.card_data ?? metadata.cardData, problems);
    record = {
      id,
      ...(typeof metadata._id === "string" ? { _id: metadata._id } : {}),
      author: typeof metadata.author === "string" ? metadata.author : undefined,
      private: metadata.private === true,
      gated: metadata.gated as HubModelRecord["gated"],
      downloads: metadata.downloads as number,
      likes: metadata.likes as number,
      createdAt: toIsoDate(metadata.created_at ?? metadata.createdAt) ?? undefined,
      lastModified: toIsoDate(metadata.last_modified ?? metadata.lastModified) ?? undefined,
      library_name: metadata.library_name as string,
      pipeline_tag: metadata.pipeline_tag as string,
      tags: metadata.tags as string[],
      ...(cardData === undefined ? {} : { cardData }),
      downloadsAllTime: (metadata.downloads_all_time ?? metadata.downloadsAllTime) as number,
      gguf: metadata.gguf,
      safetensors: metadata.safetensors,
      config: metadata.config,
      siblings: siblingsOf(metadata.siblings),
    };
    for (const key of Object.keys(record) as (keyof HubModelRecord)[])
      if (record[key] === undefined || record[key] === null) delete record[key];
  }
  const children: ListedChild[] = [];
  for (const [list, relation] of CHILD_LISTS) {
    const values = raw[list];
    if (values === undefined || values === null) continue;
    if (!Array.isArray(values)) {
      problems.push(`"${list}" is not a list; ignored`);
      continue;
    }
    for (const value of values) {
      const child = referenceOf(value);
      if ("reason" in child || child.orgless) {
        const reason = "reason" in child ? child.reason : "no-org";
        problems.push(`"${list}" entry ${previewJson(value)} is not a model (${reason}); ignored`);
      } else children.push({ child: child.id, relation, raw: storableRaw(String(value)) });
    }
  }
  return { id, record, children, problems };
}
