// Collision-free label placement on the screen: candidates in order of importance each take a box right of their
// node, else left of it (whole, else shorter, else cut to the room left, else sharing the room with the cut label
// of a neighbour that took it), only where no box taken before lies and only inside the canvas. Pure, so it is
// tested alone.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate {
  key: string;
  /** The node's centre on the screen and its drawn radius. */
  x: number;
  y: number;
  radius: number;
  /** The label's size in pixels. */
  width: number;
  height: number;
  /** A fan's pill starts at the node instead of beside it, and never goes left. */
  pill?: boolean;
  /** A pill's narrower form (the count alone), tried when the whole pill does not fit. */
  compactWidth?: number;
  /** A label's shorter form (the name without its org), tried on both sides when the whole label fits neither. */
  shortWidth?: number;
  /**
   * The narrowest cut of the label worth drawing: when no whole form fits, the label is cut (in the middle, by the
   * drawing) to the room left on either side, down to this width. Without it the label is left out.
   */
  minWidth?: number;
  /**
   * Drawn even where every form meets a box taken before (the selected model's label, placed before the others so
   * that no other label has taken its room): then in the first form that stays on the canvas, over dots and edges.
   */
  always?: boolean;
}

export interface PlacedLabel extends Box {
  key: string;
  side: "right" | "left" | "pill" | "compact-pill";
  /** Placed in its shorter form. */
  short?: boolean;
  /** Narrower than its text: the drawing cuts the text to the box. */
  fitted?: boolean;
}

/** Steps from the widest cut of a label that fits the canvas down to its narrowest. */
const FIT_STEPS = 8;

const CELL = 48;

/** Boxes kept in a grid of cells, so a test looks only at its neighbours. */
export class Occupancy {
  private readonly cells = new Map<number, Box[]>();

  private *cellsOf(box: Box): Generator<number> {
    const x0 = Math.floor(box.x / CELL);
    const x1 = Math.floor((box.x + box.width) / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor((box.y + box.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) yield cx * 100_003 + cy;
  }

  add(box: Box): void {
    for (const cell of this.cellsOf(box)) {
      const list = this.cells.get(cell);
      if (list === undefined) this.cells.set(cell, [box]);
      else list.push(box);
    }
  }

  free(box: Box, ignore?: Box): boolean {
    for (const cell of this.cellsOf(box))
      for (const other of this.cells.get(cell) ?? []) if (other !== ignore && intersects(box, other)) return false;
    return true;
  }
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const inside = (box: Box, width: number, height: number) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;

/**
 * Places labels in the candidates' order on a canvas of `width` × `height`. `occupied` may hold boxes placed
 * before (row numbers, the nodes' dots); a candidate's own dot (given in `dots` by key) does not block it.
 */
export function placeLabels(
  candidates: Iterable<LabelCandidate>,
  width: number,
  height: number,
  occupied: Occupancy = new Occupancy(),
  dots: ReadonlyMap<string, Box> = new Map(),
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const narrowest = new Map<string, number>();
  for (const candidate of candidates) {
    const own = dots.get(candidate.key);
    const top = candidate.y - candidate.height / 2;
    const options: PlacedLabel[] = candidate.pill
      ? [
          {
            key: candidate.key,
            side: "pill",
            x: candidate.x - candidate.radius,
            y: top,
            width: candidate.width,
            height: candidate.height,
          },
        ]
      : [
          {
            key: candidate.key,
            side: "right",
            x: candidate.x + candidate.radius + 2,
            y: top,
            width: candidate.width,
            height: candidate.height,
          },
          {
            key: candidate.key,
            side: "left",
            x: candidate.x - candidate.radius - 2 - candidate.width,
            y: top,
            width: candidate.width,
            height: candidate.height,
          },
        ];
    if (!candidate.pill && candidate.shortWidth !== undefined) {
      const width = candidate.shortWidth;
      options.push(
        {
          key: candidate.key,
          side: "right",
          short: true,
          x: candidate.x + candidate.radius + 2,
          y: top,
          width,
          height: candidate.height,
        },
        {
          key: candidate.key,
          side: "left",
          short: true,
          x: candidate.x - candidate.radius - 2 - width,
          y: top,
          width,
          height: candidate.height,
        },
      );
    }
    if (candidate.pill && candidate.compactWidth !== undefined)
      options.push({
        key: candidate.key,
        side: "compact-pill",
        x: candidate.x - candidate.radius,
        y: top,
        width: candidate.compactWidth,
        height: candidate.height,
      });
    const chosen =
      options.find((option) => inside(option, width, height) && occupied.free(option, own)) ??
      fittedLabel(candidate, width, height, occupied, own) ??
      sharedLabel(candidate, width, height, occupied, own, placed, narrowest) ??
      (candidate.always === true ? options.find((option) => inside(option, width, height)) : undefined);
    if (chosen === undefined) continue;
    if (candidate.minWidth !== undefined) narrowest.set(candidate.key, candidate.minWidth);
    occupied.add(chosen);
    placed.push(chosen);
  }
  return placed;
}

/**
 * The widest cut of a label (from its shorter form's width down to `minWidth`) that fits right of its node, else
 * left of it, inside the canvas and clear of every box taken before.
 */
function fittedLabel(
  candidate: LabelCandidate,
  width: number,
  height: number,
  occupied: Occupancy,
  own: Box | undefined,
): PlacedLabel | undefined {
  const { minWidth } = candidate;
  if (candidate.pill || minWidth === undefined) return undefined;
  const widest = candidate.shortWidth ?? candidate.width;
  const right = candidate.x + candidate.radius + 2;
  const leftEdge = candidate.x - candidate.radius - 2;
  for (const side of ["right", "left"] as const) {
    const most = Math.min(widest, side === "right" ? width - right : leftEdge);
    if (most < minWidth) continue;
    const step = (most - minWidth) / FIT_STEPS;
    for (let k = 0; k <= FIT_STEPS; k++) {
      const box = fittedBox(candidate, side, most - k * step);
      if (inside(box, width, height) && occupied.free(box, own)) return box;
      if (step === 0) break;
    }
  }
  return undefined;
}

/** A label cut to `boxWidth`, beside its node on `side`. */
function fittedBox(candidate: LabelCandidate, side: "right" | "left", boxWidth: number): PlacedLabel {
  const gap = candidate.radius + 2;
  return {
    key: candidate.key,
    side,
    fitted: true,
    ...(candidate.shortWidth !== undefined ? { short: true } : {}),
    x: side === "right" ? candidate.x + gap : candidate.x - gap - boxWidth,
    y: candidate.y - candidate.height / 2,
    width: boxWidth,
    height: candidate.height,
  };
}

/**
 * A label with no room of its own on either side, placed by cutting the label that took its room: the label of the
 * neighbour on the same row whose box reaches toward it (right of a node on its left, or left of a node on its
 * right) is cut so both keep at least their narrowest form, the room left over shared evenly. The neighbour's box
 * only shrinks, so it still meets nothing; the new box must be clear of everything else.
 */
function sharedLabel(
  candidate: LabelCandidate,
  width: number,
  height: number,
  occupied: Occupancy,
  own: Box | undefined,
  placed: readonly PlacedLabel[],
  narrowest: ReadonlyMap<string, number>,
): PlacedLabel | undefined {
  const { minWidth } = candidate;
  if (candidate.pill || minWidth === undefined) return undefined;
  const widest = candidate.shortWidth ?? candidate.width;
  const y = candidate.y - candidate.height / 2;
  const right = candidate.x + candidate.radius + 2;
  const leftEdge = candidate.x - candidate.radius - 2;
  for (const side of ["right", "left"] as const) {
    const least: Box = {
      x: side === "right" ? right : leftEdge - minWidth,
      y,
      width: minWidth,
      height: candidate.height,
    };
    if (!inside(least, width, height)) continue;
    const facing = side === "right" ? "left" : "right";
    const neighbour = placed.find((label) => label.side === facing && intersects(label, least));
    const neighbourLeast = neighbour === undefined ? undefined : narrowest.get(neighbour.key);
    if (neighbour === undefined || neighbourLeast === undefined) continue;
    // The room from the neighbour's node side of its box to this node's side, shared between the two labels.
    const room = side === "left" ? leftEdge - neighbour.x : neighbour.x + neighbour.width - right;
    const spare = room - neighbourLeast - minWidth;
    if (spare < 0) continue;
    const boxWidth = Math.min(widest, minWidth + spare / 2);
    const neighbourWidth = Math.min(neighbour.width, room - boxWidth);
    const box = fittedBox(candidate, side, boxWidth);
    const before = { x: neighbour.x, width: neighbour.width, fitted: neighbour.fitted };
    // Cut in place: the occupancy holds this very box, which now covers less than before.
    if (side === "right") neighbour.x += neighbour.width - neighbourWidth;
    neighbour.width = neighbourWidth;
    neighbour.fitted = true;
    if (occupied.free(box, own)) return box;
    Object.assign(neighbour, before);
  }
  return undefined;
}
