// Output helpers shared by the commands: JSON for scripts, aligned columns and thousands separators for people.

import { formatCount } from "../vocabulary/count-text.js";

export { formatCount };

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** How text output shows a value no source gave (downloads, likes, dates): never as 0. */
export const UNKNOWN = "—";

/**
 * Rows of cells as aligned columns. A column holding a number in any row but the first (the header) is
 * right-aligned; null is a value no source gave, shown as UNKNOWN.
 */
export function table(rows: (string | number | null)[][]): string {
  if (rows.length === 0) return "";
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === "number" ? formatCount(cell) : cell === null ? UNKNOWN : cell)),
  );
  const widths = (cells[0] as string[]).map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = (cells[0] as string[]).map((_, column) =>
    rows.slice(1).some((row) => typeof row[column] === "number"),
  );
  return (
    cells
      .map((row) =>
        row
          .map((cell, column) =>
            numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
          )
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}
