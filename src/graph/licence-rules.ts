// The licence rules, in one table: for each licence the Hub lets a card declare (SPDX ids and the Hub's own ids),
// what it asks of derivatives, with the text each rule comes from. A licence not in this table is "unknown": its
// terms are not guessed, and no finding is made from it.

export interface LicenceRule {
  /** The licence ids this row covers, lower case (SPDX ids where SPDX has one, else the Hub's `license:` id). */
  ids: readonly string[];
  /** Derivatives may not be used commercially. */
  nonCommercial: boolean;
  /** No derivatives may be shared at all. */
  noDerivatives: boolean;
  /** Derivatives must be shared under the same terms (`terms`). */
  shareAlike: boolean;
  /** Use-based restrictions (an acceptable-use policy) must be passed on to every derivative. */
  useRestrictions: boolean;
  /** Licences whose terms satisfy each other for share-alike and use restrictions share this name. */
  terms: string;
  /** Where the rule comes from: the licence text's own clause. */
  source: string;
}

const PERMISSIVE = { nonCommercial: false, noDerivatives: false, shareAlike: false, useRestrictions: false };

export const LICENCE_RULES: readonly LicenceRule[] = [
  {
    ids: [
      "apache-2.0",
      "mit",
      "bsd-2-clause",
      "bsd-3-clause",
      "bsd-3-clause-clear",
      "isc",
      "afl-3.0",
      "bsl-1.0",
      "zlib",
      "ecl-2.0",
      "postgresql",
      "ncsa",
      "artistic-2.0",
    ],
    ...PERMISSIVE,
    terms: "permissive",
    source:
      "SPDX License List (spdx.org/licenses): OSI-approved permissive licences; modified works may be " +
      "distributed under other terms (e.g. Apache-2.0 §4, MIT: 'without restriction')",
  },
  {
    ids: ["cc0-1.0", "unlicense", "wtfpl", "pddl", "odc-by", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0"],
    ...PERMISSIVE,
    terms: "permissive",
    source:
      "SPDX; CC0 1.0 §2 waiver; CC BY 4.0 §2(a)(1)(B) adapted material may be shared under any terms " +
      "(attribution only, §3(a)); ODC-By 1.0 §4.2",
  },
  {
    ids: ["cc-by-sa-3.0", "cc-by-sa-4.0"],
    ...PERMISSIVE,
    shareAlike: true,
    terms: "cc-by-sa",
    source:
      "CC BY-SA 4.0 §3(b)(1): adapted material must be under the same licence, a later version, or a BY-SA " +
      "Compatible Licence",
  },
  {
    ids: ["cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0"],
    ...PERMISSIVE,
    nonCommercial: true,
    terms: "cc-by-nc",
    source: "CC BY-NC 4.0 §2(a)(1): rights granted for NonCommercial purposes only (§1(i))",
  },
  {
    ids: ["cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0"],
    ...PERMISSIVE,
    nonCommercial: true,
    shareAlike: true,
    terms: "cc-by-nc-sa",
    source: "CC BY-NC-SA 4.0 §2(a)(1) NonCommercial only; §3(b)(1) adapted material under the same licence",
  },
  {
    ids: ["cc-by-nd-4.0"],
    ...PERMISSIVE,
    noDerivatives: true,
    terms: "cc-by-nd",
    source: "CC BY-ND 4.0 §2(a)(1)(B): adapted material may be produced but not shared",
  },
  {
    ids: ["cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0"],
    ...PERMISSIVE,
    nonCommercial: true,
    noDerivatives: true,
    terms: "cc-by-nc-nd",
    source: "CC BY-NC-ND 4.0 §2(a)(1): NonCommercial only, adapted material may not be shared",
  },
  {
    ids: ["gpl-2.0"],
    ...PERMISSIVE,
    shareAlike: true,
    terms: "gpl-2.0",
    source: "GPL-2.0 §2(b): a work based on the Program must be licensed as a whole under this License",
  },
  {
    ids: ["gpl-3.0", "agpl-3.0"],
    ...PERMISSIVE,
    shareAlike: true,
    terms: "gpl-3.0",
    source: "GPL-3.0 §5(c) and AGPL-3.0 §5(c): the entire work must be licensed under this License (§13 joins them)",
  },
  {
    ids: ["lgpl-2.1", "lgpl-3.0", "lgpl-lr"],
    ...PERMISSIVE,
    shareAlike: true,
    terms: "lgpl",
    source: "LGPL-2.1 §2 (and LGPL-3.0 through GPL-3.0 §5): a modified Library must be distributed under this License",
  },
  {
    ids: ["gfdl"],
    ...PERMISSIVE,
    shareAlike: true,
    terms: "gfdl",
    source: "GFDL 1.3 §4: a Modified Version must be released under precisely this License",
  },
  {
    ids: ["llama2"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama2",
    source:
      "Llama 2 Community License §1.b.i (derivative works: provide a copy of this Agreement) and §1.b.iv " +
      "(Acceptable Use Policy)",
  },
  {
    ids: ["llama3"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama3",
    source: "Meta Llama 3 Community License §1.b.i (a copy of this Agreement with any derivative) and §1.b.iv (AUP)",
  },
  {
    ids: ["llama3.1"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama3.1",
    source: "Llama 3.1 Community License §1.b.i (a copy of this Agreement with any derivative) and §1.b.iv (AUP)",
  },
  {
    ids: ["llama3.2"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama3.2",
    source: "Llama 3.2 Community License §1.b.i (a copy of this Agreement with any derivative) and §1.b.iv (AUP)",
  },
  {
    ids: ["llama3.3"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama3.3",
    source: "Llama 3.3 Community License §1.b.i (a copy of this Agreement with any derivative) and §1.b.iv (AUP)",
  },
  {
    ids: ["llama4"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "llama4",
    source: "Llama 4 Community License §1.b.i (a copy of this Agreement with any derivative) and §1.b.iv (AUP)",
  },
  {
    ids: ["gemma", "gemma-terms-of-use"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "gemma",
    source:
      "Gemma Terms of Use §3.1: the §3.2 use restrictions must be an enforceable provision of any agreement " +
      "for Model Derivatives, and a copy of the Agreement given to recipients",
  },
  {
    ids: [
      "openrail",
      "creativeml-openrail-m",
      "openrail++",
      "bigscience-openrail-m",
      "bigcode-openrail-m",
      "bigscience-bloom-rail-1.0",
    ],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "rail",
    source:
      "Open RAIL-M licences §4(a) (BLOOM RAIL 1.0 §4(a)): the use-based restrictions of Attachment A must be " +
      "included in any agreement for Derivatives of the Model; the RAIL licences' own Attachment A carries them, so " +
      "one RAIL licence is taken to keep another's",
  },
  {
    ids: ["deepseek"],
    ...PERMISSIVE,
    useRestrictions: true,
    terms: "deepseek",
    source:
      "DeepSeek License Agreement §4.2: the use-based restrictions of Attachment A must be included in any " +
      "agreement for Derivatives of the Model",
  },
  {
    ids: ["mrl", "mistral-research-license"],
    ...PERMISSIVE,
    nonCommercial: true,
    terms: "mrl",
    source:
      "Mistral AI Research License 0.1 §1 and §2: use and distribution for Research Purposes only " +
      "(non-commercial)",
  },
  {
    ids: ["microsoft-research-license"],
    ...PERMISSIVE,
    nonCommercial: true,
    terms: "microsoft-research-license",
    source: "Microsoft Research License (phi-2 before January 2024) §2: non-commercial research purposes only",
  },
];

const BY_ID = new Map<string, LicenceRule>(LICENCE_RULES.flatMap((rule) => rule.ids.map((id) => [id, rule])));

/** The rule of a licence id (any case), or null: not in the table, so unknown. */
export function licenceRule(licence: string): LicenceRule | null {
  return BY_ID.get(licence.trim().toLowerCase()) ?? null;
}

/** Whether a licence asks anything of derivatives that another licence could drop. */
export function isRestrictive(rule: LicenceRule): boolean {
  return rule.nonCommercial || rule.noDerivatives || rule.shareAlike || rule.useRestrictions;
}

export const FINDING_KINDS = [
  "non-commercial",
  "no-derivatives",
  "share-alike",
  "use-restrictions",
  "none-declared",
  "merge-incompatible",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * What a model licensed `model` does against an ancestor licensed `ancestor`, one kind per clause it breaks:
 * sharing a derivative of a no-derivatives licence; dropping non-commercial; leaving share-alike terms; dropping
 * use restrictions (a licence with none) or putting other ones in place of a community licence's.
 */
export function derivativeFindings(model: LicenceRule, ancestor: LicenceRule): FindingKind[] {
  const kinds: FindingKind[] = [];
  if (ancestor.noDerivatives) kinds.push("no-derivatives");
  if (ancestor.nonCommercial && !model.nonCommercial) kinds.push("non-commercial");
  if (ancestor.shareAlike && model.terms !== ancestor.terms) kinds.push("share-alike");
  if (ancestor.useRestrictions && model.terms !== ancestor.terms) kinds.push("use-restrictions");
  return kinds;
}

/**
 * Whether two parents of one merge cannot both be kept: each asks derivatives to be under its own terms
 * (share-alike or passed-on use restrictions) and the terms differ, or one forbids derivatives.
 */
export function incompatibleParents(a: LicenceRule, b: LicenceRule): boolean {
  if (a.noDerivatives || b.noDerivatives) return true;
  const ownTerms = (rule: LicenceRule) => rule.shareAlike || rule.useRestrictions;
  if (ownTerms(a) && ownTerms(b) && a.terms !== b.terms) return true;
  // A share-alike licence allows commercial use of the whole, which a non-commercial parent forbids.
  return (a.shareAlike && !a.nonCommercial && b.nonCommercial) || (b.shareAlike && !b.nonCommercial && a.nonCommercial);
}
