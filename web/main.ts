// The viewer's entry: reads the view from the URL, loads the family it names, and turns every user action into a
// new view pushed to history, so links reopen the same view and the back button works.

import { fanName } from "../src/vocabulary/fan.js";
import { answerSections, type AnswerActions } from "./answers-panel.js";
import {
  api,
  ApiError,
  type AncestryResponse,
  type FamilyParams,
  type FamilyResponse,
  type LicencesPage,
  type Relation,
} from "./api.js";
import { openName, renderOpenedSubtrees } from "./collapsed-subtrees.js";
import {
  answerCentrality,
  centralityDisplay,
  centralityLegendRow,
  centralityRadii,
  renderCentralityLegend,
} from "./centrality.js";
import { createControls } from "./controls.js";
import { DrawnLicences } from "./drawn-licences.js";
import { createFamilyTable } from "./family-table.js";
import { createGraphView } from "./graph-view.js";
import { legendCounts, legendRows, renderLegend, type LegendRow } from "./legend.js";
import {
  licenceCounts,
  licenceDisplay,
  licenceLegendRows,
  licenceRows,
  renderLicenceLegend,
} from "./licence-colours.js";
import { createLicenceControls, FINDINGS_LISTED, renderFindings } from "./licence-findings.js";
import { drawnLineage, LABEL_FONT, mergeLineage, type DrawnLineage, type DrawnNodeAttributes } from "./lineage-view.js";
import { appendContaining, renderError, renderFamilyNotices, renderFanList } from "./notices.js";
import { renderOverview } from "./overview.js";
import { fetchPath, pathLines } from "./path-view.js";
import { renderPanel, renderPanelMessage, type PanelActions } from "./panel.js";
import { isReportView, parseReportState, serializeReportState, type ReportViewState } from "./report-state.js";
import { renderReport } from "./report-view.js";
import { knownNumber } from "./unknown.js";
import { downloadPng } from "./png-export.js";
import { createSearchBox } from "./search.js";
import { askEarly } from "./early-family.js";
import {
  colourCentrality,
  parseViewState,
  sameFamily,
  serializeViewState,
  showFamily,
  viewFileName,
  type Centrality,
  type ViewState,
} from "./state.js";
import { tableRows } from "./table-rows.js";
import { CENTRALITY_LABELS, createViewOptions } from "./view-options.js";

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
const findingsList = byId<HTMLDetailsElement>("licence-findings");
const tableSection = byId<HTMLElement>("family-table");
const reportSection = byId<HTMLElement>("report");

let view: ViewState = parseViewState(location.search);
// Asked for before the renderer is set up, which takes a while without a GPU.
const earlyFamily = askEarly(
  !isReportView(location.search) && view.q !== null && view.path === null ? familyRequestOf(view) : null,
);
let loaded: {
  view: ViewState;
  response: FamilyResponse;
  ancestry: AncestryResponse | null;
  drawn: DrawnLineage;
} | null = null;
let familyRequest: AbortController | null = null;
/**
 * The licences of the family drawn, when its licence colours or findings are asked for: those of the drawn models,
 * each read once, and the first findings of the family with how many there are.
 */
let licences: { q: string; drawn: DrawnLicences; page: Promise<LicencesPage> } | null = null;
/** The model whose collapsed subtrees were opened last: the camera moves onto it once they are drawn. */
let openedLast: string | null = null;
let panelRequest: AbortController | null = null;
/** How long the last family took: the request, building the graph, and sigma's first drawing of it. */
let lastLoad: { nodes: number; fetchMs: number; buildMs: number; drawMs: number; totalMs: number } | null = null;

const graphElement = byId<HTMLElement>("graph");
const graphView = createGraphView(graphElement, {
  clickNode(node, attributes) {
    if (!openFolded(attributes)) navigate({ ...view, selected: node });
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
    get tableRows() {
      return familyTable.shown.map((row) => ({ ...row }));
    },
    get centrality() {
      return shownCentrality === null ? null : Object.fromEntries(shownCentrality.values);
    },
    labelBoxes: () => graphView.labelBoxes(),
    labelTexts: () => graphView.labelTexts(),
    rowLabelBoxes: () => graphView.rowLabelBoxes(),
    drawnDots: () => graphView.drawnDots(),
    /** The fan or collapsed node the keyboard points at. */
    get pointed() {
      return pointed;
    },
    edgeColours: () => graphView.edgeColours(),
    get openingScale() {
      return graphView.openingScale;
    },
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

const licenceControls = createLicenceControls(byId("licence-controls"), (change) => navigate({ ...view, ...change }));

const answerActions: AnswerActions = {
  select: (id) => panelActions.select(id),
  showPath: (from, to) => navigate({ ...view, path: { from, to }, selected: null }),
};
const viewOptions = createViewOptions(byId("view-options"), (change) => navigate({ ...view, ...change }));

/** The table's family (its request's parameters) and the centrality shown, each kept until the view changes them. */
let tableFor = "";
let tableRequest: AbortController | null = null;
let shownCentrality: { of: FamilyResponse; measure: string; values: Map<string, number> } | null = null;

const familyTable = createFamilyTable(tableSection, {
  select: (id) => void selectFromTable(id),
  fileName: () => `${viewFileName(view)}_table`,
});

/** A row chosen in the table: its node selected and shown; a model folded in a fan opens its fan first. */
async function selectFromTable(id: string): Promise<void> {
  if (graphView.graph.hasNode(id)) {
    navigate({ ...view, selected: id });
    graphView.focus(id);
    return;
  }
  const fansDrawn = loaded?.response.aggregated ?? [];
  const info = fansDrawn.length === 0 ? null : await api.model(id).catch(() => null);
  const fan = fansDrawn.find(
    (candidate) =>
      candidate.relation === info?.model.relation && info.parents.some((parent) => parent.id === candidate.parent),
  );
  if (fan !== undefined) {
    navigate({
      ...view,
      expand: [...new Set([...view.expand, fanName(fan.parent, fan.relation)])].sort(),
      selected: id,
    });
    return;
  }
  // Left out by the node cap: the model is shown in its own lineage.
  navigate(showFamily(view, id, id));
}

/** What the view asks of /api/family. */
function familyRequestOf(state: ViewState): FamilyParams {
  return {
    q: state.q ?? "",
    depth: state.depth ?? undefined,
    relations: state.relations ?? undefined,
    expand: state.expand,
    maxNodes: state.max ?? undefined,
    open: state.open,
  };
}

function familyParamsOf(state: ViewState) {
  return { q: state.q ?? "", depth: state.depth ?? undefined, relations: state.relations ?? undefined };
}

/** Opens or closes the table, reading the family's rows when they are not the ones shown. */
async function showTable(next: ViewState): Promise<void> {
  tableSection.hidden = !next.table;
  if (!next.table || next.q === null) return;
  const key = JSON.stringify(familyParamsOf(next));
  if (key !== tableFor) {
    tableFor = key;
    tableRequest?.abort();
    const controller = new AbortController();
    tableRequest = controller;
    familyTable.load(null, `Reading the models of ${next.q}…`);
    try {
      const answer = await api.familyTable(familyParamsOf(next), controller.signal);
      if (controller.signal.aborted) return;
      const omitted = answer.truncated?.omittedRows ?? 0;
      familyTable.load(
        tableRows(answer),
        omitted > 0 ? `the farthest ${omitted.toLocaleString("en-US")} models are not listed` : "",
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      tableFor = "";
      familyTable.load(null, `The table could not be read: ${(error as Error).message}`);
      return;
    }
  }
  const tableMeasure = colourCentrality(next.colour) ?? next.centrality;
  familyTable.setCentrality(
    tableMeasure === null ? null : CENTRALITY_LABELS[tableMeasure],
    shownCentrality?.values ?? null,
  );
  familyTable.mark(next.selected);
}

/** The centralities computed on the family drawn, by measure, kept until another family is drawn. */
let centralities: { of: FamilyResponse; values: Map<Centrality, Map<string, number>> } | null = null;

function centralityValues(response: FamilyResponse, measure: Centrality): Map<string, number> {
  if (centralities?.of !== response) centralities = { of: response, values: new Map() };
  let values = centralities.values.get(measure);
  if (values === undefined) {
    values = answerCentrality(response.graph, measure);
    centralities.values.set(measure, values);
  }
  return values;
}

/** The lineage laid out for a view: nodes sized by a centrality keep room for the dots it draws. */
function layOut(
  response: FamilyResponse,
  ancestry: AncestryResponse | null,
  area: { width: number; height: number },
  shown: ViewState,
): DrawnLineage {
  const radii = shown.centrality === null ? new Map() : centralityRadii(centralityValues(response, shown.centrality));
  return drawnLineage(response, ancestry, measure, area, shown.layout, radii);
}

/**
 * The centralities chosen (one for the nodes' colour, one for their size), on the graph and in the legend, which
 * showLicences has just drawn for the colour chosen. The table shows the colour's centrality, else the size's.
 */
function showCentrality(next: ViewState): void {
  const colourMeasure = colourCentrality(next.colour);
  if (loaded === null || (colourMeasure === null && next.centrality === null)) {
    shownCentrality = null;
    graphView.setCentrality(null, null);
    return;
  }
  const response = loaded.response;
  const size = next.centrality === null ? null : centralityDisplay(centralityValues(response, next.centrality), "size");
  const colour = colourMeasure === null ? null : centralityDisplay(centralityValues(response, colourMeasure), "colour");
  graphView.setCentrality(size, colour);
  const shown = (colourMeasure ?? next.centrality)!;
  shownCentrality = { of: response, measure: shown, values: centralityValues(response, shown) };
  if (colour !== null) renderCentralityLegend(legend, CENTRALITY_LABELS[colourMeasure!], colour);
  if (size !== null) renderCentralityLegend(legend, CENTRALITY_LABELS[next.centrality!], size);
}

const panelActions: PanelActions = {
  select: (id) => {
    // A model that is not drawn here is shown in its own lineage, so the panel never names what is not drawn.
    if (!graphView.graph.hasNode(id)) {
      navigate(showFamily(view, id, id));
      return;
    }
    navigate({ ...view, selected: id });
    graphView.focus(id);
  },
  showFamily: (id) => navigate(showFamily(view, id, id)),
  close: () => navigate({ ...view, selected: null }),
};

byId<HTMLButtonElement>("export-png").addEventListener("click", () => {
  if (loaded === null) return;
  // Taken now, while the drawing is the one shown; the legend may wait for the licences it counts (read already).
  const drawing = graphView.snapshot();
  const shown = { view, loaded };
  void pngLegend(shown.view, shown.loaded).then((legendShown) =>
    downloadPng(drawing, {
      fileName: `${viewFileName(shown.view)}.png`,
      title: titleOf(shown.loaded.response),
      filters: filtersOf(shown.view),
      legend: legendShown,
    }),
  );
});

/** The legend's rows as the page shows them for the colour chosen: relations or licences, then the centralities. */
async function pngLegend(shown: ViewState, drawn: NonNullable<typeof loaded>): Promise<LegendRow[]> {
  const graph = drawn.drawn.graph;
  const answer =
    shown.colour === "licence" && licences?.q === shown.q
      ? await licences.drawn.of(drawnModels(graph)).catch(() => null)
      : null;
  const rows =
    answer !== null
      ? licenceLegendRows(licenceCounts(licenceRows(answer, graph)))
      : legendRows(legendCounts(graph), shown.colour === "relation");
  const colourMeasure = colourCentrality(shown.colour);
  if (colourMeasure !== null)
    rows.push(
      centralityLegendRow(
        CENTRALITY_LABELS[colourMeasure],
        centralityDisplay(centralityValues(drawn.response, colourMeasure), "colour"),
      ),
    );
  if (shown.centrality !== null)
    rows.push(
      centralityLegendRow(
        CENTRALITY_LABELS[shown.centrality],
        centralityDisplay(centralityValues(drawn.response, shown.centrality), "size"),
      ),
    );
  return rows;
}

function titleOf(response: FamilyResponse): string {
  const family = response.family;
  const count = (value: number) => value.toLocaleString("en-US");
  const descendants = `${count(family.descendants.total)} descendants`;
  const ancestors = family.ancestors?.length ?? 0;
  return family.kind === "org"
    ? `${family.query}: ${count(family.models)} own models, ${descendants}`
    : `${family.query}: ${descendants}, ${count(ancestors)} ancestor${ancestors === 1 ? "" : "s"}`;
}

function filtersOf(state: ViewState): string {
  const parts = [
    `depth ${state.depth === null ? "all" : `≤ ${state.depth}`}`,
    `relations ${state.relations === null ? "all" : state.relations.join(", ")}`,
    `size by ${state.centrality ?? state.size}`,
    `colour by ${state.colour}`,
  ];
  if (state.expand.length > 0) parts.push(`${state.expand.length} fan${state.expand.length === 1 ? "" : "s"} open`);
  if (state.max !== null) parts.push(`at most ${state.max.toLocaleString("en-US")} nodes`);
  return parts.join(" · ");
}

/** A canvas of its own for measuring labels, its font set once (setting it parses it again, at every label). */
const measureContext = document.createElement("canvas").getContext("2d");
if (measureContext !== null) measureContext.font = LABEL_FONT;
function measure(text: string): number {
  if (measureContext === null) return text.length * 7;
  return measureContext.measureText(text).width;
}

function setState(state: "overview" | "loading" | "ready" | "error"): void {
  document.body.dataset.state = state;
  controls.setExportable(state === "ready");
}

/** Says when sizing by downloads cannot work: none of the drawn models has a download count in the data. */
function renderSizeNote(next: ViewState): void {
  byId<HTMLElement>("size-note").hidden = true;
  if (next.size !== "downloads" || loaded === null) return;
  const counts = loaded.drawn.graph.nodes
    .filter(({ attributes }) => attributes.fan === undefined)
    .map(({ attributes }) => knownNumber(attributes.downloads));
  const known = counts.filter((value) => value !== null).length;
  const any = counts.some((value) => value !== null && value > 0);
  const models = loaded.drawn.graph.nodes.filter(({ attributes }) => attributes.fan === undefined).length;
  const note = byId<HTMLElement>("size-note");
  note.textContent = !any
    ? "The data holds no downloads for these models: every node is drawn at the smallest size."
    : `Downloads are known for ${known.toLocaleString("en-US")} of ${models.toLocaleString("en-US")} drawn models; ` +
      "the others are drawn at the smallest size.";
  note.hidden = any && known === models;
}

function navigate(next: ViewState): void {
  const url = `${location.pathname}${serializeViewState(next)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
  void apply(next);
}

/** Opens a fan or a collapsed node; false for a model, which has nothing folded in it. */
function openFolded(attributes: DrawnNodeAttributes): boolean {
  if (attributes.fan !== undefined) expandFan(attributes.fan.parent, attributes.fan.relation);
  else if (attributes.collapsed !== undefined && loaded !== null)
    openSubtrees(openName(loaded.response, attributes.collapsed));
  else return false;
  return true;
}

/** Draws every member of one fan (the leaf children of `parent` by `relation`) instead of its one node. */
function expandFan(parent: string, relation: Relation): void {
  navigate({ ...view, expand: [...new Set([...view.expand, fanName(parent, relation)])].sort() });
}

/** Draws the subtrees a collapsed node of an overview stands for, in its place under the model above it. */
function openSubtrees(name: string): void {
  openedLast = name;
  navigate({ ...view, open: [...new Set([...(view.open ?? []), name])].sort() });
}

/** Folds opened subtrees back into their collapsed node. */
function foldSubtrees(name: string): void {
  const open = (view.open ?? []).filter((opened) => opened !== name);
  const { open: _opened, ...rest } = view;
  navigate(open.length > 0 ? { ...rest, open } : rest);
}

/** Folds an opened fan back into its one node. */
function collapseFan(name: string): void {
  navigate({ ...view, expand: view.expand.filter((open) => open !== name) });
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

/** How many names containing an unknown query its not-found page lists. */
const CONTAINING_LISTED = 5;

async function loadFamily(next: ViewState): Promise<boolean> {
  familyRequest?.abort();
  const controller = new AbortController();
  familyRequest = controller;
  setState("loading");
  notices.replaceChildren(
    Object.assign(document.createElement("p"), { className: "info", textContent: `Loading ${next.q ?? ""}…` }),
  );
  try {
    const params = familyRequestOf(next);
    const early = earlyFamily.take(params, controller.signal);
    const started = early?.askedAt ?? performance.now();
    const response = await (early?.response ?? api.family(params, controller.signal));
    if (controller.signal.aborted) return false;
    // A model's ancestors are drawn above it; without them (an older server, a failure) the family still shows.
    let ancestry: AncestryResponse | null = null;
    if (response.kind === "model")
      ancestry = await api.ancestry(response.query, controller.signal).catch((error: unknown) => {
        if ((error as Error).name === "AbortError") throw error;
        return null;
      });
    if (controller.signal.aborted) return false;
    const received = performance.now();
    // The text around the graph first, so the graph is laid out once for its final size.
    renderFamilyNotices(notices, response, ancestry, next, next.expand, collapseFan);
    renderOpenedSubtrees(notices, next.open ?? [], foldSubtrees);
    renderFanList(byId("fan-list"), response, expandFan);
    fans.hidden = response.aggregated.length === 0;
    // The legend too (its counts need no layout): a legend that grows after the layout would shrink the graph and
    // have it laid out a second time, moving the drawing after it was shown.
    renderLegend(legend, legendCounts({ nodes: mergeLineage(response, ancestry) }));
    const box = graphElement.getBoundingClientRect();
    const inset = panelInset();
    graphView.setRightInset(inset);
    const area = { width: box.width - inset, height: box.height };
    const drawn = layOut(response, ancestry, area, next);
    loaded = { view: next, response, ancestry, drawn };
    pathShown = null;
    laidOutFor = `${Math.round(box.width - inset)}x${Math.round(box.height)}`;
    graphView.load(drawn.graph, drawn.layout, drawn.dots);
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
    graphView.load({ nodes: [], edges: [] }, null);
    legend.replaceChildren();
    fans.hidden = true;
    const pick = (query: string) => navigate(showFamily(view, query));
    renderError(notices, error, pick);
    if (error instanceof ApiError && error.status === 404 && next.q !== null) {
      const asked = next.q;
      const found = await api.search(asked, CONTAINING_LISTED, controller.signal).catch(() => null);
      if (controller.signal.aborted) return false;
      const suggested = new Set(error.suggestions);
      const matches = (found ?? []).map((result) => result.id).filter((id) => !suggested.has(id));
      appendContaining(notices, asked, matches, pick);
    }
    setState("error");
    return false;
  }
}

/** The view drawn when it is a path between two models (the family is then not loaded). */
let pathShown: ViewState | null = null;

/** Draws the derivation paths between two models instead of the family, with the paths as text above. */
async function loadPath(next: ViewState): Promise<boolean> {
  familyRequest?.abort();
  const controller = new AbortController();
  familyRequest = controller;
  const path = next.path!;
  setState("loading");
  notices.replaceChildren(
    Object.assign(document.createElement("p"), {
      className: "info",
      textContent: `Paths from ${path.from} to ${path.to}…`,
    }),
  );
  try {
    const { report, graph } = await fetchPath(path, controller.signal);
    if (controller.signal.aborted) return false;
    const back = Object.assign(document.createElement("button"), { type: "button", textContent: "Back to the family" });
    back.addEventListener("click", () => navigate({ ...view, path: null }));
    notices.replaceChildren(
      ...pathLines(report).map(({ className, text }) =>
        Object.assign(document.createElement("p"), { className, textContent: text }),
      ),
      back,
    );
    fans.hidden = true;
    findingsList.hidden = true;
    const box = graphElement.getBoundingClientRect();
    const inset = panelInset();
    graphView.setRightInset(inset);
    const response = { query: report.from, kind: "model" as const, graph };
    const drawn = drawnLineage(response, null, measure, { width: box.width - inset, height: box.height });
    for (const node of drawn.graph.nodes) node.attributes.queried = node.key === report.from || node.key === report.to;
    loaded = null;
    pathShown = next;
    renderLegend(legend, legendCounts(drawn.graph));
    graphView.load(drawn.graph, drawn.layout, drawn.dots);
    await graphView.drawn();
    return true;
  } catch (error) {
    if (controller.signal.aborted) return false;
    pathShown = null;
    graphView.load({ nodes: [], edges: [] }, null);
    legend.replaceChildren();
    // A close match of the end the path could not find takes that end's place; the family stays one click away.
    const wrongEnd = error instanceof Error && error.message.includes(JSON.stringify(path.to)) ? "to" : "from";
    renderError(notices, error, (query) => navigate({ ...view, path: { ...path, [wrongEnd]: query } }));
    const back = Object.assign(document.createElement("button"), {
      type: "button",
      textContent: `Back to the family of ${next.q ?? path.from}`,
    });
    back.addEventListener("click", () => navigate({ ...view, path: null }));
    notices.append(back);
    setState("error");
    return false;
  }
}

/** The models drawn (not fans nor collapsed nodes): those whose licences are asked for. */
function drawnModels(graph: DrawnLineage["graph"]): string[] {
  return graph.nodes
    .filter(({ attributes }) => attributes.fan === undefined && attributes.collapsed === undefined)
    .map(({ key }) => key);
}

/** Licence colours and the findings filter over the drawn family, from the licences of the drawn models. */
async function showLicences(next: ViewState): Promise<boolean> {
  if (loaded === null || next.q === null) return true;
  const modelsByRelation = next.colour === "relation";
  if (next.colour !== "licence" && !next.findings) {
    graphView.setLicence(null);
    renderLegend(legend, legendCounts(loaded.drawn.graph), modelsByRelation);
    findingsList.hidden = true;
    return true;
  }
  const q = next.q;
  if (licences?.q !== q)
    licences = {
      q,
      drawn: new DrawnLicences((ids) => api.licencesOf(q, ids)),
      page: api.licencePage(q, FINDINGS_LISTED),
    };
  const asked = licences;
  try {
    const [answer, page] = await Promise.all([
      asked.drawn.of(drawnModels(loaded.drawn.graph)),
      next.findings ? asked.page : null,
    ]);
    if (view !== next || loaded === null) return false;
    // The same models as asked for: a new layout of them may have come meanwhile.
    const graph = loaded.drawn.graph;
    graphView.setLicence(licenceDisplay(answer, graph, { colour: next.colour === "licence", findings: next.findings }));
    if (next.colour === "licence") renderLicenceLegend(legend, licenceCounts(licenceRows(answer, graph)));
    else renderLegend(legend, legendCounts(graph), modelsByRelation);
    if (page !== null) renderFindings(findingsList, page, (id) => panelActions.select(id));
    else findingsList.hidden = true;
    return true;
  } catch (error) {
    if (licences === asked) licences = null;
    if (view !== next) return false;
    notices.append(
      Object.assign(document.createElement("p"), {
        className: "notice",
        textContent: `The licences of ${q} could not be read: ${(error as Error).message}`,
      }),
    );
    return true;
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
    panel.append(answerSections(info.model.id, controller.signal, answerActions));
    panel.dataset.state = "ready";
  } catch (error) {
    if (controller.signal.aborted) return;
    renderPanelMessage(panel, id, (error as Error).message, panelActions);
    panel.dataset.state = "error";
  }
}

/** The report being read, aborted when another view is shown. */
let reportRequest: AbortController | null = null;

function navigateReport(next: ReportViewState): void {
  const url = `${location.pathname}${serializeReportState(next)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, "", url);
  void applyReport(next);
}

/** The Report page in place of the family view: the graph, its controls and the panel are put away. */
async function applyReport(next: ReportViewState): Promise<void> {
  familyRequest?.abort();
  reportRequest?.abort();
  const controller = new AbortController();
  reportRequest = controller;
  loaded = null;
  pathShown = null;
  overview.hidden = true;
  viewSection.hidden = true;
  void showSelection(null);
  byId<HTMLElement>("controls").hidden = true;
  reportSection.hidden = false;
  search.setValue("");
  document.title = "Report — hf-lineage";
  setState("loading");
  const ok = await renderReport(reportSection, next, { navigate: navigateReport }, controller.signal);
  if (controller.signal.aborted) return;
  setState(ok ? "ready" : "error");
}

/** The view the address names: the Report page, or the overview, a family or a path. */
function applyLocation(): void {
  if (isReportView(location.search)) void applyReport(parseReportState(location.search));
  else void apply(parseViewState(location.search));
}

async function apply(next: ViewState): Promise<void> {
  reportRequest?.abort();
  if (pointed !== null) pointAt(null);
  reportSection.hidden = true;
  view = next;
  controls.show(next);
  licenceControls.show(next);
  viewOptions.show(next);
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
  if (next.path !== null) {
    if (pathShown === null || !sameFamily(pathShown, next)) {
      const ok = await loadPath(next);
      if (!ok || view !== next) return;
    }
  } else if (loaded === null || !sameFamily(loaded.view, next)) {
    const ok = await loadFamily(next);
    if (!ok || view !== next) return;
    if (openedLast !== null && graphView.graph.hasNode(openedLast)) graphView.focus(openedLast);
    openedLast = null;
  } else if (loaded.view.layout !== next.layout || loaded.view.centrality !== next.centrality) {
    // Another layout of the same family, or dots sized by another centrality: laid out again, nothing read again.
    const box = graphElement.getBoundingClientRect();
    const area = { width: box.width - panelInset(), height: box.height };
    const drawn = layOut(loaded.response, loaded.ancestry, area, next);
    loaded = { ...loaded, view: next, drawn };
    graphView.load(drawn.graph, drawn.layout, drawn.dots);
    renderLegend(legend, legendCounts(drawn.graph));
  }
  if (next.path === null && !(await showLicences(next))) return;
  if (next.selected !== null && !graphView.graph.hasNode(next.selected)) {
    // A link naming a model this view does not draw: the selection is dropped, and the URL says so.
    const kept: ViewState = { ...next, selected: null };
    history.replaceState(null, "", `${location.pathname}${serializeViewState(kept)}`);
    view = kept;
    void showSelection(null);
    notices.append(
      Object.assign(document.createElement("p"), {
        className: "notice",
        textContent: `${next.selected} is not drawn in this view, so its panel is closed.`,
      }),
    );
    next = kept;
  }
  graphView.setSize(next.size);
  graphView.setSelected(next.selected);
  showCentrality(next);
  renderSizeNote(next);
  setState("ready");
  void showTable(next);
}

// The graph by keyboard: arrows move along the lineage; a model reached is selected, a fan or collapsed node is
// pointed at (ringed, and said in the graph's status line); Enter opens what is pointed at, else selects the query.
let pointed: string | null = null;
const graphStatus = byId<HTMLElement>("graph-status");

function pointAt(node: string | null): void {
  pointed = node;
  graphView.point(node);
  const attributes = node === null ? undefined : graphView.graph.getNodeAttributes(node);
  graphStatus.textContent =
    attributes === undefined
      ? ""
      : attributes.fan !== undefined
        ? `${attributes.name} of ${attributes.fan.parent}: Enter opens them`
        : `${attributes.name} below ${attributes.collapsed?.parent ?? attributes.name}: Enter opens them`;
}

graphElement.addEventListener("keydown", (event) => {
  const moves: Record<string, "up" | "down" | "left" | "right"> = {
    ArrowUp: "up",
    ArrowDown: "down",
    ArrowLeft: "left",
    ArrowRight: "right",
  };
  const direction = moves[event.key];
  if (direction === undefined && event.key !== "Enter") return;
  event.preventDefault();
  const graph = graphView.graph;
  if (pointed !== null && !graph.hasNode(pointed)) pointAt(null);
  if (direction === undefined && pointed !== null) {
    const node = pointed;
    pointAt(null);
    openFolded(graph.getNodeAttributes(node));
    return;
  }
  const start =
    pointed ??
    (view.selected !== null && graph.hasNode(view.selected)
      ? view.selected
      : (graph.findNode((_key, attributes) => attributes.queried) ?? null));
  if (start === null) return;
  const next =
    direction === undefined || (view.selected === null && pointed === null)
      ? start
      : graphView.neighbour(start, direction);
  if (next === null) return;
  const attributes = graph.getNodeAttributes(next);
  if (attributes.fan !== undefined || attributes.collapsed !== undefined) {
    pointAt(next);
    return;
  }
  pointAt(null);
  navigate({ ...view, selected: next });
  graphView.focus(next);
});

/** On a narrow screen the panel lies over the graph's right side: the graph keeps what it covers free. */
function panelInset(): number {
  return !panel.hidden && getComputedStyle(panel).position === "absolute" ? panel.offsetWidth : 0;
}

// When the graph's box changes (the panel opens, the window is resized) and nobody has moved the view, the lineage
// is laid out again for the new shape, so the opening zoom stays legible.
let relayoutTimer: ReturnType<typeof setTimeout> | undefined;
let laidOutFor = "";
const relayout = new ResizeObserver(() => {
  clearTimeout(relayoutTimer);
  relayoutTimer = setTimeout(() => {
    const box = graphElement.getBoundingClientRect();
    const inset = panelInset();
    const size = `${Math.round(box.width - inset)}x${Math.round(box.height)}`;
    if (loaded === null || box.width === 0 || box.height === 0 || size === laidOutFor || !graphView.untouched) return;
    laidOutFor = size;
    const current = loaded;
    graphView.setRightInset(inset);
    const area = { width: box.width - inset, height: box.height };
    const drawn = layOut(current.response, current.ancestry, area, view);
    loaded = { ...current, drawn };
    graphView.load(drawn.graph, drawn.layout, drawn.dots);
    graphView.setSize(view.size);
    graphView.setSelected(view.selected);
    // The legend is drawn again for the new layout: its licence or relation part, then the centrality shown.
    const shown = view;
    void showLicences(shown).then((ok) => {
      if (ok && view === shown) showCentrality(shown);
    });
  }, 120);
});
relayout.observe(graphElement);
relayout.observe(panel);

window.addEventListener("popstate", applyLocation);
byId<HTMLAnchorElement>("report-link").addEventListener("click", (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigateReport(isReportView(location.search) ? parseReportState(location.search) : { families: [], since: null });
});
window.addEventListener("keydown", (event) => {
  const typing = event.target instanceof HTMLInputElement;
  if (event.key === "Escape" && !typing && view.selected !== null) navigate({ ...view, selected: null });
  if (event.key === "/" && !typing) {
    event.preventDefault();
    byId<HTMLInputElement>("search-input").focus();
  }
});
// A link with values that make no sense (depth=0, an unknown size) is shown as the view it opens.
if (isReportView(location.search)) {
  const reportState = parseReportState(location.search);
  if (serializeReportState(reportState) !== location.search)
    history.replaceState(null, "", `${location.pathname}${serializeReportState(reportState)}`);
} else if (serializeViewState(view) !== location.search)
  history.replaceState(null, "", `${location.pathname}${serializeViewState(view)}`);
applyLocation();
