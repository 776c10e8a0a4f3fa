// The viewer's lineage layout, in pixels at the opening zoom: one band per depth from the queried model
// (ancestors above, descendants below), every node a box wide enough for its dot and label, so nothing overlaps;
// a crowded band wraps into several lines (a block) instead of growing wider than the screen.

export interface LayoutItem {
  key: string;
  /** Depth from the queried model: 0 for the family's own models, negative for ancestors. */
  row: number;
  /** The box: the dot, a gap and the label, in pixels. */
  width: number;
  height: number;
  /** The dot's radius; the dot sits at the box's left edge plus this. */
  radius: number;
  /** Orders siblings, larger first (then by key). */
  weight: number;
}

export interface LayoutOptions {
  /** Width over height of the area the drawing should fill. */
  aspect: number;
  /** Empty space between two depth bands (room for the edges). */
  rowGap?: number;
  /** Empty space between two boxes side by side. */
  columnGap?: number;
  /** Bands wrap at exactly this width, instead of the width that best fits `aspect`. */
  maxWidth?: number;
}

export interface LayoutBox {
  /** The dot's centre, y pointing down. */
  x: number;
  y: number;
  /** The box: left, top, width, height. */
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LayoutRow {
  row: number;
  top: number;
  bottom: number;
  /** The height of one line of the band (a wrapped block has several). */
  line: number;
}

export interface Layout {
  /** Depth rows (a small view opens at 1:1 at least, a pan away) or rings (always opened whole). */
  shape: "rows" | "rings";
  boxes: Map<string, LayoutBox>;
  rows: LayoutRow[];
  width: number;
  height: number;
  /** The tree parent each node hangs under (toward row 0), null for a node of row 0 or one whose link is not drawn. */
  treeParent: Map<string, string | null>;
  /** The most lines a wrapped block of leaves was given. */
  blockLines: number;
}

/**
 * Lays out `items` (edges as [parent, child] pairs among them) in bands, one per row. Each node has a tree parent,
 * its heaviest neighbour one row closer to row 0; a band's nodes are ordered by their tree parent's place, then
 * by weight, and wrap column by column into as many lines as the band needs to stay within the chosen width.
 * Columns sit as near their parents as the band's room allows. The width that best fits `aspect` is chosen.
 */
export function lineageLayout(
  items: readonly LayoutItem[],
  edges: readonly (readonly [string, string])[],
  options: LayoutOptions,
): Layout {
  const rowGap = options.rowGap ?? 32;
  const columnGap = options.columnGap ?? 12;
  if (!(options.aspect > 0)) throw new Error(`viewer/layout: aspect must be positive, got ${options.aspect}`);
  const n = items.length;
  const index = new Map<string, number>();
  items.forEach((item, i) => index.set(item.key, i));

  // The tree: each node's parent is the heaviest neighbour one row closer to row 0.
  const parent = new Int32Array(n).fill(-1);
  const heavier = (a: number, b: number) =>
    b < 0 ||
    items[a]!.weight > items[b]!.weight ||
    (items[a]!.weight === items[b]!.weight && items[a]!.key < items[b]!.key);
  for (const [source, target] of edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || s === t) continue;
    const rs = items[s]!.row;
    const rt = items[t]!.row;
    // Below row 0 a child hangs under a parent; above it, a parent hangs over a child.
    if (rt > 0 && rs === rt - 1 && heavier(s, parent[t]!)) parent[t] = s;
    if (rs < 0 && rt === rs + 1 && heavier(t, parent[s]!)) parent[s] = t;
  }

  // Bands, nearest rows first, so every tree parent is ordered before its children.
  const bands = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = bands.get(items[i]!.row);
    if (list === undefined) bands.set(items[i]!.row, [i]);
    else list.push(i);
  }
  const rowNumbers = [...bands.keys()].sort((a, b) => a - b);
  const outward = [...rowNumbers].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
  const rank = new Float64Array(n);
  const byWeight = (a: number, b: number) =>
    items[b]!.weight - items[a]!.weight || (items[a]!.key < items[b]!.key ? -1 : items[a]!.key > items[b]!.key ? 1 : 0);
  for (const row of outward) {
    const band = bands.get(row)!;
    band.sort((a, b) => {
      const pa = parent[a]! < 0 ? Infinity : rank[parent[a]!]!;
      const pb = parent[b]! < 0 ? Infinity : rank[parent[b]!]!;
      return pa - pb || byWeight(a, b);
    });
    band.forEach((node, position) => (rank[node] = position));
  }
  const widest = items.reduce((most, item) => Math.max(most, item.width), 1);

  /** The width of a band dealt into columns of `lines` boxes. */
  function widthWith(band: number[], lines: number): number {
    let width = -columnGap;
    for (let start = 0; start < band.length; start += lines) {
      let widest = 0;
      for (let k = start; k < Math.min(start + lines, band.length); k++)
        widest = Math.max(widest, items[band[k]!]!.width);
      width += widest + columnGap;
    }
    return width;
  }

  /** As few lines as keep a band within `limit` (a binary search). */
  function linesFor(band: number[], limit: number): number {
    // A band's columns are at least as wide as its boxes side by side over the lines: no fewer lines can do.
    const sum = band.reduce((total, k) => total + items[k]!.width + columnGap, 0);
    let low = Math.max(1, Math.ceil(sum / (limit + columnGap)) - 1);
    let high = Math.max(low, band.length);
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (widthWith(band, middle) <= limit) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The height of a band dealt into columns of `lines` boxes: its tallest column. */
  function heightWith(band: number[], lines: number): number {
    let tallest = 0;
    for (let start = 0; start < band.length; start += lines) {
      let height = 0;
      for (let k = start; k < Math.min(start + lines, band.length); k++) height += items[band[k]!]!.height;
      tallest = Math.max(tallest, height);
    }
    return tallest;
  }

  /** The band's columns for a width limit, as few lines as keep it within `limit`; a column's boxes stack. */
  function columnsOf(
    band: number[],
    limit: number,
  ): { lines: number; columns: number[][]; widths: number[]; height: number } {
    const lines = linesFor(band, limit);
    const columns: number[][] = [];
    for (let start = 0; start < band.length; start += lines) columns.push(band.slice(start, start + lines));
    const widths = columns.map((column) => column.reduce((widest, k) => Math.max(widest, items[k]!.width), 0));
    const height = columns.reduce(
      (tallest, column) =>
        Math.max(
          tallest,
          column.reduce((sum, k) => sum + items[k]!.height, 0),
        ),
      0,
    );
    return { lines, columns, widths, height };
  }

  /** The size of the drawing for a width limit, without building its columns. */
  function measure(limit: number): { width: number; height: number } {
    let width = 0;
    let height = -rowGap;
    for (const row of rowNumbers) {
      const band = bands.get(row)!;
      const lines = linesFor(band, limit);
      width = Math.max(width, widthWith(band, lines));
      height += heightWith(band, lines) + rowGap;
    }
    return { width: Math.max(width, 1), height: Math.max(height, 1) };
  }

  // The width limit that lets the drawing be shown largest in the area's shape, unless the width is given.
  let limit = Math.max(widest, options.maxWidth ?? widest);
  if (options.maxWidth === undefined) {
    let best = -Infinity;
    // Wider limits make the drawing wider and less tall: the scale rises, then falls; stop once it has fallen.
    let falling = 0;
    const widestBand = Math.max(
      ...[...bands.values()].map((band) => band.reduce((sum, k) => sum + items[k]!.width + columnGap, 0)),
    );
    for (let candidate = widest; candidate < Math.max(widest, widestBand) * 1.2 && falling < 3; candidate *= 1.2) {
      const size = measure(candidate);
      const scale = Math.min(options.aspect / size.width, 1 / size.height);
      if (scale > best * 1.0001) {
        best = scale;
        limit = candidate;
        falling = 0;
      } else if (scale < best * 0.98) falling += 1;
    }
  }
  const width = measure(limit).width;

  const boxes = new Map<string, LayoutBox>();
  const dotX = new Float64Array(n);
  const rows: LayoutRow[] = [];
  const topOf = new Map<number, number>();
  let y = 0;
  let blockLines = 1;
  for (const row of rowNumbers) {
    const { lines, columns, height } = columnsOf(bands.get(row)!, limit);
    const line = Math.max(...columns.map((column) => items[column[0]!]!.height));
    topOf.set(row, y);
    rows.push({ row, top: y, bottom: y + height, line });
    y += height + rowGap;
    blockLines = Math.max(blockLines, lines);
  }
  for (const row of outward) {
    const { columns, widths } = columnsOf(bands.get(row)!, limit);
    // Each column wants its first dot over (or under) the mean place of its members' tree parents.
    const wanted = columns.map((column) => {
      const parents = column.filter((k) => parent[k]! >= 0).map((k) => dotX[parent[k]!]!);
      const radius = items[column[0]!]!.radius;
      return parents.length === 0 ? NaN : parents.reduce((sum, x) => sum + x, 0) / parents.length - radius;
    });
    const used = widths.reduce((sum, w) => sum + w + columnGap, -columnGap);
    const left = new Float64Array(columns.length);
    // Centred by default; then each column moves toward its parents as far as the band's room and order allow.
    let cursor = (width - used) / 2;
    for (let c = 0; c < columns.length; c++) {
      left[c] = cursor;
      cursor += widths[c]! + columnGap;
    }
    let floor = 0;
    for (let c = 0; c < columns.length; c++) {
      const want = Number.isNaN(wanted[c]!) ? left[c]! : wanted[c]!;
      left[c] = Math.max(floor, want);
      floor = left[c]! + widths[c]! + columnGap;
    }
    let ceiling = width;
    for (let c = columns.length - 1; c >= 0; c--) {
      left[c] = Math.min(left[c]!, ceiling - widths[c]!);
      ceiling = left[c]! - columnGap;
    }
    const top = topOf.get(row) ?? 0;
    columns.forEach((column, c) => {
      let stacked = top;
      for (const k of column) {
        const item = items[k]!;
        dotX[k] = left[c]! + item.radius;
        boxes.set(item.key, {
          x: dotX[k]!,
          y: stacked + item.height / 2,
          left: left[c]!,
          top: stacked,
          width: item.width,
          height: item.height,
        });
        stacked += item.height;
      }
    });
  }
  const treeParent = new Map<string, string | null>();
  for (let i = 0; i < n; i++) treeParent.set(items[i]!.key, parent[i]! < 0 ? null : items[parent[i]!]!.key);
  return { shape: "rows", boxes, rows, width, height: Math.max(1, y - rowGap), treeParent, blockLines };
}
