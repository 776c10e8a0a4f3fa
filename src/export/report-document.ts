// The report as a document: titled sections, each with its definitions and tables of cells, in the order it is read;
// the text, Markdown and HTML forms all render this one document, so they never disagree.

import type { Report } from "../graph/report.js";
import { QUANT_FORMATS } from "../graph/copy-formats.js";
import { ORG_ROLES } from "../graph/report-orgs.js";
import { SIZE_CLASSES } from "../graph/report-sizes.js";
import { formatCount } from "../vocabulary/count-text.js";
import { RELATIONS } from "../vocabulary/relation.js";

/** A cell: text, a count, a share (shown as a percentage), or null for what the data does not say. */
export type Cell = string | number | { share: number | null } | null;

export interface ReportTable {
  title: string;
  rows: Cell[][];
}

export interface ReportSection {
  title: string;
  definitions: string[];
  tables: ReportTable[];
}

const share = (value: number | null): Cell => ({ share: value });
const series = (title: string, counts: Record<string, Record<string, number>>): ReportTable => {
  const months = [...new Set(Object.values(counts).flatMap((byMonth) => Object.keys(byMonth)))].sort();
  const names = Object.keys(counts);
  return {
    title,
    rows: [["month", ...names], ...months.map((month) => [month, ...names.map((name) => counts[name]?.[month] ?? 0)])],
  };
};

export function reportDocument(report: Report): ReportSection[] {
  const { data, definitions } = report;
  const overview: ReportSection = {
    title: "Data",
    definitions: [
      `models (with a record of their own, placeholders left out): ${formatCount(data.models)}; placeholders: ` +
        `${formatCount(data.placeholders)}; with a Hub record read: ${formatCount(data.withRecord)}`,
      `download figure used: ${data.downloadField === "downloads" ? "downloads (30 days)" : data.downloadField}`,
      // The day alone: the stored value is an ISO timestamp, and the series it bounds are counted by month.
      `last creation date in the data: ${data.lastCreated?.slice(0, 10) ?? "—"}; ` +
        `time series from: ${data.since ?? "the start"}`,
    ],
    tables: [],
  };
  const families: ReportSection = {
    title: "Family size",
    definitions: Object.values(definitions.families ?? {}),
    tables: [
      {
        title: "Family size under each definition",
        rows: [
          [
            "family",
            "own models",
            "direct children",
            "descendants",
            ...RELATIONS,
            "over 5 downloads",
            "downloads known",
            "tagging repos",
            "architecture repos",
            "architectures",
          ],
          ...report.families.map((family) => [
            family.query,
            family.models,
            family.directChildren,
            family.descendants,
            ...RELATIONS.map((relation) => family.byRelation[relation]),
            family.descendantsOver5Downloads,
            family.descendantsWithDownloads,
            family.taggingRepos,
            family.architectureRepos,
            family.architectures.length === 0 ? null : family.architectures.join(", "),
          ]),
        ],
      },
      {
        title: "Downloads concentration within each family (own models and descendants)",
        rows: [
          ["family", "models", "downloads known", "under 200", "top 200", "top 0.01%", "Gini"],
          ...report.families.map((family) => [
            family.query,
            family.concentration.models,
            family.concentration.withDownloads,
            share(family.concentration.under200Share),
            share(family.concentration.top200Share),
            share(family.concentration.topFractionShare),
            family.concentration.gini === null ? null : family.concentration.gini.toFixed(3),
          ]),
        ],
      },
      {
        title: "Quantizations of each family's models: by the model's own org, by others",
        rows: [
          ["family", "model", "by own org", "by others"],
          ...report.families.flatMap((family) => [
            [family.query, "(all)", family.quantizations.byOwnOrg, family.quantizations.byOthers],
            ...family.quantizations.bases.map((base) => [family.query, base.model, base.byOwnOrg, base.byOthers]),
          ]),
        ],
      },
      {
        title: "Top intermediaries of each family",
        rows: [
          ["family", "org", "models", ...RELATIONS, "downloads"],
          ...report.families.flatMap((family) =>
            family.intermediaries.map((entry) => [
              family.query,
              entry.org,
              entry.models,
              ...RELATIONS.map((relation) => entry.byRelation[relation]),
              entry.downloads,
            ]),
          ),
        ],
      },
      ...report.families.map((family) =>
        series(
          `Descendants of ${family.query} created per month (dates known: ` +
            `${family.descendantsWithCreated} of ${family.descendants})`,
          {
            models: family.perMonth,
          },
        ),
      ),
      ...report.families.map((family) =>
        series(`Descendants of ${family.query} created per day, last 30 days of the data`, { models: family.perDay }),
      ),
    ],
  };
  const { concentration, sizes } = report;
  const downloads: ReportSection = {
    title: "Downloads concentration",
    definitions: Object.values(definitions.concentration ?? {}),
    tables: [
      {
        title: `Over all models (${concentration.downloadField})`,
        rows: [
          [
            "models",
            "downloads known",
            "total downloads",
            "under 200",
            "top 200",
            `top 0.01% (${concentration.topFractionModels})`,
            "Gini",
          ],
          [
            concentration.models,
            concentration.withDownloads,
            concentration.totalDownloads,
            share(concentration.under200Share),
            share(concentration.top200Share),
            share(concentration.topFractionShare),
            concentration.gini === null ? null : concentration.gini.toFixed(3),
          ],
        ],
      },
    ],
  };
  const { precision, experts } = sizes;
  const gb = (params: number | null): Cell => (params === null ? null : `${(params / 1e9).toFixed(2)}B`);
  const size: ReportSection = {
    title: "Size classes",
    definitions: [
      ...Object.values(definitions.sizes ?? {}),
      `coverage: ${sizes.coverage.own} own, ${sizes.coverage.inherited} inherited, ${sizes.coverage.unknown} unknown`,
      `precision known for ${precision.coverage.known} models, unknown for ${precision.coverage.unknown}`,
      ...(precision.coverage.known === 0
        ? ["no model here has safetensors counts by dtype: the precision of every model is unknown (—), not zero"]
        : []),
      `expert count stated for ${experts.coverage.known} models, unknown for ${experts.coverage.unknown}`,
      ...(experts.coverage.known === 0
        ? ["no model here states an expert count: how many are Mixture-of-Experts is unknown (—), not zero"]
        : []),
    ],
    tables: [
      {
        title: "By parameter count",
        rows: [
          ["class", "models", "downloads", "derivatives"],
          ...SIZE_CLASSES.map((name) => [
            name,
            sizes.classes[name].models,
            sizes.classes[name].downloads,
            sizes.classes[name].derivatives,
          ]),
        ],
      },
      {
        title: "Downloaded size",
        rows: [
          ["models", "mean", "median"],
          ["all", gb(sizes.meanDownloadedParams), gb(sizes.medianDownloadedParams)],
          [
            "without quantized",
            gb(sizes.withoutQuantized.meanDownloadedParams),
            gb(sizes.withoutQuantized.medianDownloadedParams),
          ],
        ],
      },
      {
        title: "By precision (the dtype holding most of a model's parameters)",
        rows: [
          ["precision", "models", "downloads"],
          ...Object.entries(precision.byPrecision).map(([name, group]) => [name, group.models, group.downloads]),
        ],
      },
      {
        title: "Mixture-of-Experts (expert count stated in the record's config)",
        rows: [
          ["experts stated", "models", "downloads"],
          ["2 experts or more", experts.mixtureOfExperts?.models ?? null, experts.mixtureOfExperts?.downloads ?? null],
          [
            "fewer than 2 experts",
            experts.fewerThanTwoExperts?.models ?? null,
            experts.fewerThanTwoExperts?.downloads ?? null,
          ],
          ["no expert count stated", experts.coverage.unknown, null],
        ],
      },
    ],
  };
  const orgs: ReportSection = {
    title: "Intermediaries and flows",
    definitions: Object.values(definitions.orgs ?? {}),
    tables: [
      {
        title: `Org roles (the ${report.orgs.length} orgs with the most models, of ${report.orgsTotal})`,
        rows: [
          ["org", "models", "role", ...ORG_ROLES],
          ...report.orgs.map((org) => [org.org, org.models, org.role, ...ORG_ROLES.map((role) => org.roles[role])]),
        ],
      },
      {
        title: `Org -> org flows (the ${report.flows.length} largest, of ${report.flowsTotal})`,
        rows: [
          ["from", "to", "models", "downloads"],
          ...report.flows.map((flow) => [flow.from, flow.to, flow.models, flow.downloads]),
        ],
      },
    ],
  };
  const { formatCoverage } = report;
  const formats: ReportSection = {
    title: "Formats and libraries over time",
    definitions: [
      ...Object.values(definitions.formats ?? {}),
      `coverage: ${formatCoverage.withRecordAndDate} models with a record and a date ` +
        `(of ${formatCoverage.withRecord} with a record); ` +
        `${formatCoverage.withLibraryAndDate} with a library and a date`,
      ...(formatCoverage.withRecordAndDate === 0
        ? ["no model here has a Hub record and a creation date: the formats over time are unknown (—), not zero"]
        : []),
      ...(formatCoverage.withLibraryAndDate === 0
        ? ["no model here has a library_name and a creation date: the libraries over time are unknown (—), not zero"]
        : []),
    ],
    tables: [
      series(
        "Models per month by format",
        Object.fromEntries(QUANT_FORMATS.map((format) => [format, report.formats[format]])),
      ),
      series("Models per month by library", report.libraries),
    ],
  };
  const { attribution } = report;
  const supplied = attribution.supplied;
  const groups = (
    title: string,
    byKey: Record<string, { authors: number; models: number; downloads: number | null }>,
  ): ReportTable => ({
    title,
    rows: [
      ["value", "authors", "models", "downloads"],
      ...Object.entries(byKey).map(([key, group]) => [key, group.authors, group.models, group.downloads]),
    ],
  });
  const { authorKind } = attribution;
  const authors: ReportSection = {
    title: "Author kind and attribution",
    definitions: [
      ...Object.values(definitions.attribution ?? {}),
      `author kind known for ${authorKind.known} of ${authorKind.known + authorKind.unknown} authors`,
      supplied === null
        ? "no attribution table given (--attribution FILE)"
        : `supplied by ${supplied.source}: ${supplied.authorsListed} authors listed, ` +
          `${supplied.authorsFound} found; ${supplied.modelsAttributed} models attributed, ` +
          `${supplied.modelsUnattributed} not`,
    ],
    tables: [
      ...(authorKind.known === 0
        ? []
        : [
            {
              title: "By author kind (as the Hub states it)",
              rows: [
                ["kind", "authors", "models", "downloads"],
                [
                  "organisation",
                  authorKind.byKind.org.authors,
                  authorKind.byKind.org.models,
                  authorKind.byKind.org.downloads,
                ],
                [
                  "user",
                  authorKind.byKind.user.authors,
                  authorKind.byKind.user.models,
                  authorKind.byKind.user.downloads,
                ],
              ],
            },
          ]),
      ...(supplied === null
        ? []
        : [groups("By country (supplied)", supplied.byCountry), groups("By kind (supplied)", supplied.byKind)]),
    ],
  };
  return [overview, families, downloads, size, orgs, formats, authors];
}
