// How an exported node looks in Gephi: a colour by relation (the viewer's palette) or by org, a size growing with
// the log of its downloads, and a position when a layout is given. Pure functions of the row, so exports repeat.

import { orgOf } from "../vocabulary/model-id.js";
import { PLACEHOLDER_COLOR, RELATION_COLORS, ROOT_COLOR } from "../vocabulary/palette.js";
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

/** `#rrggbb` as GEXF writes it, three numbers from 0 to 255. */
function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: value >> 16, g: (value >> 8) & 0xff, b: value & 0xff };
}

/** A stable colour per org: its name hashed (FNV-1a) to a hue, at fixed saturation and lightness. */
function orgColor(org: string): Rgb {
  let hash = 0x811c9dc5;
  for (let i = 0; i < org.length; i++) hash = Math.imul(hash ^ org.charCodeAt(i), 0x01000193) >>> 0;
  const hue = (hash % 360) / 60;
  const chroma = 0.6 * 0.7;
  const x = chroma * (1 - Math.abs((hue % 2) - 1));
  const [r, g, b] =
    hue < 1
      ? [chroma, x, 0]
      : hue < 2
        ? [x, chroma, 0]
        : hue < 3
          ? [0, chroma, x]
          : hue < 4
            ? [0, x, chroma]
            : hue < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const m = 0.55 - chroma / 2;
  return { r: Math.round((r + m) * 255), g: Math.round((g + m) * 255), b: Math.round((b + m) * 255) };
}

export function nodeColor(node: ExportNode, mode: ColorMode): Rgb {
  if (mode === "relation") {
    // As the viewer colours them: a placeholder apart, a model with no base (relation null) as a root.
    if (node.placeholder) return rgbOf(PLACEHOLDER_COLOR);
    return rgbOf(node.relation === null ? ROOT_COLOR : RELATION_COLORS[node.relation]);
  }
  return orgColor(orgOf(node.id) ?? node.author ?? node.id);
}

/** 1 + 2·log10(1 + downloads): 1 for a model nobody downloads, about 3 at 10 downloads, about 13 at a million. */
export function nodeSize(node: ExportNode): number {
  return 1 + 2 * Math.log10(1 + Math.max(0, node.downloads ?? 0));
}
