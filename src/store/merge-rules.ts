// How a stored row takes in a newer record's values, written once for the row writer and the batch writer: a value
// the record does not give keeps the stored one; declared bases and card fields are replaced only when asked.

/**
 * The `DO UPDATE SET` of an upsert into `models`; `replaces` names the parameter that says the record's declared
 * bases replace the stored ones.
 */
export function modelMerge(replaces: string): string {
  return `
      author = coalesce(excluded.author, author),
      created_at = coalesce(excluded.created_at, created_at),
      last_modified = coalesce(excluded.last_modified, last_modified),
      downloads = coalesce(excluded.downloads, downloads),
      likes = coalesce(excluded.likes, likes),
      library_name = coalesce(excluded.library_name, library_name),
      pipeline_tag = coalesce(excluded.pipeline_tag, pipeline_tag),
      license = coalesce(excluded.license, license),
      gated = coalesce(excluded.gated, gated),
      architecture = coalesce(excluded.architecture, architecture),
      placeholder = 0,
      base_model_raw = CASE WHEN @${replaces} THEN excluded.base_model_raw
                            ELSE coalesce(excluded.base_model_raw, base_model_raw) END`;
}

/** The `DO UPDATE SET` of an upsert into `model_details`; `@hasCard` says the record carried a card. */
export const DETAILS_MERGE = `
      tags = excluded.tags,
      card_license = CASE WHEN @hasCard THEN excluded.card_license ELSE card_license END,
      license_name = CASE WHEN @hasCard THEN excluded.license_name ELSE license_name END,
      license_link = CASE WHEN @hasCard THEN excluded.license_link ELSE license_link END,
      gguf_total = coalesce(excluded.gguf_total, gguf_total),
      gguf_architecture = coalesce(excluded.gguf_architecture, gguf_architecture),
      safetensors_total = coalesce(excluded.safetensors_total, safetensors_total),
      model_type = coalesce(excluded.model_type, model_type),
      architectures = coalesce(excluded.architectures, architectures),
      file_count = coalesce(excluded.file_count, file_count),
      format_files = coalesce(excluded.format_files, format_files),
      downloads_all_time = coalesce(excluded.downloads_all_time, downloads_all_time),
      safetensors_parameters = coalesce(excluded.safetensors_parameters, safetensors_parameters),
      gguf_context_length = coalesce(excluded.gguf_context_length, gguf_context_length),
      experts = coalesce(excluded.experts, experts),
      experts_per_token = coalesce(excluded.experts_per_token, experts_per_token)`;
