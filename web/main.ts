// The viewer's entry: reads the view from the URL, loads the family it names, and turns every user action into a
// new view pushed to history, so links reopen the same view and the back button works.

import { fanName } from "../src/vocabulary/fan.js";
import { api, type FamilyResponse, type Relation } from "./api.js";
import { createControls } from "./controls.js";
import { createGraphView } from "./graph-view.js";
import { legendCounts, renderLegend } from "./legend.js";
import { renderError, renderFamilyNotices, renderFanList } from "./notices.js";
import { renderOverview } from "./overview.js";
import { renderPanel, renderPanelMessage, type PanelActions } from "./panel.js";
import { createSearchBox } from "./search.js";
import { parseViewState, sameFamily, serializeViewState, showFamily, type ViewState } from "./state.js";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`viewer: #${id} is missing from the page`);
  return element as T;
}

const overview = byId<HTMLElement>("overview");
const viewSection = byId<HTMLElement>("view");
const notices = byId<HTMLElement>("notices");
const legend = byId<HTMLElement>("legend");
const panel = byId<HTMLElement>("panel");
const fans = byId<HTMLDetailsElement>("fans");

let view: ViewState = parseViewState(location.search);
let loaded: { view: ViewState; response: FamilyResponse } | null = null;
let familyRequest: AbortController | null = null;
let panelRequest: AbortController | null = null;
/** How long the last family took: the request, building the graph, and sigma's first drawing of it. */
let lastLoad: { nodes: number; fetchMs: number; buildMs: number; drawMs: number; totalMs: number } | null = null;

const graphView = createGraphView(byId("graph"), {
  clickNode(node, attributes) {
    if (attributes.fan !== undefined) expandFan(attributes.fan.parent, attributes.fan.relation);
    else navigate({ ...view, selected: node });
  },
  clickStage() {
    if (view.selected !== null) navigate({ ...view, selected: null });
  },
});

Object.defineProperty(window, "__hfLineage", {
  value: Object.freeze({
    get graph() {
      return graphView.graph;
    },
    get view() {
      return { ...view };
    },
    get lastLoad() {
      return lastLoad === null ? null : { ...lastLoad };
    },
    pagePosition: (node: string) => graphView.pagePosition(node),
  }),
});

const search = createSearchBox(byId("search-input"), byId("search-suggestions"), (query) =>
  navigate(showFamily(view, query)),
);
const controls = createControls(byId("controls"), (change) =>
  navigate({
    ...view,
    ...change,
    selected: change.relations !== undefined || change.depth !== undefined ? null : view.selected,
  }),
);

const panelActions: PanelActions = {
  select: (id) => {
    navigate({ ...view, selected: id });
    graphView.focus(id);
  },
  showFamily: (id) => navigate(showFamily(view, id, id)),
  close: () => navigate({ ...view, selected: null }),
};

byId<HTMLButtonElement>("export-png").addEventListener("click", () => {
  const name = (view.q ?? "hf-lineage").replace(/[^A-Za-z0-9._-]+/g, "_");
  void graphView.downloadPng(name);
});

function setState(state: "overview" | "loading" | "ready" | "error"): void {
  document.body.dataset.state = state;
}

function navigate(next: ViewState): void {
  const url = `${location.pathname}${serializeViewState(next)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
  void apply(next);
}

/** Draws every member of one fan (the leaf children of `parent` by `relation`) instead of its one node. */
function expandFan(parent: string, relation: Relation): void {
  navigate({ ...view, expand: [...new Set([...view.expand, fanName(parent, relation)])].sort() });
}

async function showOverview(): Promise<void> {
  viewSection.hidden = true;
  overview.hidden = false;
  setState("loading");
  try {
    await renderOverview(overview, (query) => navigate(showFamily(view, query)));
    if (view.q === null) setState("overview");
  } catch (error) {
    renderError(overview, error, (query) => navigate(showFamily(view, query)));
    setState("error");
  }
}

async function loadFamily(next: ViewState): Promise<boolean> {
  familyRequest?.abort();
  const controller = new AbortController();
  familyRequest = controller;
  setState("loading");
  notices.replaceChildren(
    Object.assign(document.createElement("p"), { className: "info", textContent: `Loading ${next.q ?? ""}…` }),
  );
  try {
    const params = {
      q: next.q ?? "",
      depth: next.depth ?? undefined,
      relations: next.relations ?? undefined,
      expand: next.expand,
      maxNodes: next.max ?? undefined,
    };
    const started = performance.now();
    const response = await api.family(params, controller.signal);
    if (controller.signal.aborted) return false;
    const received = performance.now();
    loaded = { view: next, response };
    // The text around the graph first, so the graph is drawn once at its final size.
    renderFamilyNotices(notices, response);
    renderLegend(legend, legendCounts(response.graph));
    renderFanList(byId("fan-list"), response, expandFan);
    fans.hidden = response.aggregated.length === 0;
    graphView.load(response.graph);
    const built = performance.now();
    await graphView.drawn();
    const finished = performance.now();
    lastLoad = {
      nodes: response.graph.nodes.length,
      fetchMs: received - started,
      buildMs: built - received,
      drawMs: finished - built,
      totalMs: finished - started,
    };
    return true;
  } catch (error) {
    if (controller.signal.aborted) return false;
    loaded = null;
    graphView.load({ nodes: [], edges: [] });
    legend.replaceChildren();
    fans.hidden = true;
    renderError(notices, error, (query) => navigate(showFamily(view, query)));
    setState("error");
    return false;
  }
}

async function showSelection(id: string | null): Promise<void> {
  panelRequest?.abort();
  if (id === null) {
    panel.hidden = true;
    panel.replaceChildren();
    delete panel.dataset.model;
    return;
  }
  const controller = new AbortController();
  panelRequest = controller;
  panel.dataset.state = "loading";
  try {
    const info = await api.model(id, controller.signal);
    if (controller.signal.aborted) return;
    renderPanel(panel, info, panelActions);
    panel.dataset.state = "ready";
  } catch (error) {
    if (controller.signal.aborted) return;
    renderPanelMessage(panel, id, (error as Error).message, panelActions);
    panel.dataset.state = "error";
  }
}

async function apply(next: ViewState): Promise<void> {
  view = next;
  controls.show(next);
  search.setValue(next.q ?? "");
  document.title = next.q === null ? "hf-lineage" : `${next.q} — hf-lineage`;
  void showSelection(next.selected);
  if (next.q === null) {
    familyRequest?.abort();
    loaded = null;
    await showOverview();
    return;
  }
  overview.hidden = true;
  viewSection.hidden = false;
  if (loaded === null || !sameFamily(loaded.view, next)) {
    const ok = await loadFamily(next);
    if (!ok || view !== next) return;
  }
  graphView.setSize(next.size);
  graphView.setSelected(next.selected);
  setState("ready");
}

window.addEventListener("popstate", () => void apply(parseViewState(location.search)));
window.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement;
  if (event.key === "Escape" && !typing && view.selected !== null) navigate({ ...view, selected: null });
  if (event.key === "/" && !typing) {
    event.preventDefault();
    byId<HTMLInputElement>("search-input").focus();
  }
});
void apply(view);
