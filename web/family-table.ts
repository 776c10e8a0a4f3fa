// The family table beside the graph: every model of the family with its relation, depth, counts, date and licence,
// sortable by any column, filtered by text, relation and licence, virtualised, keyboard usable, and saved as CSV.

import { RELATIONS } from "./api.js";
import { RELATION_LABELS } from "./relation-labels.js";
import {
  filterRows,
  licencesOf,
  NO_FILTER,
  sortRows,
  TABLE_COLUMNS,
  tableCsv,
  type TableColumn,
  type TableFilter,
  type TableRow,
  type TableSort,
} from "./table-rows.js";
import { formatCount } from "./unknown.js";
import { createVirtualRows } from "./virtual-rows.js";

export const ROW_HEIGHT = 24;

export interface FamilyTableEvents {
  /** A row was chosen (click, or Enter on the active row). */
  select(id: string): void;
  /** The CSV file's name, without its extension. */
  fileName(): string;
}

export interface FamilyTable {
  /** Shows these rows (null: a line saying they are being read), with a line about them. */
  load(rows: TableRow[] | null, note: string): void;
  /** Fills the centrality column (null: no centrality shown). */
  setCentrality(label: string | null, values: ReadonlyMap<string, number> | null): void;
  /** Marks a model's row and scrolls to it (null unmarks). */
  mark(id: string | null): void;
  /** The rows shown, filtered and sorted, as the CSV writes them. */
  readonly shown: readonly TableRow[];
}

const HEADINGS: Record<TableColumn, string> = {
  id: "model",
  relation: "relation",
  depth: "depth",
  downloads: "downloads",
  likes: "likes",
  created: "created",
  licence: "licence",
  children: "children",
  descendants: "descendants",
  centrality: "centrality",
};

const NUMERIC = new Set<TableColumn>(["depth", "downloads", "likes", "children", "descendants", "centrality"]);

function cellText(row: TableRow, column: TableColumn): string {
  switch (column) {
    case "relation":
      return row.placeholder
        ? "— (no record)"
        : row.relation === null
          ? "none (a root)"
          : RELATION_LABELS[row.relation];
    case "created":
      return row.created === null ? "—" : row.created.slice(0, 10);
    case "licence":
      return row.licence ?? "—";
    case "centrality":
      return row.centrality === null ? "—" : row.centrality.toPrecision(3);
    case "id":
      return row.id;
    default:
      return formatCount(row[column]);
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  return element;
}

export function createFamilyTable(container: HTMLElement, events: FamilyTableEvents): FamilyTable {
  const tools = document.createElement("div");
  tools.className = "table-tools";
  const search = Object.assign(document.createElement("input"), {
    type: "search",
    id: "table-search",
    placeholder: "Filter models by id",
    autocomplete: "off",
    spellcheck: false,
  });
  search.setAttribute("aria-label", "filter the table's models by id");
  const relation = Object.assign(document.createElement("select"), { id: "table-relation" });
  relation.setAttribute("aria-label", "only models of this relation");
  relation.append(option("", "all relations"), option("none", "no base (roots)"));
  for (const name of RELATIONS) relation.append(option(name, RELATION_LABELS[name]));
  const licence = Object.assign(document.createElement("select"), { id: "table-licence" });
  licence.setAttribute("aria-label", "only models of this licence");
  const count = Object.assign(document.createElement("span"), { id: "table-count", className: "muted" });
  const csv = Object.assign(document.createElement("button"), { type: "button", id: "table-csv", textContent: "CSV" });
  csv.title = "the rows shown, as filtered and sorted";
  tools.append(search, relation, licence, count, csv);

  const head = document.createElement("div");
  head.className = "table-row table-head";
  head.setAttribute("role", "row");
  const body = document.createElement("div");
  body.className = "table-body";
  body.tabIndex = 0;
  body.setAttribute("role", "grid");
  body.setAttribute("aria-label", "the family's models: arrow keys move, Enter shows the model in the graph");
  container.replaceChildren(tools, head, body);

  let all: TableRow[] = [];
  let shown: TableRow[] = [];
  let filter: TableFilter = NO_FILTER;
  let sort: TableSort = { column: "depth", descending: false };
  let centralityLabel: string | null = null;
  let marked: string | null = null;
  let active = -1;
  let note = "";
  let loading = false;

  const rows = createVirtualRows(body, ROW_HEIGHT, (index, element) => {
    const row = shown[index];
    if (row === undefined) return;
    element.className = "table-row";
    element.setAttribute("role", "row");
    element.setAttribute("aria-rowindex", String(index + 2));
    element.setAttribute("aria-selected", String(row.id === marked));
    element.classList.toggle("active", index === active);
    element.dataset.id = row.id;
    const cells = TABLE_COLUMNS.filter((column) => column !== "centrality" || centralityLabel !== null);
    while (element.childElementCount > cells.length) element.lastElementChild?.remove();
    cells.forEach((column, k) => {
      let cell = element.children[k] as HTMLElement | undefined;
      if (cell === undefined) {
        cell = document.createElement("span");
        cell.setAttribute("role", "gridcell");
        element.append(cell);
      }
      cell.className = NUMERIC.has(column) ? "number" : "";
      cell.textContent = cellText(row, column);
      if (column === "id") cell.title = row.id;
    });
  });

  function renderHead(): void {
    const columns = TABLE_COLUMNS.filter((column) => column !== "centrality" || centralityLabel !== null);
    container.classList.toggle("with-centrality", centralityLabel !== null);
    head.replaceChildren(
      ...columns.map((column) => {
        const cell = document.createElement("span");
        cell.setAttribute("role", "columnheader");
        cell.className = NUMERIC.has(column) ? "number" : "";
        const sorted = sort.column === column;
        cell.setAttribute("aria-sort", sorted ? (sort.descending ? "descending" : "ascending") : "none");
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.column = column;
        const heading = column === "centrality" ? (centralityLabel ?? "") : HEADINGS[column];
        button.textContent = heading + (sorted ? (sort.descending ? " ▼" : " ▲") : "");
        // On a narrow screen the heading may end in "…": the whole of it shows on hover.
        button.title = heading;
        button.addEventListener("click", () => {
          // Numbers sort largest first on the first click, text from A.
          sort =
            sort.column === column
              ? { column, descending: !sort.descending }
              : { column, descending: NUMERIC.has(column) && column !== "depth" };
          update();
        });
        cell.append(button);
        return cell;
      }),
    );
  }

  function update(): void {
    shown = sortRows(filterRows(all, filter), sort);
    active = marked === null ? -1 : shown.findIndex((row) => row.id === marked);
    body.setAttribute("aria-rowcount", String(shown.length + 1));
    count.textContent = loading
      ? note
      : `${shown.length.toLocaleString("en-US")} of ${all.length.toLocaleString("en-US")} models` +
        (note === "" ? "" : ` · ${note}`);
    csv.disabled = shown.length === 0;
    renderHead();
    rows.setCount(shown.length);
  }

  function fillLicences(): void {
    const current = licence.value;
    licence.replaceChildren(
      option("", "all licences"),
      ...licencesOf(all).map((name) => option(name, name === "none" ? "none stated" : name)),
    );
    licence.value = Array.from(licence.options).some((item) => item.value === current) ? current : "";
  }

  search.addEventListener("input", () => {
    filter = { ...filter, text: search.value };
    update();
  });
  relation.addEventListener("change", () => {
    filter = { ...filter, relation: relation.value === "" ? null : (relation.value as TableFilter["relation"]) };
    update();
  });
  licence.addEventListener("change", () => {
    filter = { ...filter, licence: licence.value === "" ? null : licence.value };
    update();
  });
  csv.addEventListener("click", () => {
    const blob = new Blob([tableCsv(shown, centralityLabel)], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${events.fileName()}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
  body.addEventListener("click", (event) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>(".table-row");
    if (row?.dataset.id !== undefined) events.select(row.dataset.id);
  });
  body.addEventListener("keydown", (event) => {
    const page = Math.max(1, Math.floor(body.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    if (event.key === "Enter" && shown[active] !== undefined) {
      event.preventDefault();
      events.select(shown[active]!.id);
      return;
    }
    const step = moves[event.key];
    if (step === undefined || shown.length === 0) return;
    event.preventDefault();
    active = Math.min(shown.length - 1, Math.max(0, (active < 0 ? -1 : active) + step));
    rows.reveal(active);
  });

  return {
    get shown() {
      return shown;
    },
    load(next: TableRow[] | null, line: string) {
      all = next ?? [];
      loading = next === null;
      note = line;
      fillLicences();
      body.scrollTop = 0;
      update();
    },
    setCentrality(label: string | null, values: ReadonlyMap<string, number> | null) {
      centralityLabel = label;
      for (const row of all) row.centrality = values?.get(row.id) ?? null;
      if (label === null && sort.column === "centrality") sort = { column: "depth", descending: false };
      update();
    },
    mark(id: string | null) {
      marked = id;
      active = id === null ? -1 : shown.findIndex((row) => row.id === id);
      if (active >= 0) rows.reveal(active);
      else rows.refresh();
    },
  };
}
