// The PNG of a view: a title and the active filters above the drawing as it is on screen, the legend below it,
// saved under a file name that carries the query and the filters.

import type { LegendRow } from "./legend.js";

export interface PngOptions {
  fileName: string;
  title: string;
  filters: string;
  /** The legend's rows as the page shows them for the colour chosen. */
  legend: LegendRow[];
}

/** A row's swatch: a colour scale's steps side by side, else one square. */
const swatchWidth = (row: LegendRow) => (row.scale === undefined ? 12 : 5 * row.scale.length);

const FONT = '"DejaVu Sans", system-ui, sans-serif';

/** The drawing framed by its title, filters and legend, on white. */
export function framedImage(drawing: HTMLCanvasElement, options: Omit<PngOptions, "fileName">): HTMLCanvasElement {
  const ratio = window.devicePixelRatio || 1;
  const width = drawing.width / ratio;
  const height = drawing.height / ratio;
  const rows = options.legend;
  // The legend wraps into lines as wide as the drawing.
  const measureCanvas = document.createElement("canvas").getContext("2d")!;
  measureCanvas.font = `12px ${FONT}`;
  const entries = rows.map((row) => ({
    ...row,
    text: row.count === null ? row.label : `${row.label} ${row.count.toLocaleString("en-US")}`,
  }));
  const lines: (typeof entries)[] = [[]];
  let used = 12;
  for (const entry of entries) {
    const w = swatchWidth(entry) + 6 + measureCanvas.measureText(entry.text).width + 16;
    if (used + w > width - 12 && lines[lines.length - 1]!.length > 0) {
      lines.push([]);
      used = 12;
    }
    lines[lines.length - 1]!.push(entry);
    used += w;
  }
  const header = 54;
  const footer = 12 + lines.length * 20;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((header + height + footer) * ratio);
  const ctx = canvas.getContext("2d")!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, header + height + footer);
  ctx.textBaseline = "middle";
  ctx.fillStyle = "#1d232b";
  ctx.font = `bold 16px ${FONT}`;
  ctx.fillText(options.title, 12, 18);
  ctx.fillStyle = "#5d6773";
  ctx.font = `12px ${FONT}`;
  ctx.fillText(options.filters, 12, 40);
  ctx.drawImage(drawing, 0, header, width, height);
  ctx.strokeStyle = "#d9dee4";
  ctx.beginPath();
  ctx.moveTo(0, header + height + 0.5);
  ctx.lineTo(width, header + height + 0.5);
  ctx.stroke();
  lines.forEach((line, index) => {
    let x = 12;
    const y = header + height + 16 + index * 20;
    for (const entry of line) {
      ctx.fillStyle = entry.color;
      ctx.fillRect(x, y - 6, 12, 12);
      entry.scale?.forEach((colour, step) => {
        ctx.fillStyle = colour;
        ctx.fillRect(x + 5 * step, y - 5, 5, 10);
      });
      if (entry.pill !== undefined) {
        ctx.strokeStyle = "#5d6773";
        ctx.setLineDash(entry.pill === "collapsed" ? [3, 2] : []);
        ctx.strokeRect(x + 0.5, y - 5.5, 11, 11);
        ctx.setLineDash([]);
      }
      ctx.fillStyle = "#1d232b";
      ctx.fillText(entry.text, x + swatchWidth(entry) + 6, y);
      x += swatchWidth(entry) + 6 + ctx.measureText(entry.text).width + 16;
    }
  });
  return canvas;
}

export function downloadPng(drawing: HTMLCanvasElement, options: PngOptions): void {
  framedImage(drawing, options).toBlob((blob) => {
    if (blob === null) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = options.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, "image/png");
}
