// The report document written as text (aligned columns), Markdown (pipe tables) or a standalone HTML page (tables and
// bar charts drawn as inline SVG, no resource from another site). Text from the data is escaped for each form.

import { printable } from "../vocabulary/safe-text.js";
import type { Cell, ReportSection, ReportTable } from "./report-document.js";
import { escapeXml } from "./xml-text.js";
import { formatCount } from "../vocabulary/count-text.js";

export const REPORT_FORMATS = ["text", "markdown", "json", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const UNKNOWN = "—";

function rawCellText(cell: Cell): string {
  if (cell === null) return UNKNOWN;
  if (typeof cell === "number") return formatCount(cell);
  if (typeof cell === "object") return cell.share === null ? UNKNOWN : `${(cell.share * 100).toFixed(2)}%`;
  return cell;
}

/** A cell as text, control characters and bidirectional overrides from the data shown as escapes. */
const cellText = (cell: Cell) => printable(rawCellText(cell));

const isNumeric = (cell: Cell) => typeof cell === "number" || (cell !== null && typeof cell === "object");

export function reportText(sections: ReportSection[]): string {
  const parts: string[] = [];
  for (const section of sections) {
    parts.push(`== ${section.title} ==\n${section.definitions.map((line) => `  ${printable(line)}\n`).join("")}`);
    for (const table of section.tables) {
      const cells = table.rows.map((row) => row.map(cellText));
      const widths = (cells[0] ?? []).map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
      const right = (cells[0] ?? []).map((_, column) =>
        table.rows.slice(1).some((row) => isNumeric(row[column] ?? null)),
      );
      const lines = cells.map((row) =>
        row
          .map((cell, column) =>
            right[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
          )
          .join("  ")
          .trimEnd(),
      );
      parts.push(`${printable(table.title)}\n${lines.join("\n")}\n`);
    }
  }
  return parts.join("\n");
}

/** Markdown cell text: control characters shown as escapes, and the characters Markdown or HTML would read escaped. */
function markdownCell(cell: Cell): string {
  return printable(cellText(cell)).replace(/[\\`*_{}[\]<>()#+!|~&]/g, (character) => `\\${character}`);
}

export function reportMarkdown(sections: ReportSection[]): string {
  const parts: string[] = ["# hf-lineage report\n"];
  for (const section of sections) {
    parts.push(
      `## ${markdownCell(section.title)}\n\n${section.definitions.map((line) => `- ${markdownCell(line)}\n`).join("")}`,
    );
    for (const table of section.tables) {
      const [header, ...rows] = table.rows;
      const line = (row: Cell[]) => `| ${row.map(markdownCell).join(" | ")} |`;
      const align = (header ?? []).map((_, column) =>
        rows.some((row) => isNumeric(row[column] ?? null)) ? "---:" : "---",
      );
      parts.push(
        `**${markdownCell(table.title)}**\n\n${line(header ?? [])}\n` +
          `| ${align.join(" | ")} |\n${rows.map(line).join("\n")}\n`,
      );
    }
  }
  return parts.join("\n");
}

const html = (text: string) => escapeXml(printable(text));

/** One table cell as HTML, numbers right-aligned. */
const htmlCell = (cell: Cell) => `<td${isNumeric(cell) ? ' class="n"' : ""}>${html(cellText(cell))}</td>`;

/** A bar chart of one numeric column of a table by its first column, as inline SVG (at most 60 bars). */
function barChart(table: ReportTable, column = 1, label = table.title): string {
  const rows = table.rows
    .slice(1)
    .filter((row) => typeof row[column] === "number")
    .slice(-60);
  if (rows.length < 2) return "";
  const max = Math.max(...rows.map((row) => row[column] as number), 1);
  const width = 12;
  const height = 120;
  const bars = rows
    .map((row, i) => {
      const value = row[column] as number;
      const barHeight = Math.round((value / max) * height);
      const label = `${html(cellText(row[0] ?? null))}: ${html(cellText(value))}`;
      const box = `x="${i * width}" y="${height - barHeight}" width="${width - 2}" height="${barHeight}"`;
      return `<rect ${box}><title>${label}</title></rect>`;
    })
    .join("");
  const size = `width="${rows.length * width}" height="${height}" viewBox="0 0 ${rows.length * width} ${height}"`;
  return `<svg class="chart" role="img" aria-label="${html(label)}" ${size}>${bars}</svg>`;
}

/** The charts of a time series table: one for a single count, one per series that counts any model for several. */
function seriesCharts(table: ReportTable): string {
  const header = table.rows[0] ?? [];
  if (header.length === 2) return barChart(table);
  return header
    .slice(1)
    .map((name, i) => {
      const total = table.rows
        .slice(1)
        .reduce((sum, row) => sum + (typeof row[i + 1] === "number" ? (row[i + 1] as number) : 0), 0);
      if (total === 0) return "";
      const chart = barChart(table, i + 1, `${table.title}: ${cellText(name)}`);
      const caption = `<figcaption>${html(cellText(name))}: ${html(cellText(total))}</figcaption>`;
      return `<figure class="series">${caption}${chart}</figure>`;
    })
    .join("");
}

export function reportHtml(sections: ReportSection[]): string {
  const body = sections
    .map((section) => {
      const tables = section.tables
        .map((table) => {
          const [header, ...rows] = table.rows;
          const head = (header ?? []).map((cell) => `<th>${html(cellText(cell))}</th>`).join("");
          const cells = rows.map((row) => `<tr>${row.map(htmlCell).join("")}</tr>`).join("\n");
          const timeSeries = /per (month|day)/.test(table.title) && ["month", "day"].includes(String(header?.[0]));
          const chart = timeSeries ? seriesCharts(table) : "";
          const body = `<table><thead><tr>${head}</tr></thead><tbody>\n${cells}\n</tbody></table>`;
          return `<h3>${html(table.title)}</h3>\n${chart}${body}`;
        })
        .join("\n");
      const definitions = section.definitions.map((line) => `<li>${html(line)}</li>`).join("");
      return `<section><h2>${html(section.title)}</h2><ul class="definitions">${definitions}</ul>\n${tables}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>hf-lineage report</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.definitions{color:#555}.chart rect{fill:#0072b2}figure.series{display:inline-block;margin:0 1em 0 0}
figcaption{font-size:12px}</style></head>
<body><h1>hf-lineage report</h1>
${body}
</body></html>
`;
}
