// The expert counts of a Mixture-of-Experts model as its config states them, under the keys transformers' configs
// use; a config without them says nothing (null), and no count is ever guessed from a model's name or architecture.

import { countField, objectOf } from "./record-counts.js";

/**
 * The keys of the number of (routed) experts, first found wins: `num_local_experts` (Mixtral, PhiMoE, GraniteMoE,
 * JetMoE, gpt-oss, Llama 4), `num_experts` (Qwen2/Qwen3-MoE, OLMoE, Jamba, Switch), `n_routed_experts` (DeepSeek-V2/V3,
 * GLM-4.5; shared experts are not counted), `moe_num_experts` (ERNIE 4.5).
 */
export const EXPERT_KEYS = ["num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts"] as const;
/** The keys of the number of experts each token is routed to. */
export const EXPERTS_PER_TOKEN_KEYS = ["num_experts_per_tok", "experts_per_token", "moe_k"] as const;

export interface ExpertCounts {
  experts: number | null;
  expertsPerToken: number | null;
}

/** The first key of `keys` holding a count, in the config, else in its `text_config` (multimodal models). */
function firstCount(config: Record<string, unknown>, keys: readonly string[], warnings: string[]): number | null {
  const textConfig = objectOf(config.text_config);
  const places: [Record<string, unknown> | null, string][] = [
    [config, "config"],
    [textConfig, "config.text_config"],
  ];
  for (const [place, prefix] of places) {
    if (place === null) continue;
    for (const key of keys) {
      const count = countField(place[key], `${prefix}.${key}`, warnings);
      if (count !== null) return count;
    }
  }
  return null;
}

/** The config's expert counts (null each when it states none, or states it as no count). */
export function expertCountsOf(config: Record<string, unknown> | null, warnings: string[]): ExpertCounts {
  if (config === null) return { experts: null, expertsPerToken: null };
  return {
    experts: firstCount(config, EXPERT_KEYS, warnings),
    expertsPerToken: firstCount(config, EXPERTS_PER_TOKEN_KEYS, warnings),
  };
}
