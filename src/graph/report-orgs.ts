// Each org's role from its models' relations (base publisher, fine-tuner, quantizer, merger, adapter maker), and the
// org -> org flow matrix: how many models of one org derive from another's, and their downloads.

import { RELATIONS } from "../vocabulary/relation.js";
import { NO_RELATION, type LineageIndex } from "./lineage-index.js";
import { NO_CODE, type ReportFacts } from "./report-facts.js";

export const ORG_ROLES = ["base", "finetune", "quantized", "merge", "adapter", "unknown"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface OrgRoles {
  org: string;
  models: number;
  /** The role with the most models (ties: the first in ORG_ROLES). */
  role: OrgRole;
  roles: Record<OrgRole, number>;
}

export interface OrgFlow {
  from: string;
  to: string;
  /** Models of `to` with at least one base published by `from`, each counted once. */
  models: number;
  /** Their download figures summed over the known ones; null when none is known. */
  downloads: number | null;
}

export const ORG_DEFINITIONS = {
  org: "org: the part of a model id before the slash (case-insensitive); legacy ids without an org are left out",
  roles:
    "roles: an org's models by their own relation; base = models that derive from no other model; the org's " +
    "role is its largest count",
  flows:
    "flows: from org A to org B = models of B with a base published by A (A and B different), each counted once " +
    "per pair, and their downloads",
} as const;

/** A relation's position in ORG_ROLES (the relations keep their order there, after "base"). */
const ROLE_OF_RELATION = RELATIONS.map((relation) => ORG_ROLES.indexOf(relation as OrgRole));
const BASE = ORG_ROLES.indexOf("base");
const UNKNOWN = ORG_ROLES.indexOf("unknown");

function roleOf(index: LineageIndex, node: number): number {
  if ((index.parentStart[node + 1] as number) === (index.parentStart[node] as number)) return BASE;
  const code = index.relation[node] as number;
  return code === NO_RELATION ? UNKNOWN : (ROLE_OF_RELATION[code] as number);
}

/** The `limit` orgs with the most models, each with its role counts. */
export function orgRoles(index: LineageIndex, facts: ReportFacts, limit: number): { total: number; orgs: OrgRoles[] } {
  // Counts by org and role in one typed array (an org's row of ORG_ROLES.length counts): no object per org.
  const width = ORG_ROLES.length;
  const counts = new Uint32Array(facts.orgs.length * width);
  const totals = new Uint32Array(facts.orgs.length);
  for (let node = 0; node < index.size; node++) {
    const org = facts.org[node] as number;
    if (facts.isModel[node] !== 1 || org === NO_CODE) continue;
    const cell = org * width + roleOf(index, node);
    counts[cell] = (counts[cell] as number) + 1;
    totals[org] = (totals[org] as number) + 1;
  }
  const name = (org: number) => facts.orgs[org] as string;
  const publishing: number[] = [];
  for (let org = 0; org < totals.length; org++) if ((totals[org] as number) > 0) publishing.push(org);
  const ranked = publishing
    .sort((a, b) => (totals[b] as number) - (totals[a] as number) || (name(a) < name(b) ? -1 : 1))
    .slice(0, limit);
  const orgs = ranked.map((org) => {
    const roles = Object.fromEntries(ORG_ROLES.map((role, i) => [role, counts[org * width + i] as number])) as Record<
      OrgRole,
      number
    >;
    const role = ORG_ROLES.reduce((best, next) => (roles[next] > roles[best] ? next : best), ORG_ROLES[0] as OrgRole);
    return { org: name(org), models: totals[org] as number, role, roles };
  });
  return { total: publishing.length, orgs };
}

interface FlowCount {
  from: number;
  to: number;
  models: number;
  downloads: number;
  /** Models of the flow whose download figure is known. */
  known: number;
}

/** The `limit` largest org -> org flows by models, then downloads. */
export function orgFlows(index: LineageIndex, facts: ReportFacts, limit: number): { total: number; flows: OrgFlow[] } {
  const { parentStart, parents } = index;
  const orgCount = facts.orgs.length;
  // The models with a base, grouped by their org (a counting sort): each org's flows are then gathered in a small map
  // keyed by the parent's org alone, instead of one large map keyed by two org numbers.
  const start = new Uint32Array(orgCount + 1);
  const derived = (node: number) =>
    facts.isModel[node] === 1 &&
    facts.org[node] !== NO_CODE &&
    (parentStart[node + 1] as number) > (parentStart[node] as number);
  for (let node = 0; node < index.size; node++) {
    if (!derived(node)) continue;
    const slot = (facts.org[node] as number) + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let org = 0; org < orgCount; org++) start[org + 1] = (start[org + 1] as number) + (start[org] as number);
  const order = new Uint32Array(start[orgCount] as number);
  const filled = start.slice(0, orgCount);
  for (let node = 0; node < index.size; node++) {
    if (!derived(node)) continue;
    const org = facts.org[node] as number;
    order[filled[org] as number] = node;
    filled[org] = (filled[org] as number) + 1;
  }
  const counted: FlowCount[] = [];
  const byFrom = new Map<number, FlowCount>();
  for (let to = 0; to < orgCount; to++) {
    if (start[to] === start[to + 1]) continue;
    byFrom.clear();
    for (let i = start[to] as number; i < (start[to + 1] as number); i++) {
      const child = order[i] as number;
      const first = parentStart[child] as number;
      const end = parentStart[child + 1] as number;
      for (let e = first; e < end; e++) {
        const from = facts.org[parents[e] as number] as number;
        if (from === NO_CODE || from === to) continue;
        // Each org once per child: a parent before this one of the same org has counted it.
        let repeated = false;
        for (let before = first; before < e && !repeated; before++)
          repeated = facts.org[parents[before] as number] === from;
        if (repeated) continue;
        let flow = byFrom.get(from);
        if (flow === undefined) {
          flow = { from, to, models: 0, downloads: 0, known: 0 };
          byFrom.set(from, flow);
          counted.push(flow);
        }
        flow.models++;
        const downloads = facts.downloads[child] as number;
        if (Number.isNaN(downloads)) continue;
        flow.downloads += downloads;
        flow.known++;
      }
    }
  }
  const downloadsOf = (flow: FlowCount) => (flow.known === 0 ? null : flow.downloads);
  // Ranked by the numbers first; names are read only for the flows that can still make the list (ties included).
  const byNumbers = (a: FlowCount, b: FlowCount) =>
    b.models - a.models || (downloadsOf(b) ?? -1) - (downloadsOf(a) ?? -1);
  counted.sort(byNumbers);
  const last = counted[Math.min(limit, counted.length) - 1];
  const candidates = last === undefined ? [] : counted.filter((flow) => byNumbers(flow, last) <= 0);
  const named = candidates.map((flow) => ({
    from: facts.orgs[flow.from] as string,
    to: facts.orgs[flow.to] as string,
    models: flow.models,
    downloads: downloadsOf(flow),
  }));
  named.sort(
    (a, b) =>
      b.models - a.models ||
      (b.downloads ?? -1) - (a.downloads ?? -1) ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
  );
  return { total: counted.length, flows: named.slice(0, limit) };
}
