// Real Hub records for the bad-input tests: entries of the bundled family-tree dumps, read here without the
// project's own readers and put in the Hub API's JSON shape, so tests corrupt copies of real records.

import { parse as parseYaml } from "yaml";
import { bundledText } from "./bundled-data.js";

export type DumpEntry = Record<string, unknown> & { model_id: string; metadata: string };

const dumps = new Map<string, DumpEntry[]>();

/** The entries of a dump (read once per file, shared: clone before changing one). */
export function dumpEntries(path: string): DumpEntry[] {
  let entries = dumps.get(path);
  if (entries === undefined) {
    entries = (JSON.parse(bundledText(path)) as { models: DumpEntry[] }).models;
    dumps.set(path, entries);
  }
  return entries;
}

/** A deep copy of the dump entry with this model_id (as the dump spells it). */
export function realEntry(path: string, modelId: string): DumpEntry {
  const entry = dumpEntries(path).find((candidate) => candidate.model_id === modelId);
  if (entry === undefined) throw new Error(`test data: no entry "${modelId}" in ${path}`);
  return structuredClone(entry);
}

export type HubRecord = Record<string, unknown> & { cardData: Record<string, unknown>; tags: string[] };

/**
 * The entry's metadata in the shape `/api/models/{id}` sends: camelCase dates in ISO form, `cardData` as an
 * object (the dump holds the card's YAML as text). A fresh copy each call, free to corrupt.
 */
export function hubRecordOf(path: string, modelId: string): HubRecord {
  const metadata = JSON.parse(realEntry(path, modelId).metadata) as Record<string, unknown>;
  const iso = (value: unknown) => new Date(String(value).replace(" ", "T")).toISOString();
  return {
    id: metadata.id,
    author: metadata.author,
    createdAt: iso(metadata.created_at),
    lastModified: iso(metadata.last_modified),
    private: metadata.private,
    gated: metadata.gated,
    downloads: metadata.downloads,
    likes: metadata.likes,
    library_name: metadata.library_name,
    pipeline_tag: metadata.pipeline_tag,
    tags: metadata.tags as string[],
    cardData: parseYaml(metadata.card_data as string) as Record<string, unknown>,
  };
}

/** The same record as a crawl of a card the Hub has not resolved yet: no `base_model:` tags. */
export function withoutBaseModelTags<T extends { tags: string[] }>(record: T): T {
  return { ...record, tags: record.tags.filter((tag) => !tag.startsWith("base_model:")) };
}
