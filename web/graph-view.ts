// The drawing: one sigma renderer over a graphology graph loaded from /api/family, with the display State
// (hover, selection, size mode) read by the pure reducers. Loading a family swaps the graph; nothing is laid out here.

import { downloadAsPNG } from "@sigma/export-image";
import { DirectedGraph } from "graphology";
import Sigma from "sigma";
import type { GraphPayload, Relation, ViewNodeAttributes } from "./api.js";
import { drawBackedLabel } from "./labels.js";
import { edgeDisplay, hoverState, IDLE, nodeDisplay, type DisplayState } from "./reducers.js";
import type { SizeMode } from "./state.js";

export type ViewGraphology = DirectedGraph<ViewNodeAttributes, { relation: Relation }>;

export interface GraphViewEvents {
  clickNode(node: string, attributes: ViewNodeAttributes): void;
  clickStage(): void;
}

export interface GraphView {
  readonly graph: ViewGraphology;
  load(data: GraphPayload): void;
  setSize(mode: SizeMode): void;
  setSelected(node: string | null): void;
  /** Moves the camera onto a node when it is drawn. */
  focus(node: string): void;
  /** Where a drawn node is on the page, in CSS pixels (null when it is not drawn). */
  pagePosition(node: string): { x: number; y: number } | null;
  /** Resolves once sigma has drawn the graph last loaded. */
  drawn(): Promise<void>;
  /** Saves the current view (what is on screen, at its size) as a PNG file. */
  downloadPng(fileName: string): Promise<void>;
}

function newGraph(): ViewGraphology {
  return new DirectedGraph<ViewNodeAttributes, { relation: Relation }>({ multi: false, allowSelfLoops: false });
}

export function createGraphView(container: HTMLElement, events: GraphViewEvents): GraphView {
  let graph = newGraph();
  let state: DisplayState = { ...IDLE, selected: null, size: "descendants" };

  const renderer = new Sigma<ViewNodeAttributes, { relation: Relation }>(graph, container, {
    defaultEdgeType: "arrow",
    zIndex: true,
    labelFont: "DejaVu Sans, system-ui, sans-serif",
    labelSize: 12,
    labelDensity: 1,
    labelGridCellSize: 200,
    labelRenderedSizeThreshold: 6,
    stagePadding: 40,
    defaultDrawNodeLabel: (context, data, settings) => drawBackedLabel(context, data, settings),
    minEdgeThickness: 1,
    hideEdgesOnMove: false,
    allowInvalidContainer: true,
    nodeReducer: (node, attributes) => nodeDisplay(state, node, attributes),
    edgeReducer: (edge, attributes) => edgeDisplay(state, attributes.relation, graph.source(edge), graph.target(edge)),
  });

  const redraw = () => renderer.refresh({ schedule: true });
  let drawn: Promise<void> = Promise.resolve();

  renderer.on("enterNode", ({ node }) => {
    state = hoverState(graph, state, node);
    container.style.cursor = "pointer";
    redraw();
  });
  renderer.on("leaveNode", () => {
    state = hoverState(graph, state, null);
    container.style.cursor = "";
    redraw();
  });
  renderer.on("clickNode", ({ node }) => events.clickNode(node, graph.getNodeAttributes(node)));
  renderer.on("clickStage", () => events.clickStage());
  // Sigma follows window resizes only; the panel and the notices also change the container's size.
  new ResizeObserver(() => renderer.scheduleRefresh()).observe(container);

  return {
    get graph() {
      return graph;
    },

    load(data: GraphPayload) {
      const next = newGraph();
      next.import(data);
      graph = next;
      state = { ...state, ...IDLE };
      drawn = new Promise((done) => renderer.once("afterRender", () => done()));
      renderer.setGraph(next);
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      container.dataset.nodes = String(next.order);
      container.dataset.edges = String(next.size);
    },
    setSize(mode: SizeMode) {
      if (state.size === mode) return;
      state = { ...state, size: mode };
      redraw();
    },
    setSelected(node: string | null) {
      if (state.selected === node) return;
      state = { ...state, selected: node };
      redraw();
    },
    focus(node: string) {
      if (!graph.hasNode(node)) return;
      const display = renderer.getNodeDisplayData(node);
      if (display === undefined) return;
      void renderer
        .getCamera()
        .animate({ x: display.x, y: display.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 400 });
    },
    pagePosition(node: string) {
      if (!graph.hasNode(node)) return null;
      const point = renderer.graphToViewport(graph.getNodeAttributes(node));
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    drawn: () => drawn,
    downloadPng(fileName: string) {
      // The exporter is typed for sigma's default attributes; it reads no attribute of ours.
      return downloadAsPNG(renderer as unknown as Sigma, { fileName, backgroundColor: "#ffffff" });
    },
  };
}
