// The drawing: one sigma renderer over a graphology graph of the drawn lineage, the display State read by the pure
// reducers, and an overlay drawn after each frame: depth rows, fan pills and labels placed without collisions.

import { DirectedGraph } from "graphology";
import Sigma from "sigma";
import { PLACEHOLDER_COLOR, RELATION_COLORS } from "../src/vocabulary/palette.js";
import type { Relation } from "./api.js";
import { withCentrality, type CentralityDisplay } from "./centrality.js";
import { Occupancy, placeLabels, type Box, type LabelCandidate, type PlacedLabel } from "./label-placement.js";
import type { Layout } from "./layout.js";
import type { LicenceDisplay } from "./licence-colours.js";
import {
  ALL_LABELS_UP_TO,
  cut,
  FOLDED_DOT_RADIUS,
  foldedCount,
  isFolded,
  LABEL_FONT,
  LABEL_HEIGHT,
  nameOf,
  narrowPillWidth,
  openingCentre,
  openingScale as openingScaleOf,
  PILL_HEIGHT,
  PILL_PADDING,
  PILL_RADIUS,
  pillWidth,
  ROW_GUTTER,
  type DrawnNodeAttributes,
  type DrawnPayload,
} from "./lineage-view.js";
import { edgeDisplay, hoverState, IDLE, isLit, nodeDisplay, type DisplayState } from "./reducers.js";
import type { SizeMode } from "./state.js";

export type ViewGraphology = DirectedGraph<DrawnNodeAttributes, { relation: Relation }>;

export interface GraphViewEvents {
  clickNode(node: string, attributes: DrawnNodeAttributes): void;
  clickStage(): void;
}

const INK = "#1d232b";
const MUTED = "#6b7480";
const BACKING = "rgba(255, 255, 255, 0.88)";
/** The ring around a fan's or collapsed node's dot drawn without its pill: its width and its gap from the dot. */
const FOLDED_RING_WIDTH = 1.5;
const FOLDED_RING_GAP = 1.5;

export interface GraphView {
  readonly graph: ViewGraphology;
  /** Draws a lineage; `dots` is how many times their size its models' dots are drawn (an overview's are smaller). */
  load(data: DrawnPayload, layout: Layout | null, dots?: number): void;
  setSize(mode: SizeMode): void;
  setSelected(node: string | null): void;
  /** Colours the nodes by licence and lights only the licence findings (null: neither). */
  setLicence(display: LicenceDisplay | null): void;
  /** Sizes and colours the family's nodes by a centrality each (null: by the size mode, or relation, again). */
  setCentrality(size: CentralityDisplay | null, colour: CentralityDisplay | null): void;
  /** Moves the camera onto a node when it is drawn. */
  focus(node: string): void;
  /** Where a drawn node is on the page, in CSS pixels (null when it is not drawn). */
  pagePosition(node: string): { x: number; y: number } | null;
  /** The labels and pills drawn in the last frame, in CSS pixels relative to the graph's box. */
  labelBoxes(): PlacedLabel[];
  /** The text of each label and pill drawn in the last frame, by node. */
  labelTexts(): Record<string, string>;
  /** Every drawn node's dot on screen (CSS pixels relative to the graph's box), and the depth numbers drawn. */
  drawnDots(): { key: string; x: number; y: number; radius: number }[];
  rowLabelBoxes(): Box[];
  /** The drawing scale at the opening zoom: pixels per layout pixel. */
  readonly openingScale: number;
  /** Resolves once sigma has drawn the graph last loaded. */
  drawn(): Promise<void>;
  /** The drawing as it is on screen, one canvas (WebGL layers and the overlay). */
  snapshot(): HTMLCanvasElement;
  /** How many pixels of the edge layer have each opaque colour, as `#rrggbb` (for the tests: no blending). */
  edgeColours(): Record<string, number>;
  /** Says how many pixels on the graph's right are covered; labels stay out of them and the view opens beside them. */
  setRightInset(pixels: number): void;
  /** Whether the camera is still where the view opened (nobody zoomed or panned since). */
  readonly untouched: boolean;
  /**
   * Points at a fan or collapsed node from the keyboard (null: none): its path lights up as on hover, its pill is
   * placed first and ringed, and the camera keeps it in view.
   */
  point(node: string | null): void;
  /** The node next to the given one on the keyboard's arrows (up: parent, down: child, left/right: same row). */
  neighbour(node: string, direction: "up" | "down" | "left" | "right"): string | null;
}

/** The fewest characters of a name a label cut to its room keeps (with the "…"). */
const FITTED_CHARACTERS = 8;

/** The most characters of a label's shorter text, used where its whole text finds no room. */
const SHORT_NAME = 32;
const SHORT_ID = 24;

/**
 * A label's shorter text: the name without its org, cut to SHORT_NAME characters; but a label that names its org
 * (two drawn models share its name, or it is the query, hovered or selected) keeps it, cut in the middle, so the
 * shorter text never reads as the other model of the same name.
 */
function shortText(key: string, text: string): string {
  return text.includes("/") ? cut(key, SHORT_ID) : cut(nameOf(key), SHORT_NAME);
}

/** The text cut in the middle to the most characters that fit `room` pixels in the context's font. */
function fittedText(context: CanvasRenderingContext2D, text: string, room: number): string {
  if (context.measureText(text).width <= room) return text;
  let low = 1;
  let high = text.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (context.measureText(cut(text, middle)).width <= room) low = middle;
    else high = middle - 1;
  }
  return cut(text, low);
}

function newGraph(): ViewGraphology {
  return new DirectedGraph<DrawnNodeAttributes, { relation: Relation }>({ multi: false, allowSelfLoops: false });
}

function contains(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
}

function roundedBox(context: CanvasRenderingContext2D, box: Box, radius: number): void {
  context.beginPath();
  context.roundRect(box.x, box.y, box.width, box.height, radius);
}

export function createGraphView(container: HTMLElement, events: GraphViewEvents): GraphView {
  let graph = newGraph();
  let layout: Layout | null = null;
  let state: DisplayState = { ...IDLE, selected: null, size: "descendants", scale: 1 };
  let openingScale = 1;
  let dotScale = 1;
  let centrality: { size: CentralityDisplay | null; colour: CentralityDisplay | null } = { size: null, colour: null };
  let placed: PlacedLabel[] = [];
  const drawnTexts = new Map<string, string>();
  let rowLabels: Box[] = [];
  /** Nodes in the order their labels are placed (most important first), kept per load. */
  let ranked: string[] = [];
  let hoveredByLabel = false;
  /** The fan or collapsed node the keyboard points at, ringed in the overlay. */
  let pointed: string | null = null;
  /** The label the pointer hovers: it keeps its place while hovered, so a click lands on what was pointed at. */
  let pinned: PlacedLabel | null = null;
  /** The dots drawn in the last frame, in CSS pixels: a click near a dot too small to hit still reaches it. */
  let dotBoxes = new Map<string, Box>();
  let opening: { x: number; y: number; ratio: number } | null = null;
  /** Pixels on the right of the graph that something lies over (the panel, on a narrow screen). */
  let rightInset = 0;
  const visibleArea = () => {
    const { width, height } = renderer.getDimensions();
    return { width: Math.max(0, width - rightInset), height };
  };

  const renderer = new Sigma<DrawnNodeAttributes, { relation: Relation }>(graph, container, {
    defaultEdgeType: "arrow",
    zIndex: true,
    renderLabels: false,
    stagePadding: 0,
    minEdgeThickness: 1,
    hideEdgesOnMove: false,
    allowInvalidContainer: true,
    // The highlighted nodes (the query, the selection, the hovered node) get a ring; labels are the overlay's.
    defaultDrawNodeHover: (context, data) => {
      context.beginPath();
      context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
      context.lineWidth = 2;
      context.strokeStyle = INK;
      context.stroke();
    },
    nodeReducer: (node, attributes) => {
      const lit = isLit(state, node);
      const sized = withCentrality(nodeDisplay(state, node, attributes), node, centrality.size, state.scale, lit);
      return withCentrality(sized, node, centrality.colour, state.scale, lit);
    },
    edgeReducer: (edge, attributes) => edgeDisplay(state, attributes.relation, graph.source(edge), graph.target(edge)),
  });

  const redraw = () => renderer.refresh({ schedule: true });
  let drawn: Promise<void> = Promise.resolve();

  const context = () => renderer.getCanvases().labels!.getContext("2d")!;

  function rank(): void {
    const weight = (key: string) => {
      const a = graph.getNodeAttributes(key);
      return a.fan?.count ?? a.collapsed?.count ?? a.descendants;
    };
    ranked = graph
      .nodes()
      .map((key) => ({ key, a: graph.getNodeAttributes(key) }))
      .sort(
        (p, q) =>
          Number(q.a.queried) - Number(p.a.queried) ||
          Number(isFolded(q.a)) - Number(isFolded(p.a)) ||
          weight(q.key) - weight(p.key) ||
          Math.abs(p.a.row) - Math.abs(q.a.row) ||
          (p.key < q.key ? -1 : p.key > q.key ? 1 : 0),
      )
      .map(({ key }) => key);
  }

  /** Rows, pills and labels, placed in order of importance where they do not collide and stay on the canvas. */
  function drawOverlay(): void {
    const ctx = context();
    const { width, height } = visibleArea();
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    const occupied = new Occupancy();
    rowLabels = [];
    if (layout !== null) {
      for (const row of layout.rows) {
        const at = renderer.graphToViewport({ x: 0, y: -(row.top + row.line / 2) });
        if (at.y < 0 || at.y > height) continue;
        const text = row.row === 0 ? "depth 0" : row.row > 0 ? `depth +${row.row}` : `depth −${-row.row}`;
        const box = { x: 4, y: at.y - LABEL_HEIGHT / 2, width: ctx.measureText(text).width + 8, height: LABEL_HEIGHT };
        // Rows closer than a label's height (a drawing shown below 1:1) are numbered where their numbers fit.
        if (!occupied.free(box)) continue;
        ctx.fillStyle = "#eef1f4";
        roundedBox(ctx, box, 3);
        ctx.fill();
        ctx.fillStyle = MUTED;
        ctx.fillText(text, 8, at.y);
        occupied.add(box);
        rowLabels.push(box);
      }
    }
    const dots = new Map<string, Box>();
    const candidates: LabelCandidate[] = [];
    const texts = new Map<string, string>();
    const shortTexts = new Map<string, string>();
    drawnTexts.clear();
    const order =
      state.hovered === null
        ? [state.selected, ...ranked.filter((key) => isLit(state, key))]
        : [state.hovered, state.selected, ...ranked.filter((key) => isLit(state, key))];
    const seen = new Set<string>();
    for (const key of order) {
      if (key === null || seen.has(key) || !graph.hasNode(key)) continue;
      seen.add(key);
      const display = renderer.getNodeDisplayData(key);
      if (display === undefined) continue;
      const at = renderer.framedGraphToViewport(display);
      const radius = renderer.scaleSize(display.size);
      if (at.x < -200 || at.x > width + 200 || at.y < -20 || at.y > height + 20) continue;
      const a = graph.getNodeAttributes(key);
      const folded = isFolded(a);
      const full = (key === state.hovered || key === state.selected) && !folded;
      const text = full ? key : a.name;
      texts.set(key, text);
      const textWidth = full ? ctx.measureText(text).width : a.labelWidth;
      if (pinned?.key === key && key === state.hovered) {
        // Kept on its side; a longer text (the whole id) grows away from the node, still under the pointer.
        const grown = pinned.side === "right" || pinned.side === "left" ? Math.max(pinned.width, textWidth + 6) : 0;
        if (grown > 0 && pinned.short !== true) {
          const x = pinned.side === "left" ? pinned.x + pinned.width - grown : pinned.x;
          pinned = { ...pinned, x, width: grown };
        }
        occupied.add(pinned);
        if (!folded) {
          const dot = { x: at.x - radius, y: at.y - radius, width: 2 * radius, height: 2 * radius };
          dots.set(key, dot);
          occupied.add(dot);
          shortTexts.set(key, shortText(key, text));
        }
        continue;
      }
      if (folded) {
        // The pill lies over its own small dot; the dot keeps other labels off where the pill finds no room.
        const dot = { x: at.x - radius, y: at.y - radius, width: 2 * radius, height: 2 * radius };
        dots.set(key, dot);
        occupied.add(dot);
        candidates.push({
          key,
          x: at.x,
          y: at.y,
          radius: PILL_RADIUS,
          width: pillWidth(textWidth),
          height: PILL_HEIGHT,
          pill: true,
          compactWidth: narrowPillWidth(ctx.measureText(foldedCount(a)).width),
        });
      } else {
        const dot = { x: at.x - radius, y: at.y - radius, width: 2 * radius, height: 2 * radius };
        dots.set(key, dot);
        occupied.add(dot);
        const short = shortText(key, text);
        shortTexts.set(key, short);
        candidates.push({
          key,
          x: at.x,
          y: at.y,
          radius: radius + 1,
          width: textWidth + 6,
          height: LABEL_HEIGHT,
          ...(short !== text ? { shortWidth: ctx.measureText(short).width + 6 } : {}),
          ...(key === state.selected ? { always: true } : {}),
          // A view small enough to label every node cuts a label to the room it has rather than leave it out.
          ...(graph.order <= ALL_LABELS_UP_TO
            ? { minWidth: ctx.measureText(cut(short, FITTED_CHARACTERS)).width + 6 }
            : {}),
        });
      }
    }
    const free = placeLabels(candidates, width, height, occupied, dots);
    placed = pinned !== null && pinned.key === state.hovered && texts.has(pinned.key) ? [pinned, ...free] : free;
    dotBoxes = dots;
    // A fan or collapsed node left without room for its pill is ringed (dashed for several subtrees), so its small
    // dot is not read as one model.
    const pilled = new Set(placed.filter((label) => label.side.endsWith("pill")).map((label) => label.key));
    ctx.lineWidth = FOLDED_RING_WIDTH;
    for (const [key, dot] of dots) {
      const a = graph.getNodeAttributes(key);
      if (!isFolded(a) || pilled.has(key)) continue;
      ctx.beginPath();
      ctx.arc(dot.x + dot.width / 2, dot.y + dot.height / 2, dot.width / 2 + FOLDED_RING_GAP, 0, Math.PI * 2);
      ctx.strokeStyle = isLit(state, key) ? INK : PLACEHOLDER_COLOR;
      ctx.setLineDash(a.fan === undefined ? [2, 2] : []);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const label of placed) {
      const a = graph.getNodeAttributes(label.key);
      let text = (label.short === true ? shortTexts.get(label.key) : texts.get(label.key)) ?? a.name;
      if (label.fitted === true) text = fittedText(ctx, text, label.width - 6);
      drawnTexts.set(label.key, text);
      if ((label.side === "pill" || label.side === "compact-pill") && isFolded(a)) {
        if (label.side === "compact-pill") text = foldedCount(a);
        // A fan's pill is outlined in its relation's colour; a collapsed node's (several subtrees) dashed in grey;
        // coloured by licence, both in the legend's colour for several models.
        const lit = isLit(state, label.key);
        const color = !lit
          ? PLACEHOLDER_COLOR
          : (state.licence?.colours?.get(label.key) ?? (a.fan !== undefined ? RELATION_COLORS[a.fan.relation] : MUTED));
        roundedBox(ctx, label, label.height / 2);
        ctx.fillStyle = "#ffffff";
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = color;
        ctx.setLineDash(a.fan === undefined ? [4, 3] : []);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.arc(label.x + PILL_RADIUS + 1, label.y + label.height / 2, FOLDED_DOT_RADIUS, 0, Math.PI * 2);
        ctx.fillStyle = color;
        ctx.fill();
        ctx.fillStyle = INK;
        ctx.fillText(text, label.x + 2 * PILL_RADIUS + PILL_PADDING / 2, label.y + label.height / 2 + 0.5);
        continue;
      }
      // The query and the selection stand out by their backing, not by a bolder font that would outgrow the box.
      ctx.fillStyle = label.key === state.selected ? "#fff3c4" : a.queried ? "#e8f0fa" : BACKING;
      ctx.fillRect(label.x, label.y, label.width, label.height);
      ctx.fillStyle = a.placeholder ? MUTED : INK;
      ctx.fillText(text, label.x + 3, label.y + label.height / 2 + 0.5);
    }
    const focused = placed.find((label) => label.key === pointed);
    if (focused !== undefined) {
      roundedBox(ctx, { x: focused.x - 3, y: focused.y - 3, width: focused.width + 6, height: focused.height + 6 }, 6);
      ctx.lineWidth = 2;
      ctx.strokeStyle = INK;
      ctx.stroke();
    }
  }

  /** While a new graph is loaded the opening camera is placed from a frame of its own; the overlay waits. */
  let loading = false;
  renderer.on("afterRender", () => {
    if (!loading) drawOverlay();
  });

  const labelAt = (x: number, y: number): PlacedLabel | undefined =>
    [...placed].reverse().find((label) => contains(label, x, y));

  /** The node whose dot is nearest to a point, within a few pixels of its edge (dots can be a pixel wide). */
  const dotNear = (x: number, y: number): string | undefined => {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const [key, dot] of dotBoxes) {
      const radius = dot.width / 2;
      const distance = Math.hypot(dot.x + radius - x, dot.y + radius - y);
      if (distance <= Math.max(radius + 2, 5) && distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    return best;
  };

  const hover = (node: string | null) => {
    if (state.hovered === node) return;
    pointed = null;
    if (node === null || pinned?.key !== node) pinned = null;
    state = hoverState(graph, state, node);
    container.style.cursor = node === null ? "" : "pointer";
    redraw();
  };

  renderer.on("enterNode", ({ node }) => {
    hoveredByLabel = false;
    hover(node);
  });
  renderer.on("leaveNode", () => hover(null));
  // A pinned label keeps the place it had on the screen while the pointer is on it; once the camera moves (a wheel
  // turned over the label), that place is another's, so the label is placed again beside its node.
  renderer.getCamera().on("updated", () => {
    pinned = null;
  });
  renderer.on("moveBody", ({ event }) => {
    const label = labelAt(event.x, event.y);
    if (label !== undefined) {
      hoveredByLabel = true;
      if (state.hovered !== label.key) pinned = label;
      hover(label.key);
    } else if (hoveredByLabel) {
      hoveredByLabel = false;
      hover(null);
    }
  });
  // A click on a pill or a label counts as a click on its node: a fan opens exactly the pill clicked.
  renderer.on("clickNode", ({ node, event }) => {
    const label = labelAt(event.x, event.y);
    const key = label?.key ?? node;
    events.clickNode(key, graph.getNodeAttributes(key));
  });
  renderer.on("clickStage", ({ event }) => {
    const label = labelAt(event.x, event.y);
    const key = label?.key ?? dotNear(event.x, event.y);
    if (key !== undefined) events.clickNode(key, graph.getNodeAttributes(key));
    else events.clickStage();
  });
  // Sigma follows window resizes only; the panel and the notices also change the container's size.
  new ResizeObserver(() => renderer.scheduleRefresh()).observe(container);

  /** Opens on the whole drawing at 1:1 or smaller; a small view (ALL_LABELS_UP_TO nodes) never below 1:1. */
  function openingCamera(): void {
    opening = null;
    resetCamera();
    if (layout === null || graph.order === 0) return;
    renderer.refresh();
    placeOpeningCamera();
  }

  function resetCamera(): void {
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** The opening camera, placed from the last frame, drawn with the camera reset. */
  function placeOpeningCamera(): void {
    if (layout === null || graph.order === 0) return;
    const camera = renderer.getCamera();
    const origin = renderer.graphToViewport({ x: 0, y: 0 });
    const unit = renderer.graphToViewport({ x: 100, y: 0 });
    const fitted = (unit.x - origin.x) / 100;
    if (!(fitted > 0)) return;
    const { width, height } = visibleArea();
    const { scale, fits: room } = openingScaleOf(layout, { width, height }, graph.order);
    // Too wide or tall at 1:1: the query's row and model are centred (as far as the drawing reaches), the rest is a
    // pan away.
    const first = scale > room + 1e-9 ? graph.findNode((_key, a) => a.queried) : undefined;
    const box = first === undefined ? undefined : layout.boxes.get(first);
    const centre = openingCentre(
      layout,
      { width, height },
      scale,
      box === undefined ? null : { x: box.left + box.width / 2, y: box.y },
    );
    // The row labels take a gutter on the left, a covering panel the right: the drawing is centred between.
    const at = renderer.graphToViewport({ x: centre.x + (rightInset - ROW_GUTTER) / 2 / scale, y: -centre.y });
    const framed = renderer.viewportToFramedGraph(at);
    openingScale = scale;
    state = { ...state, scale: Math.min(1, scale) * dotScale };
    opening = { x: framed.x, y: framed.y, ratio: fitted / scale };
    camera.setState({ ...opening, angle: 0 });
  }

  return {
    get graph() {
      return graph;
    },
    get openingScale() {
      return openingScale;
    },
    get untouched() {
      const now = renderer.getCamera().getState();
      return (
        opening === null ||
        (Math.abs(now.x - opening.x) < 1e-6 &&
          Math.abs(now.y - opening.y) < 1e-6 &&
          Math.abs(now.ratio - opening.ratio) < 1e-6)
      );
    },

    load(data: DrawnPayload, nextLayout: Layout | null, dots = 1) {
      const next = newGraph();
      dotScale = dots;
      next.import(data);
      graph = next;
      layout = nextLayout;
      state = { ...state, ...IDLE, scale: dotScale, licence: null };
      hoveredByLabel = false;
      pinned = null;
      pointed = null;
      dotBoxes = new Map();
      rank();
      drawn = new Promise((done) => renderer.once("afterRender", () => done()));
      loading = true;
      try {
        // Reset before the graph is set, so that the graph's first frame is the one the opening camera is placed from.
        opening = null;
        resetCamera();
        renderer.setGraph(next);
        placeOpeningCamera();
      } finally {
        loading = false;
      }
      renderer.refresh();
      container.dataset.nodes = String(next.order);
      container.dataset.edges = String(next.size);
    },
    setSize(mode: SizeMode) {
      if (state.size === mode) return;
      state = { ...state, size: mode };
      redraw();
    },
    setLicence(display: LicenceDisplay | null) {
      state = { ...state, licence: display };
      redraw();
    },
    setCentrality(size: CentralityDisplay | null, colour: CentralityDisplay | null) {
      if (centrality.size === size && centrality.colour === colour) return;
      centrality = { size, colour };
      redraw();
    },
    point(node: string | null) {
      if (node !== null && !graph.hasNode(node)) return;
      hover(node);
      pointed = node;
      if (node !== null) this.focus(node);
      redraw();
    },
    setSelected(node: string | null) {
      if (state.selected === node) return;
      state = { ...state, selected: node };
      redraw();
    },
    focus(node: string) {
      if (!graph.hasNode(node)) return;
      // The camera moves by as much as the node lies from the middle of the visible area, both taken in framed
      // coordinates (a node's display data is in others: moving the camera there threw the drawing off the canvas).
      const { width, height } = visibleArea();
      const camera = renderer.getCamera();
      const from = camera.getState();
      // Each step takes the camera nearer (the framing of the view changes a little with the camera's place).
      const to = { ...from };
      for (let step = 0; step < 4; step++) {
        const state = { cameraState: to };
        const at = renderer.viewportToFramedGraph(
          renderer.graphToViewport(graph.getNodeAttributes(node), state),
          state,
        );
        const middle = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 }, state);
        to.x += at.x - middle.x;
        to.y += at.y - middle.y;
      }
      void camera.animate(to, { duration: 300 });
    },
    pagePosition(node: string) {
      if (!graph.hasNode(node)) return null;
      const point = renderer.graphToViewport(graph.getNodeAttributes(node));
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    labelBoxes: () => placed.map((label) => ({ ...label })),
    labelTexts: () => Object.fromEntries(drawnTexts),
    rowLabelBoxes: () => rowLabels.map((box) => ({ ...box })),
    drawnDots() {
      renderer.refresh();
      return graph.nodes().flatMap((key) => {
        const display = renderer.getNodeDisplayData(key);
        if (display === undefined) return [];
        const at = renderer.framedGraphToViewport(display);
        return [{ key, x: at.x, y: at.y, radius: renderer.scaleSize(display.size) }];
      });
    },
    drawn: () => drawn,
    snapshot() {
      renderer.refresh();
      const { width, height } = renderer.getDimensions();
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const out = canvas.getContext("2d")!;
      const layers = renderer.getCanvases();
      for (const name of ["edges", "nodes", "labels", "hovers"])
        if (layers[name] !== undefined) out.drawImage(layers[name], 0, 0, canvas.width, canvas.height);
      return canvas;
    },
    setRightInset(pixels: number) {
      if (pixels === rightInset) return;
      const reopen = this.untouched;
      rightInset = pixels;
      if (reopen) openingCamera();
      redraw();
    },
    edgeColours() {
      renderer.refresh();
      const layer = renderer.getCanvases().edges;
      const counts: Record<string, number> = {};
      if (layer === undefined) return counts;
      const canvas = document.createElement("canvas");
      canvas.width = layer.width;
      canvas.height = layer.height;
      const out = canvas.getContext("2d", { willReadFrequently: true })!;
      out.drawImage(layer, 0, 0);
      const pixels = out.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] !== 255) continue;
        const channels = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        const hex = `#${channels.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
        counts[hex] = (counts[hex] ?? 0) + 1;
      }
      return counts;
    },
    neighbour(node: string, direction: "up" | "down" | "left" | "right") {
      if (!graph.hasNode(node) || layout === null) return null;
      if (direction === "up") {
        const parent = layout.treeParent.get(node);
        const row = graph.getNodeAttribute(node, "row");
        if (row > 0 && parent) return parent;
        return graph.inNeighbors(node)[0] ?? null;
      }
      if (direction === "down") {
        const children = graph.outNeighbors(node);
        return children.find((child) => layout?.treeParent.get(child) === node) ?? children[0] ?? null;
      }
      const row = graph.getNodeAttribute(node, "row");
      const here = layout.boxes.get(node)!;
      let best: string | null = null;
      let bestDistance = Infinity;
      graph.forEachNode((key, a) => {
        if (key === node || a.row !== row) return;
        const box = layout!.boxes.get(key)!;
        const dx = box.x - here.x;
        if ((direction === "right" && dx <= 0) || (direction === "left" && dx >= 0)) return;
        const distance = Math.abs(dx) + Math.abs(box.y - here.y) * 4;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = key;
        }
      });
      return best;
    },
  };
}
