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

/** The `limit` largest org -> org flows by models, then downloads. */
export function orgFlows(index: LineageIndex, facts: ReportFacts, limit: number): { total: number; flows: OrgFlow[] } {
  const orgCount = facts.orgs.length;
  const flows = new Map<number, { models: number; downloads: number; known: number }>();
  const seen = new Set<number>();
  for (let child = 0; child < index.size; child++) {
    const to = facts.org[child] as number;
    if (facts.isModel[child] !== 1 || to === NO_CODE) continue;
    seen.clear();
    for (let e = index.parentStart[child] as number; e < (index.parentStart[child + 1] as number); e++) {
      const from = facts.org[index.parents[e] as number] as number;
      if (from === NO_CODE || from === to || seen.has(from)) continue;
      seen.add(from);
      const key = from * orgCount + to;
      let flow = flows.get(key);
      if (flow === undefined) flows.set(key, (flow = { models: 0, downloads: 0, known: 0 }));
      flow.models++;
      const downloads = facts.downloads[child] as number;
      if (Number.isNaN(downloads)) continue;
      flow.downloads += downloads;
      flow.known++;
    }
  }
  const named = [...flows.entries()].map(([key, flow]) => ({
    from: facts.orgs[Math.floor(key / orgCount)] as string,
    to: facts.orgs[key % orgCount] as string,
    models: flow.models,
    downloads: flow.known === 0 ? null : flow.downloads,
  }));
  named.sort(
    (a, b) =>
      b.models - a.models ||
      (b.downloads ?? -1) - (a.downloads ?? -1) ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
  );
  return { total: named.length, flows: named.slice(0, limit) };
}
