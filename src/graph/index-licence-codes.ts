// Each model's declared licence kept with the lineage index as a code, so a licence question over a family of 150,000
// models reads one typed array instead of every model's record; built from every model, or patched from the models
// changed since the previous index.

import { readModelLicences } from "../store/licence-rows.js";
import type { Store } from "../store/open-store.js";
import { NO_LICENCE, UNKNOWN_LICENCE } from "../vocabulary/declared-licence.js";
import { PRESENT, type LineageIndex } from "./lineage-index.js";

export interface LicenceCodes {
  /** Each model's declared licence as a position in `names`. */
  code: Uint32Array;
  /** The declared licences in use, sorted, `unknown` always among them: the same for the same data however built. */
  names: string[];
}

/**
 * A model's declared licence from its stored facts (see readModelLicences): the card's licence (the licence name
 * for `other`), else the licence name, `none` when its record declares none, `unknown` when no record was read.
 */
export function declaredLicence(license: string | null, details: string | null): string {
  // A stored licence comes from a record; without one, a details row (`''` or a name) says a record was read.
  if (license === null && details === null) return UNKNOWN_LICENCE;
  const card = license?.trim().toLowerCase() ?? null;
  const name = details === null || details === "" ? null : details.trim().toLowerCase();
  if (card === "other" && name !== null) return name;
  if (card !== null && card.length > 0) return card;
  return name ?? NO_LICENCE;
}

/** Codes numbered by the sorted names in use: what makes a patched set equal to one built whole. */
function canonical(code: Uint32Array, names: readonly string[]): LicenceCodes {
  const used = new Uint8Array(names.length);
  for (const value of code) used[value] = 1;
  const kept = names.filter((name, at) => used[at] === 1 || name === UNKNOWN_LICENCE).sort();
  const position = new Map(kept.map((name, at) => [name, at]));
  const renumbered = Uint32Array.from(names, (name) => position.get(name) ?? 0);
  return { code: code.map((value) => renumbered[value] as number), names: kept };
}

/** Reads the stored facts (all or the changed models') into `code`, each distinct pair of values worked out once. */
function readCodes(store: Store, which: "all" | "changed", code: Uint32Array, names: string[]): void {
  const codeOfName = new Map(names.map((name, at) => [name, at]));
  const codeOfFacts = new Map<string | null, number>();
  readModelLicences(store, which, (node, license, details) => {
    if (node >= code.length) return;
    const key = details === null ? license : `${license}\u0000${details}`;
    let value = codeOfFacts.get(key);
    if (value === undefined) {
      const name = declaredLicence(license, details);
      value = codeOfName.get(name);
      if (value === undefined) {
        value = names.length;
        names.push(name);
        codeOfName.set(name, value);
      }
      codeOfFacts.set(key, value);
    }
    code[node] = value;
  });
}

/** Every model's licence code, read from every model (inside the caller's transaction). */
export function readLicenceCodes(store: Store, index: LineageIndex): LicenceCodes {
  const names = [UNKNOWN_LICENCE];
  const code = new Uint32Array(index.size);
  readCodes(store, "all", code, names);
  return canonical(code, names);
}

/**
 * The licence codes of the data as it is now, from `previous` and the models changed since (a licence written, a
 * record read: the store lists them as changed): the same codes `readLicenceCodes` gives.
 */
export function updateLicenceCodes(store: Store, previous: LicenceCodes, index: LineageIndex): LicenceCodes {
  const names = [...previous.names];
  const unknown = names.indexOf(UNKNOWN_LICENCE);
  const code = new Uint32Array(index.size).fill(unknown);
  const kept = Math.min(previous.code.length, index.size);
  code.set(previous.code.subarray(0, kept));
  // A number out of use now (a renamed model's) has no licence, as in a whole read.
  for (let node = 0; node < kept; node++) if (((index.flags[node] as number) & PRESENT) === 0) code[node] = unknown;
  readCodes(store, "changed", code, names);
  return canonical(code, names);
}
