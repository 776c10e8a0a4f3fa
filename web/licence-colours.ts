// Nodes coloured by licence class (from /api/licenses for the drawn models) and the "licence findings" filter: the
// drawn models with findings, the ancestors that cause them and the paths between, as sets the pure reducers read.

import type { LicencesResponse } from "../src/server/wire-types.js";
import type { DrawnLicenceAnswer } from "./drawn-licences.js";
import type { LegendRow } from "./legend.js";
import { isFolded, type DrawnNodeAttributes, type DrawnPayload } from "./lineage-view.js";

export type LicenceClass = LicencesResponse["models"][number]["class"];

/**
 * The legend's classes: the answer's four, a drawn model outside the family, and a fan or collapsed subtree (several
 * models, none of them the answer's).
 */
export const LICENCE_ROWS = ["permissive", "restrictive", "none", "unknown", "outside", "fan"] as const;
export type LicenceRow = (typeof LICENCE_ROWS)[number];

/** Okabe–Ito again (readable with colour-blindness); greys for what the answer does not tell. */
export const LICENCE_COLOURS: Readonly<Record<LicenceRow, string>> = {
  permissive: "#009e73",
  restrictive: "#d55e00",
  none: "#cc79a7",
  unknown: "#8c8c8c",
  outside: "#d9d9d9",
  fan: "#b0b0b0",
};

export const LICENCE_LABELS: Readonly<Record<LicenceRow, string>> = {
  permissive: "permissive licence",
  restrictive: "restrictive licence (non-commercial, share-alike, use terms…)",
  none: "no licence declared",
  unknown: "unknown licence (no record, other, or not in the rules)",
  outside: "not in this family's answer (an ancestor)",
  fan: "fan or collapsed subtree (several models)",
};

/** Edges in licence colours would compete with the nodes: they are drawn in one quiet grey. */
export const LICENCE_EDGE_COLOUR = "#b8bec6";

/** What the reducers read to colour by licence and to light only the findings. */
export interface LicenceDisplay {
  /** A colour per drawn node; null when the nodes keep their relation colours. */
  colours: ReadonlyMap<string, string> | null;
  /** With the findings filter: the models with findings, their causing ancestors and the models between. */
  lit: ReadonlySet<string> | null;
  /** With the findings filter: the edges along the findings' paths, as `parent\u0000child`. */
  litEdges: ReadonlySet<string> | null;
}

export const edgeName = (parent: string, child: string) => `${parent}\u0000${child}`;

/** Each drawn node's licence row, as the legend counts and the reducers colour them. */
export function licenceRows(
  report: Pick<DrawnLicenceAnswer, "models">,
  graph: { nodes: readonly { key: string; attributes: Pick<DrawnNodeAttributes, "fan" | "collapsed"> }[] },
): Map<string, LicenceRow> {
  const classOf = new Map(report.models.map((model) => [model.id, model.class] as const));
  const rows = new Map<string, LicenceRow>();
  for (const { key, attributes } of graph.nodes)
    rows.set(key, isFolded(attributes) ? "fan" : (classOf.get(key) ?? "outside"));
  return rows;
}

export function licenceCounts(rows: ReadonlyMap<string, LicenceRow>): Record<LicenceRow, number> {
  const counts = Object.fromEntries(LICENCE_ROWS.map((row) => [row, 0])) as Record<LicenceRow, number>;
  for (const row of rows.values()) counts[row] += 1;
  return counts;
}

/** The models with findings, every model on a finding's path (the ancestor down to the model), and those edges. */
export function findingsLit(report: Pick<DrawnLicenceAnswer, "findings">): { lit: Set<string>; litEdges: Set<string> } {
  const lit = new Set<string>();
  const litEdges = new Set<string>();
  for (const finding of report.findings) {
    lit.add(finding.id);
    finding.path.forEach((id, at) => {
      lit.add(id);
      const next = finding.path[at + 1];
      if (next !== undefined) litEdges.add(edgeName(id, next));
    });
    if (finding.with !== undefined) {
      lit.add(finding.with.id);
      litEdges.add(edgeName(finding.with.id, finding.id));
    }
  }
  return { lit, litEdges };
}

export function licenceDisplay(
  report: DrawnLicenceAnswer | null,
  graph: Pick<DrawnPayload, "nodes">,
  mode: { colour: boolean; findings: boolean },
): LicenceDisplay | null {
  if (report === null || (!mode.colour && !mode.findings)) return null;
  const colours = mode.colour
    ? new Map([...licenceRows(report, graph)].map(([key, row]) => [key, LICENCE_COLOURS[row]] as const))
    : null;
  const found = mode.findings ? findingsLit(report) : null;
  return { colours, lit: found?.lit ?? null, litEdges: found?.litEdges ?? null };
}

/** The licence classes the legend shows: the report's four always, the others when some drawn node is in them. */
function shownLicenceRows(counts: Record<LicenceRow, number>): LicenceRow[] {
  return LICENCE_ROWS.filter((row) => !((row === "outside" || row === "fan") && counts[row] === 0));
}

/** The licence legend's rows as the PNG draws them. */
export function licenceLegendRows(counts: Record<LicenceRow, number>): LegendRow[] {
  return shownLicenceRows(counts).map((row) => ({
    color: LICENCE_COLOURS[row],
    label: LICENCE_LABELS[row],
    count: counts[row],
  }));
}

export const LICENCE_NOTE = "nodes by their declared licence; edges: parent → child, in grey";

/** The licence legend in place of the relation one: a row per class with how many drawn nodes it covers. */
export function renderLicenceLegend(container: HTMLElement, counts: Record<LicenceRow, number>): void {
  const list = document.createElement("ul");
  list.dataset.legend = "licence";
  for (const row of shownLicenceRows(counts)) {
    const item = document.createElement("li");
    item.dataset.licenceClass = row;
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.backgroundColor = LICENCE_COLOURS[row];
    const name = document.createElement("span");
    name.className = "legend-label";
    name.textContent = LICENCE_LABELS[row];
    const number = document.createElement("span");
    number.className = "legend-count";
    number.textContent = counts[row].toLocaleString("en-US");
    item.append(swatch, name, number);
    list.append(item);
  }
  const note = document.createElement("li");
  note.className = "legend-note";
  note.textContent = LICENCE_NOTE;
  list.append(note);
  container.replaceChildren(list);
}
