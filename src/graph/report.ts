// The report: the State of Open Source figures recomputed from the lineage with every definition stated: family
// sizes, downloads concentration, size classes, org roles and flows, intermediaries, formats, attribution.

import type { AttributionTable } from "../ingest/attribution-table.js";
import { storedAuthorKinds } from "../store/author-kinds.js";
import { idsOfNodeList } from "../store/detail-queries.js";
import { orgModelNodes } from "../store/model-queries.js";
import { familyNodes } from "./index-family.js";
import { forEachReached } from "./index-reach.js";
import { indexOrgFamilies, type IndexedLineage } from "./indexed-lineage.js";
import { PLACEHOLDER } from "./lineage-index.js";
import { ATTRIBUTION_DEFINITIONS, attributionFigures, type AttributionFigures } from "./report-attribution.js";
import { CONCENTRATION_DEFINITIONS, concentrationOver, type Concentration } from "./report-concentration.js";
import { readReportFacts, type DownloadField } from "./report-facts.js";
import { FAMILY_DEFINITIONS, familySize, type FamilySize, type ReportFamily } from "./report-family-sizes.js";
import { FORMAT_DEFINITIONS, formatFigures, type FormatFigures } from "./report-formats.js";
import {
  baseQuantizations,
  familyIntermediaries,
  INTERMEDIARY_DEFINITIONS,
  type BaseQuantizations,
  type Intermediary,
} from "./report-intermediaries.js";
import { ORG_DEFINITIONS, orgFlows, orgRoles, type OrgFlow, type OrgRoles } from "./report-orgs.js";
import { EXPERT_DEFINITIONS, expertFigures, type ExpertFigures } from "./report-experts.js";
import { PRECISION_DEFINITIONS, precisionFigures, type PrecisionFigures } from "./report-precision.js";
import { SIZE_DEFINITIONS, sizeFigures, type SizeFigures } from "./report-sizes.js";
import { resolveQuery } from "./resolve-query.js";

export interface ReportOptions {
  /** Models or orgs asked for, measured beside the largest org families. */
  families?: readonly string[];
  /** How many of the largest org families (default 5). */
  largest?: number;
  /** Rows of the org, flow, intermediary and quantization lists (default 20). */
  limit?: number;
  /** Only models created on or after this time (milliseconds) count in the time series; null: all. */
  since?: number | null;
  attribution?: AttributionTable | null;
}

export interface ReportFamilyFigures extends FamilySize {
  concentration: Concentration;
  intermediaries: Intermediary[];
  quantizations: { byOwnOrg: number; byOthers: number; bases: BaseQuantizations[] };
}

export interface Report {
  data: {
    models: number;
    placeholders: number;
    withRecord: number;
    /** The last creation date the data holds (UTC), null when none is known. */
    lastCreated: string | null;
    since: string | null;
    downloadField: DownloadField;
  };
  definitions: Record<string, Record<string, string>>;
  families: ReportFamilyFigures[];
  concentration: Concentration & { downloadField: DownloadField };
  sizes: SizeFigures & { precision: PrecisionFigures; experts: ExpertFigures };
  orgsTotal: number;
  orgs: OrgRoles[];
  flowsTotal: number;
  flows: OrgFlow[];
  formatCoverage: FormatFigures["coverage"];
  formats: FormatFigures["formats"];
  libraries: FormatFigures["libraries"];
  attribution: AttributionFigures;
}

export const REPORT_DEFINITIONS = {
  families: { ...FAMILY_DEFINITIONS, ...INTERMEDIARY_DEFINITIONS },
  concentration: CONCENTRATION_DEFINITIONS,
  sizes: { ...SIZE_DEFINITIONS, ...PRECISION_DEFINITIONS, ...EXPERT_DEFINITIONS },
  orgs: ORG_DEFINITIONS,
  formats: FORMAT_DEFINITIONS,
  attribution: ATTRIBUTION_DEFINITIONS,
};

/** The families measured: the largest org families, then those asked for, each once. */
function reportFamilies(lineage: IndexedLineage, options: ReportOptions): ReportFamily[] {
  const families: ReportFamily[] = [];
  const seen = new Set<string>();
  const add = (family: ReportFamily) => {
    const key = `${family.kind}:${family.query.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    families.push(family);
  };
  for (const { org } of indexOrgFamilies(lineage, options.largest ?? 5)) {
    const nodes = orgModelNodes(lineage.store, org)
      .map(([node]) => node)
      .filter((node) => node < lineage.index.size);
    add({ query: org, kind: "org", nodes });
  }
  for (const query of options.families ?? []) {
    const resolved = resolveQuery(lineage.store, query);
    const nodes = familyNodes(lineage, resolved);
    add({ query: resolved.kind === "model" ? resolved.id : resolved.org, kind: resolved.kind, nodes });
  }
  return families;
}

export function buildReport(lineage: IndexedLineage, options: ReportOptions = {}): Report {
  const { index } = lineage;
  const limit = options.limit ?? 20;
  const since = options.since ?? null;
  const facts = readReportFacts(lineage);
  let models = 0;
  let withRecord = 0;
  let placeholders = 0;
  let lastCreated = -Infinity;
  for (let node = 0; node < index.size; node++) {
    if (((index.flags[node] as number) & PLACEHOLDER) !== 0) placeholders++;
    if (facts.isModel[node] !== 1) continue;
    models++;
    withRecord += facts.hasRecord[node] as number;
    const created = index.created[node] as number;
    if (created > lastCreated) lastCreated = created;
  }
  const families = reportFamilies(lineage, options).map((family): ReportFamilyFigures => {
    const size = familySize(index, facts, family, { since, lastCreated });
    // The family's models for concentration: its own and its descendants.
    const reach = new Uint8Array(index.size);
    for (const node of family.nodes) reach[node] = 1;
    forEachReached(index, family.nodes, { direction: "down" }, (node) => (reach[node] = 1));
    const bases = baseQuantizations(index, facts, family.nodes);
    const ids = idsOfNodeList(
      lineage.store,
      bases.map((base) => base.node),
    );
    const named = bases
      .map(({ node, byOwnOrg, byOthers }) => ({ model: ids.get(node) as string, byOwnOrg, byOthers }))
      .sort((a, b) => b.byOwnOrg + b.byOthers - (a.byOwnOrg + a.byOthers) || (a.model < b.model ? -1 : 1));
    return {
      ...size,
      concentration: concentrationOver(
        facts.downloads,
        (node) => reach[node] === 1 && facts.isModel[node] === 1,
        index.size,
      ),
      intermediaries: familyIntermediaries(index, facts, family.nodes, limit),
      quantizations: {
        byOwnOrg: named.reduce((sum, base) => sum + base.byOwnOrg, 0),
        byOthers: named.reduce((sum, base) => sum + base.byOthers, 0),
        bases: named.slice(0, limit),
      },
    };
  });
  const roles = orgRoles(index, facts, limit);
  const flows = orgFlows(index, facts, limit);
  const formats = formatFigures(index, facts, since);
  return {
    data: {
      models,
      placeholders,
      withRecord,
      lastCreated: Number.isFinite(lastCreated) ? new Date(lastCreated).toISOString() : null,
      since: since === null ? null : new Date(since).toISOString().slice(0, 10),
      downloadField: facts.downloadField,
    },
    definitions: REPORT_DEFINITIONS,
    families,
    concentration: {
      downloadField: facts.downloadField,
      ...concentrationOver(facts.downloads, (node) => facts.isModel[node] === 1, index.size),
    },
    sizes: {
      ...sizeFigures(index, facts),
      precision: precisionFigures(index, facts),
      experts: expertFigures(index, facts),
    },
    orgsTotal: roles.total,
    orgs: roles.orgs,
    flowsTotal: flows.total,
    flows: flows.flows,
    formatCoverage: formats.coverage,
    formats: formats.formats,
    libraries: formats.libraries,
    attribution: attributionFigures(index, facts, options.attribution ?? null, storedAuthorKinds(lineage.store)),
  };
}
