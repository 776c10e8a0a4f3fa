// The licences along a family, read from the lineage index: each model's declared licence, its ancestors' licences,
// and the findings where a model drops what a restrictive ancestor asks (licence-rules.ts), declares none, or merges
// parents that cannot both be kept. Each finding names the ancestor and the path from it down to the model.

import { idColumns } from "../store/detail-queries.js";
import { familyNodes } from "./index-family.js";
import { NO_LICENCE, UNKNOWN_LICENCE } from "../vocabulary/declared-licence.js";
import { forEachReached } from "./index-reach.js";
import type { IndexedLineage } from "./indexed-lineage.js";
import {
  derivativeFindings,
  FINDING_KINDS,
  incompatibleParents,
  isRestrictive,
  LICENCE_RULES,
  licenceRule,
  type FindingKind,
  type LicenceRule,
} from "./licence-rules.js";
import type { ResolvedQuery } from "./resolve-query.js";

/** A model's licence: declared (and in the rules or not), none declared, or unknown (no record was read). */
export type LicenceClass = "permissive" | "restrictive" | "unknown" | "none";

export interface LicenceModel {
  id: string;
  /** The declared licence (`license_name` for `other`), `none` when the record declares none, `unknown` without one. */
  licence: string;
  class: LicenceClass;
  /** The licences of all its ancestors, each once, sorted. */
  ancestorLicences: string[];
}

export interface LicenceFinding {
  id: string;
  licence: string;
  /** The ancestor whose licence the model's breaks (for none-declared: the nearest one declaring a licence). */
  ancestor: string | null;
  ancestorLicence: string | null;
  kind: FindingKind;
  /** From the ancestor down to the model. */
  path: string[];
  /** The other parent, for merge-incompatible. */
  with?: { id: string; licence: string };
}

export interface LicencesReport {
  query: string;
  kind: "model" | "org";
  /** The query's own models, then the descendants, nearest first. */
  models: LicenceModel[];
  /** In the order of `models`; a model's findings nearest ancestor first. */
  findings: LicenceFinding[];
  /** For each licence a finding rests on, the clause it comes from (licence-rules.ts). */
  rules: Record<string, string>;
  /** The models whose licence is unknown (no record, `unknown`, `other`, a name the rules do not hold), by licence. */
  unknown: { models: number; byLicence: Record<string, number> };
}

const NONE = -2;
const UNKNOWN = -1;

/** The licences of the whole family: its own models, then the descendants, nearest first. */
export function indexLicences(lineage: IndexedLineage, resolved: ResolvedQuery): LicencesReport {
  const sources = familyNodes(lineage, resolved);
  const family = [...sources];
  forEachReached(lineage.index, sources, { direction: "down" }, (node) => family.push(node));
  return licencesOf(lineage, resolved, family);
}

/**
 * The licences of some models of the family, as the whole answer gives them, in the order of `nodes` (each once):
 * what a viewer drawing part of a large family asks for. A model outside the family (an ancestor, a model stored
 * after the index) is left out.
 */
export function indexLicencesOf(
  lineage: IndexedLineage,
  resolved: ResolvedQuery,
  nodes: readonly number[],
): LicencesReport {
  const { size, parentStart, parents } = lineage.index;
  const sources = new Set(familyNodes(lineage, resolved));
  // One upward walk per model until it meets one of the family's own models (a few steps: marks in a set).
  const inFamily = (node: number): boolean => {
    const seen = new Set([node]);
    const queue = [node];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head] as number;
      if (sources.has(current)) return true;
      for (let e = parentStart[current] as number; e < (parentStart[current + 1] as number); e++) {
        const parent = parents[e] as number;
        if (seen.has(parent)) continue;
        seen.add(parent);
        queue.push(parent);
      }
    }
    return false;
  };
  const members = [...new Set(nodes)].filter((node) => node < size && inFamily(node));
  return licencesOf(lineage, resolved, members);
}

function licencesOf(lineage: IndexedLineage, resolved: ResolvedQuery, family: readonly number[]): LicencesReport {
  const { index, store } = lineage;
  // The models and all their ancestors numbered 0, 1, ... (the family first, in its order), with their parents as
  // compressed rows and their licence codes: the walks below read small arrays, and a question about a few models
  // allocates nothing as long as the index.
  const everyone = [...family];
  const localOf = new Map<number, number>(everyone.map((node, at) => [node, at]));
  const indexStart = index.parentStart;
  const indexParents = index.parents;
  const starts = [0];
  const parentList: number[] = [];
  for (let at = 0; at < everyone.length; at++) {
    const node = everyone[at] as number;
    for (let e = indexStart[node] as number; e < (indexStart[node + 1] as number); e++) {
      const parent = indexParents[e] as number;
      let local = localOf.get(parent);
      if (local === undefined) {
        local = everyone.length;
        localOf.set(parent, local);
        everyone.push(parent);
      }
      parentList.push(local);
    }
    starts.push(parentList.length);
  }
  const parentStart = Uint32Array.from(starts);
  const codes = lineage.licences.code;
  const licenceCode = Uint32Array.from(everyone, (node) => codes[node] as number);
  const parents = Uint32Array.from(parentList);
  // Each model's declared licence as a code into the sorted `licences`, kept with the index.
  const licences = lineage.licences.names;
  const ruleOfCode = Int16Array.from(licences, (licence) => {
    const rule = licenceRule(licence);
    return licence === NO_LICENCE ? NONE : rule === null ? UNKNOWN : LICENCE_RULES.indexOf(rule);
  });
  const ruleOf = (node: number) => ruleOfCode[licenceCode[node] as number] as number;
  const ruleAt = (node: number): LicenceRule | null => {
    const at = ruleOf(node);
    return at >= 0 ? (LICENCE_RULES[at] as LicenceRule) : null;
  };
  const ids = idColumns(store, everyone);
  const idOf: string[] = new Array<string>(everyone.length);
  ids.nodes.forEach((node, at) => (idOf[localOf.get(node) as number] = ids.ids[at] as string));
  const name = (node: number) => idOf[node] as string;
  const licence = (node: number) => licences[licenceCode[node] as number] as string;
  const unknownCode = licences.indexOf(UNKNOWN_LICENCE);
  const restrictiveCode = Uint8Array.from(ruleOfCode, (at) =>
    at >= 0 && isRestrictive(LICENCE_RULES[at] as LicenceRule) ? 1 : 0,
  );

  // One upward walk per model, its marks kept apart by a stamp, so no array is cleared between models.
  const stamp = new Uint32Array(everyone.length);
  const toward = new Int32Array(everyone.length);
  const queue = new Uint32Array(everyone.length);
  const licenceSeen = new Uint32Array(licences.length);
  // The kinds of finding between two licences, by their codes, worked out once per pair.
  const kindsOf = new Map<number, FindingKind[]>();
  const findingSeen = new Uint32Array(FINDING_KINDS.length * licences.length);
  const rules: Record<string, string> = {};
  const models: LicenceModel[] = [];
  const findings: LicenceFinding[] = [];
  const unknownBy = new Map<string, number>();
  /** The ids from `ancestor` down to `model`, along the edges that reached it first. */
  const pathDown = (ancestor: number, model: number): string[] => {
    const path = [name(ancestor)];
    for (let node = ancestor; node !== model;) {
      node = toward[node] as number;
      path.push(name(node));
    }
    return path;
  };
  for (let model = 0; model < family.length; model++) {
    const mark = model + 1;
    stamp[model] = mark;
    let head = 0;
    let tail = 0;
    queue[tail++] = model;
    const own = ruleAt(model);
    const ancestorCodes: number[] = [];
    let nearestDeclared = -1;
    while (head < tail) {
      const current = queue[head++] as number;
      for (let e = parentStart[current] as number; e < (parentStart[current + 1] as number); e++) {
        const parent = parents[e] as number;
        if (stamp[parent] === mark) continue;
        stamp[parent] = mark;
        toward[parent] = current;
        queue[tail++] = parent;
        const code = licenceCode[parent] as number;
        if (licenceSeen[code] !== mark) {
          licenceSeen[code] = mark;
          ancestorCodes.push(code);
        }
        if (nearestDeclared === -1 && ruleOfCode[code] !== NONE && code !== unknownCode) nearestDeclared = parent;
        if (own === null || restrictiveCode[code] === 0) continue;
        const rule = ruleAt(parent) as LicenceRule;
        const pair = (licenceCode[model] as number) * licences.length + code;
        let kinds = kindsOf.get(pair);
        if (kinds === undefined) kindsOf.set(pair, (kinds = derivativeFindings(own, rule)));
        if (kinds.length === 0) continue;
        const parentLicence = licence(parent);
        rules[parentLicence] = rule.source;
        for (const kind of kinds) {
          const seen = FINDING_KINDS.indexOf(kind) * licences.length + code;
          if (findingSeen[seen] === mark) continue;
          findingSeen[seen] = mark;
          findings.push({
            id: name(model),
            licence: licence(model),
            ancestor: name(parent),
            ancestorLicence: parentLicence,
            kind,
            path: pathDown(parent, model),
          });
        }
      }
    }
    const ownLicence = licence(model);
    if (ruleOf(model) === NONE) {
      findings.push({
        id: name(model),
        licence: ownLicence,
        ancestor: nearestDeclared === -1 ? null : name(nearestDeclared),
        ancestorLicence: nearestDeclared === -1 ? null : licence(nearestDeclared),
        kind: "none-declared",
        path: nearestDeclared === -1 ? [name(model)] : pathDown(nearestDeclared, model),
      });
    }
    if ((parentStart[model + 1] as number) - (parentStart[model] as number) > 1) findings.push(...mergeFindings(model));
    const cls: LicenceClass =
      ruleOf(model) === NONE ? "none" : own === null ? "unknown" : isRestrictive(own) ? "restrictive" : "permissive";
    if (cls === "unknown") unknownBy.set(ownLicence, (unknownBy.get(ownLicence) ?? 0) + 1);
    models.push({
      id: name(model),
      licence: ownLicence,
      class: cls,
      // The licences are sorted, so their codes sort as the names do.
      ancestorLicences: ancestorCodes.sort((a, b) => a - b).map((code) => licences[code] as string),
    });
  }

  function mergeFindings(model: number): LicenceFinding[] {
    const merged = [...parents.subarray(parentStart[model], parentStart[model + 1])];
    const found: LicenceFinding[] = [];
    for (let i = 0; i < merged.length; i++) {
      for (let j = i + 1; j < merged.length; j++) {
        const [a, b] = [merged[i] as number, merged[j] as number].sort((x, y) => (name(x) < name(y) ? -1 : 1)) as [
          number,
          number,
        ];
        const ruleA = ruleAt(a);
        const ruleB = ruleAt(b);
        if (ruleA === null || ruleB === null || !incompatibleParents(ruleA, ruleB)) continue;
        found.push({
          id: name(model),
          licence: licence(model),
          ancestor: name(b),
          ancestorLicence: licence(b),
          kind: "merge-incompatible",
          path: [name(b), name(model)],
          with: { id: name(a), licence: licence(a) },
        });
        rules[licence(a)] = ruleA.source;
        rules[licence(b)] = ruleB.source;
      }
    }
    return found;
  }

  let unknownModels = 0;
  for (const count of unknownBy.values()) unknownModels += count;
  return {
    query: resolved.kind === "model" ? resolved.id : resolved.org,
    kind: resolved.kind,
    models,
    findings,
    rules,
    unknown: {
      models: unknownModels,
      byLicence: Object.fromEntries([...unknownBy].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    },
  };
}
