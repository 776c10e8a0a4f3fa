// A report cell as the page shows it: counts with grouped digits, shares as percentages, "—" for what the data does
// not say. The same reading as src/export/report-render.ts (which the browser cannot import: it pulls Node modules).

import type { Cell } from "../src/export/report-document.js";

export const UNKNOWN = "—";

export function cellText(cell: Cell): string {
  if (cell === null) return UNKNOWN;
  if (typeof cell === "number") return cell.toLocaleString("en-US");
  if (typeof cell === "object") return cell.share === null ? UNKNOWN : `${(cell.share * 100).toFixed(2)}%`;
  return cell;
}

export const isNumeric = (cell: Cell) => typeof cell === "number" || (cell !== null && typeof cell === "object");
