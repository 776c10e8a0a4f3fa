// Output helpers shared by the commands: JSON for scripts, aligned columns and thousands separators for people.

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** Rows of cells as aligned columns; numbers (right-aligned) are detected per column from the first row. */
export function table(rows: (string | number)[][]): string {
  if (rows.length === 0) return "";
  const cells = rows.map((row) => row.map((cell) => (typeof cell === "number" ? formatCount(cell) : cell)));
  const widths = (cells[0] as string[]).map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = (rows[rows.length - 1] as (string | number)[]).map((cell) => typeof cell === "number");
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
