// How an exported node looks in Gephi: a colour by relation or by org, a size growing with the log of its
// downloads, and a position when a layout is given. Pure functions of the row, so every export is reproducible.

import { orgOf } from "../vocabulary/model-id.js";
import type { Relation } from "../vocabulary/relation.js";
import type { ExportNode } from "./export-rows.js";

export const COLOR_MODES = ["relation", "org"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Node positions from a layout, looked up by id; nodes without one get no position. */
export type PositionLookup = (id: string) => { x: number; y: number } | undefined;

const RELATION_COLORS: Record<Relation | "root", Rgb> = {
  root: { r: 64, g: 64, b: 64 },
  finetune: { r: 31, g: 119, b: 180 },
  adapter: { r: 44, g: 160, b: 44 },
  quantized: { r: 255, g: 127, b: 14 },
  merge: { r: 148, g: 103, b: 189 },
  unknown: { r: 160, g: 160, b: 160 },
};

/** A stable colour per org: its name hashed (FNV-1a) to a hue, at fixed saturation and lightness. */
function orgColor(org: string): Rgb {
  let hash = 0x811c9dc5;
  for (let i = 0; i < org.length; i++) hash = Math.imul(hash ^ org.charCodeAt(i), 0x01000193) >>> 0;
  const hue = (hash % 360) / 60;
  const chroma = 0.6 * 0.7;
  const x = chroma * (1 - Math.abs((hue % 2) - 1));
  const [r, g, b] = hue < 1 ? [chroma, x, 0] : hue < 2 ? [x, chroma, 0] : hue < 3 ? [0, chroma, x] : hue < 4 ? [0, x, chroma] : hue < 5 ? [x, 0, chroma] : [chroma, 0, x];
  const m = 0.55 - chroma / 2;
  return { r: Math.round((r + m) * 255), g: Math.round((g + m) * 255), b: Math.round((b + m) * 255) };
}

export function nodeColor(node: ExportNode, mode: ColorMode): Rgb {
  if (mode === "relation") return RELATION_COLORS[node.relation ?? "root"];
  return orgColor(orgOf(node.id) ?? node.author ?? node.id);
}

/** 1 + 2·log10(1 + downloads): 1 for a model nobody downloads, about 3 at 10 downloads, about 13 at a million. */
export function nodeSize(node: ExportNode): number {
  return 1 + 2 * Math.log10(1 + Math.max(0, node.downloads ?? 0));
}
