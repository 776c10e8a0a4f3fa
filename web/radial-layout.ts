// The radial layout, for wide families: the queried model at the centre (an org's own models on the first ring),
// each depth on a ring further out, and each node's angle in proportion to the size of its subtree; ancestors in
// rows above the disc. Rings are spaced so that no two dots on a ring overlap; labels are placed at drawing time.

import type { Layout, LayoutBox, LayoutItem } from "./layout.js";

export interface RadialOptions {
  /** Empty space between two rings. */
  ringGap?: number;
  /** Empty space between two dots on a ring, and between two boxes in an ancestor row. */
  gap?: number;
}

/**
 * Lays out `items` (edges as [parent, child] pairs among them): rows ≥ 0 on rings, rows < 0 above. Each node hangs
 * under one tree parent (its heaviest parent one row nearer, as in the row layout); the nodes of a subtree of k
 * nodes share an angle of k / n of the whole turn.
 */
export function radialLayout(
  items: readonly LayoutItem[],
  edges: readonly (readonly [string, string])[],
  options: RadialOptions = {},
): Layout {
  const ringGap = options.ringGap ?? 90;
  const gap = options.gap ?? 6;
  const byKey = new Map(items.map((item) => [item.key, item]));
  const heavier = (a: LayoutItem, b: LayoutItem | undefined) =>
    b === undefined || a.weight > b.weight || (a.weight === b.weight && a.key < b.key);
  const parentOf = new Map<string, LayoutItem>();
  for (const [source, target] of edges) {
    const parent = byKey.get(source);
    const child = byKey.get(target);
    if (parent === undefined || child === undefined || child.row <= 0 || parent.row !== child.row - 1) continue;
    if (heavier(parent, parentOf.get(child.key))) parentOf.set(child.key, parent);
  }
  const children = new Map<string, LayoutItem[]>();
  const centre = items.filter((item) => item.row === 0);
  const orphans: LayoutItem[] = [];
  for (const item of items) {
    if (item.row <= 0) continue;
    const parent = parentOf.get(item.key);
    if (parent === undefined) orphans.push(item);
    else {
      const list = children.get(parent.key);
      if (list === undefined) children.set(parent.key, [item]);
      else list.push(item);
    }
  }
  const order = (a: LayoutItem, b: LayoutItem) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // Subtree sizes, deepest rows first so each child is counted before its parent.
  const size = new Map<string, number>();
  const disc = items.filter((item) => item.row >= 0).sort((a, b) => b.row - a.row);
  for (const item of disc)
    size.set(item.key, 1 + (children.get(item.key) ?? []).reduce((sum, child) => sum + size.get(child.key)!, 0));

  // One model at the centre; several (an org's own) share the first ring, as do nodes whose tree parent is not drawn.
  const single = centre.length === 1 && orphans.length === 0;
  const ringOf = (item: LayoutItem) => (single ? item.row : item.row + 1);
  const top = single ? (children.get(centre[0]!.key) ?? []) : [...centre, ...orphans];
  const angle = new Map<string, { from: number; span: number }>();
  const total = top.reduce((sum, item) => sum + size.get(item.key)!, 0);
  const share = (list: LayoutItem[], from: number, span: number, count: number) => {
    let at = from;
    for (const item of [...list].sort(order)) {
      const part = (span * size.get(item.key)!) / count;
      angle.set(item.key, { from: at, span: part });
      share(children.get(item.key) ?? [], at, part, size.get(item.key)! - 1);
      at += part;
    }
  };
  share(top, -Math.PI / 2, 2 * Math.PI, Math.max(1, total));

  // Each ring far enough out that every dot has its room along its arc, and a gap beyond the ring inside it.
  const rings = new Map<number, number>();
  for (const item of disc) {
    const span = angle.get(item.key)?.span ?? 2 * Math.PI;
    const needed = (2 * item.radius + gap) / Math.min(span, Math.PI);
    const ring = ringOf(item);
    if (ring > 0) rings.set(ring, Math.max(rings.get(ring) ?? 0, needed));
  }
  const radius = new Map<number, number>([[0, 0]]);
  const deepest = Math.max(0, ...rings.keys());
  for (let ring = 1; ring <= deepest; ring++)
    radius.set(ring, Math.max(radius.get(ring - 1)! + ringGap, rings.get(ring) ?? 0));

  const points = new Map<string, { x: number; y: number }>();
  for (const item of disc) {
    const ring = ringOf(item);
    const r = radius.get(ring) ?? 0;
    const a = angle.get(item.key);
    const theta = a === undefined ? 0 : a.from + a.span / 2;
    points.set(item.key, { x: r * Math.cos(theta), y: r * Math.sin(theta) });
  }
  // Ancestors: one centred row per depth above the disc, nearest first.
  const outer = radius.get(deepest) ?? 0;
  const ancestorRows = new Map<number, LayoutItem[]>();
  for (const item of items) {
    if (item.row >= 0) continue;
    const list = ancestorRows.get(item.row);
    if (list === undefined) ancestorRows.set(item.row, [item]);
    else list.push(item);
  }
  for (const [row, list] of ancestorRows) {
    list.sort(order);
    const width = list.reduce((sum, item) => sum + item.width + gap, -gap);
    let left = -width / 2;
    for (const item of list) {
      points.set(item.key, { x: left + item.radius, y: -outer - ringGap * -row });
      left += item.width + gap;
    }
  }

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const item of items) {
    const p = points.get(item.key)!;
    minX = Math.min(minX, p.x - item.radius);
    maxX = Math.max(maxX, p.x - item.radius + item.width);
    minY = Math.min(minY, p.y - item.height / 2);
    maxY = Math.max(maxY, p.y + item.height / 2);
  }
  const boxes = new Map<string, LayoutBox>();
  for (const item of items) {
    const p = points.get(item.key)!;
    const x = p.x - minX;
    const y = p.y - minY;
    boxes.set(item.key, {
      x,
      y,
      left: x - item.radius,
      top: y - item.height / 2,
      width: item.width,
      height: item.height,
    });
  }
  const treeParent = new Map<string, string | null>(
    items.map((item) => [item.key, parentOf.get(item.key)?.key ?? null]),
  );
  return {
    shape: "rings",
    boxes,
    rows: [],
    width: Math.max(1, maxX - minX),
    height: Math.max(1, maxY - minY),
    treeParent,
    blockLines: 1,
  };
}
