// The Report page's bar charts, drawn in the page as SVG elements: months and days as columns, families, size
// classes and precisions as labelled rows, and a series per format or library as small charts side by side over the
// same months. Every label is a text node; nothing from the data is read as markup.

import type { Cell, ReportTable } from "../src/export/report-document.js";
import { cellText } from "./report-cells.js";

const SVG = "http://www.w3.org/2000/svg";

export interface Bar {
  label: string;
  /** The bar's height; null when the data does not say (no bar is drawn, the label says "—"). */
  value: number | null;
}

export interface ChartPlan {
  kind: "columns" | "rows";
  /** The header of the column drawn. */
  column: string;
  bars: Bar[];
}

/**
 * Which tables are drawn, by their header: a time series of one count (as the HTML form draws it), each family's
 * descendants, and the models of each size class and of each precision. Time series of several counts are drawn by
 * seriesPlans; other tables are shown as tables only.
 */
const RULES: { first: string; column: string; kind: ChartPlan["kind"]; columns?: number }[] = [
  { first: "month", column: "models", kind: "columns", columns: 2 },
  { first: "family", column: "descendants", kind: "rows" },
  { first: "class", column: "models", kind: "rows" },
  { first: "precision", column: "models", kind: "rows" },
];

const numberOf = (cell: Cell | undefined): number | null => (typeof cell === "number" ? cell : null);

export function chartPlan(table: ReportTable): ChartPlan | null {
  const [header, ...rows] = table.rows;
  if (header === undefined || rows.length === 0) return null;
  for (const rule of RULES) {
    if (header[0] !== rule.first || (rule.columns !== undefined && header.length !== rule.columns)) continue;
    const index = header.indexOf(rule.column);
    if (index < 1) continue;
    const bars = rows.map((row) => ({ label: cellText(row[0] ?? null), value: numberOf(row[index]) }));
    return { kind: rule.kind, column: rule.column, bars };
  }
  return null;
}

/**
 * A table of months by several named series (models per month by format, by library): one column chart per series
 * that counts any model, over all the table's months, so the charts line up. Empty for any other table.
 */
export function seriesPlans(table: ReportTable): ChartPlan[] {
  const [header, ...rows] = table.rows;
  if (header === undefined || header[0] !== "month" || header.length <= 2 || rows.length === 0) return [];
  return header.slice(1).flatMap((name, i) => {
    const bars = rows.map((row) => ({ label: cellText(row[0] ?? null), value: numberOf(row[i + 1]) }));
    if (!bars.some((bar) => (bar.value ?? 0) > 0)) return [];
    return [{ kind: "columns" as const, column: cellText(name), bars }];
  });
}

function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function titled<T extends SVGElement>(element: T, text: string): T {
  const title = svgElement("title", {});
  title.textContent = text;
  element.append(title);
  return element;
}

const count = (value: number | null) => (value === null ? "—" : value.toLocaleString("en-US"));

/** The drawn size of a column chart: a full one, or one of several small ones side by side. */
const FULL = { barWidth: 14, minWidth: 320, maxWidth: 900, height: 140 };
const SMALL = { barWidth: 6, minWidth: 200, maxWidth: 420, height: 100 };

/** A time series as columns, oldest first, with its first and last labels and its largest value written under it. */
function columnChart(plan: ChartPlan, caption: string, size = FULL): SVGSVGElement {
  const width = Math.min(Math.max(plan.bars.length * size.barWidth, size.minWidth), size.maxWidth);
  const height = size.height;
  const plot = height - 28;
  const step = width / plan.bars.length;
  const max = Math.max(1, ...plan.bars.map((bar) => bar.value ?? 0));
  const svg = svgElement("svg", {
    class: "report-chart columns",
    role: "img",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  });
  svg.setAttribute("aria-label", caption);
  plan.bars.forEach((bar, i) => {
    const barHeight = bar.value === null ? 0 : Math.max((bar.value / max) * plot, bar.value > 0 ? 1 : 0);
    const rect = svgElement("rect", {
      class: bar.value === null ? "bar unknown" : "bar",
      x: i * step + step * 0.1,
      y: plot - barHeight,
      width: Math.max(step * 0.8, 1),
      height: barHeight,
    });
    rect.dataset.label = bar.label;
    rect.dataset.value = bar.value === null ? "" : String(bar.value);
    svg.append(titled(rect, `${bar.label}: ${count(bar.value)}`));
  });
  const axis = (x: number, anchor: string, text: string) => {
    const label = svgElement("text", { x, y: height - 6, "text-anchor": anchor, class: "axis" });
    label.textContent = text;
    svg.append(label);
  };
  axis(0, "start", plan.bars[0]?.label ?? "");
  if (plan.bars.length > 1) axis(width, "end", plan.bars[plan.bars.length - 1]?.label ?? "");
  axis(width / 2, "middle", `largest ${count(Math.max(0, ...plan.bars.map((bar) => bar.value ?? 0)))}`);
  return svg;
}

/** Named categories as horizontal bars, each with its label and its value written beside it. */
function rowChart(plan: ChartPlan, caption: string): SVGSVGElement {
  const rowHeight = 20;
  const labelWidth = 220;
  const barSpace = 360;
  const width = labelWidth + barSpace + 90;
  const height = plan.bars.length * rowHeight + 4;
  const max = Math.max(1, ...plan.bars.map((bar) => bar.value ?? 0));
  const svg = svgElement("svg", {
    class: "report-chart rows",
    role: "img",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
  });
  svg.setAttribute("aria-label", caption);
  plan.bars.forEach((bar, i) => {
    const y = i * rowHeight + 2;
    const label = svgElement("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end", class: "axis" });
    label.textContent = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
    const barWidth = bar.value === null ? 0 : Math.max((bar.value / max) * barSpace, bar.value > 0 ? 1 : 0);
    const rect = svgElement("rect", {
      class: bar.value === null ? "bar unknown" : "bar",
      x: labelWidth,
      y: y + 3,
      width: barWidth,
      height: rowHeight - 6,
    });
    rect.dataset.label = bar.label;
    rect.dataset.value = bar.value === null ? "" : String(bar.value);
    const value = svgElement("text", { x: labelWidth + barWidth + 6, y: y + 14, class: "axis" });
    value.textContent = count(bar.value);
    svg.append(titled(label, bar.label), titled(rect, `${bar.label}: ${count(bar.value)}`), value);
  });
  return svg;
}

/** Small column charts side by side, one per series, each captioned with the series' name and its total. */
function smallMultiples(plans: ChartPlan[], title: string): HTMLElement {
  const block = document.createElement("div");
  block.className = "report-multiples";
  for (const plan of plans) {
    const figure = document.createElement("figure");
    figure.className = "report-multiple";
    figure.dataset.series = plan.column;
    const caption = document.createElement("figcaption");
    caption.textContent = `${plan.column}: ${count(plan.bars.reduce((sum, bar) => sum + (bar.value ?? 0), 0))}`;
    figure.append(caption, columnChart(plan, `${title}: ${plan.column}`, SMALL));
    block.append(figure);
  }
  return block;
}

/** The table's chart (or charts), or null when the table is not one that is drawn (or has nothing to draw). */
export function reportChart(table: ReportTable): Element | null {
  const series = seriesPlans(table);
  if (series.length > 0) return smallMultiples(series, table.title);
  const plan = chartPlan(table);
  if (plan === null || plan.bars.length === 0) return null;
  const caption = `${table.title}: ${plan.column}`;
  return plan.kind === "columns" ? columnChart(plan, caption) : rowChart(plan, caption);
}
