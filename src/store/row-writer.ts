// The one save path's second half: writes the rows of source records into the store, merging with what is
// there. Callers wrap a batch in one transaction (see runs.ts); this file only knows how rows merge.

import type { RecordRows, UnresolvedRow } from "../ingest/record-rows.js";
import { wellFormed } from "../vocabulary/safe-text.js";
import { connectionOf, type Store } from "./database-handle.js";
import { DETAILS_MERGE, modelMerge } from "./merge-rules.js";

export interface WriteCounts {
  models: number;
  edges: number;
  unresolved: number;
}

export interface RowWriter {
  /** Writes one record's rows; returns how many rows of each kind it wrote. */
  write(rows: RecordRows): WriteCounts;
}

/**
 * A record's details replace the stored tags, and the card's licence fields when the record carries its card,
 * while the fields a listing may leave out (gguf, safetensors, config, files, all-time downloads) keep a known value
 * (each on its own: a record giving a gguf total but no context length keeps the stored context length).
 * A record's fields overwrite stored ones, except that a missing value never erases a known one (sources
 * differ in what they carry), with one exception: a record that is the whole truth about its declared bases
 * (`replacesDeclaredBasesOf`) also replaces the raw `base_model` value, so a base removed from a card goes. A model
 * named only as a parent is stored as a placeholder until a record or an edge list shows it exists.
 */
export function createRowWriter(store: Store): RowWriter {
  const db = connectionOf(store);
  const upsertModel = db.prepare(`
    INSERT INTO models (id, author, created_at, last_modified, downloads, likes, library_name, pipeline_tag, license,
                        gated, architecture, placeholder, base_model_raw)
    VALUES (@id, @author, @createdAt, @lastModified, @downloads, @likes, @libraryName, @pipelineTag, @license,
            @gated, @architecture, 0, @baseModelRaw)
    ON CONFLICT (id) DO UPDATE SET ${modelMerge("replacesDeclaredBases")}`);
  const upsertDetails = db.prepare(`
    INSERT INTO model_details (node, tags, card_license, license_name, license_link, gguf_total, gguf_architecture,
                               safetensors_total, model_type, architectures, file_count, format_files,
                               downloads_all_time, safetensors_parameters, gguf_context_length, experts,
                               experts_per_token)
    SELECT node, @tags, @cardLicense, @licenseName, @licenseLink, @ggufTotal, @ggufArchitecture, @safetensorsTotal,
           @modelType, @architectures, @fileCount, @formatFiles, @downloadsAllTime, @safetensorsParameters,
           @ggufContextLength, @experts, @expertsPerToken FROM models WHERE id = @id
    ON CONFLICT (node) DO UPDATE SET ${DETAILS_MERGE}`);
  const markExisting = db.prepare(`
    INSERT INTO models (id, author, placeholder) VALUES (?, ?, 0)
    ON CONFLICT (id) DO UPDATE SET placeholder = 0`);
  const insertPlaceholder = db.prepare(
    `INSERT INTO models (id, author, placeholder) VALUES (?, ?, 1) ON CONFLICT (id) DO NOTHING`,
  );
  const deleteDeclaredEdges = db.prepare(`DELETE FROM edges WHERE child = ? AND source IN ('tag', 'card')`);
  const deleteUnresolved = db.prepare(`DELETE FROM unresolved WHERE child = ?`);
  const upsertEdge = db.prepare(`
    INSERT INTO edges (child, parent, relation, source, raw) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (child, parent, source) DO UPDATE SET relation = excluded.relation, raw = excluded.raw`);
  const insertUnresolved = db.prepare(
    `INSERT INTO unresolved (child, raw, reason) VALUES (@child, @raw, @reason) ON CONFLICT (child, raw) DO NOTHING`,
  );
  const updateUnresolved = db.prepare(`UPDATE unresolved SET reason = @reason WHERE child = @child AND raw = @raw`);
  const hasRecord = db.prepare(`SELECT 1 FROM models WHERE id = ? AND placeholder = 0`).pluck();
  /** Stores a finding; counts it only when it is a new row, so the counts are what the table holds. */
  const writeUnresolved = (entry: UnresolvedRow): number => {
    const row = { child: wellFormed(entry.child), raw: wellFormed(entry.raw), reason: entry.reason };
    if (insertUnresolved.run(row).changes > 0) return 1;
    updateUnresolved.run(row);
    return 0;
  };

  const authorOf = (id: string): string | null => (id.includes("/") ? id.slice(0, id.indexOf("/")) : null);

  return {
    write(rows) {
      let models = 0;
      if (rows.model !== null) {
        const fields = Object.entries(rows.model).map(([key, value]) => [
          key,
          typeof value === "string" ? wellFormed(value) : value,
        ]);
        upsertModel.run({
          ...Object.fromEntries(fields),
          replacesDeclaredBases: rows.replacesDeclaredBasesOf === rows.model.id ? 1 : 0,
        });
        models++;
        const details = rows.details;
        if (details !== undefined) {
          upsertDetails.run({
            ...details,
            id: rows.model.id,
            hasCard: details.hasCard ? 1 : 0,
            tags: JSON.stringify(details.tags),
            architectures: details.architectures === null ? null : JSON.stringify(details.architectures),
            formatFiles: details.formatFiles === null ? null : JSON.stringify(details.formatFiles),
            safetensorsParameters:
              details.safetensorsParameters === null ? null : JSON.stringify(details.safetensorsParameters),
          });
        }
      }
      for (const id of rows.existing) models += markExisting.run(id, authorOf(id)).changes;
      if (rows.replacesDeclaredBasesOf !== null) {
        deleteDeclaredEdges.run(rows.replacesDeclaredBasesOf);
        deleteUnresolved.run(rows.replacesDeclaredBasesOf);
      }
      let edges = 0;
      let unresolved = 0;
      for (const edge of rows.edges) {
        if (edge.orgless === true && hasRecord.get(edge.parent) === undefined) {
          unresolved += writeUnresolved({ child: edge.child, raw: edge.raw, reason: "no-org" });
          continue;
        }
        edges++;
        insertPlaceholder.run(edge.parent, authorOf(edge.parent));
        if (rows.model?.id !== edge.child && !rows.existing.includes(edge.child))
          markExisting.run(edge.child, authorOf(edge.child));
        upsertEdge.run(edge.child, edge.parent, edge.relation, edge.source, wellFormed(edge.raw));
      }
      for (const entry of rows.unresolved) unresolved += writeUnresolved(entry);
      return { models, edges, unresolved };
    },
  };
}
