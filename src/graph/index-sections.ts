// The lineage index and its metrics as named sections of bytes, and back: typed arrays as their raw bytes (read back
// as views over the stored bytes, no parsing), scalars and headline figures as JSON.

import type { IndexGroups } from "./index-groups.js";
import type { LicenceCodes } from "./index-licence-codes.js";
import type { IndexMetrics } from "./index-metrics.js";
import type { LineageIndex } from "./lineage-index.js";

/** Bumped whenever the sections change shape: an index of another format is rebuilt, never misread. */
export const INDEX_FORMAT = 7;

type ArrayName = Exclude<keyof LineageIndex, "dataVersion" | "size" | "models" | "selfLoops">;
type MetricName = keyof IndexMetrics;

const INDEX_ARRAYS: Record<ArrayName, "u8" | "u32" | "f64"> = {
  flags: "u8",
  relation: "u8",
  parentStart: "u32",
  parents: "u32",
  parentRelation: "u8",
  parentSource: "u8",
  childStart: "u32",
  children: "u32",
  childRelation: "u8",
  childSource: "u8",
  downloads: "f64",
  created: "f64",
  olderPairs: "u32",
};

const METRIC_ARRAYS: Record<MetricName, "i32" | "f64"> = {
  generation: "i32",
  descendants: "i32",
  subtreeDownloads: "f64",
  pagerank: "f64",
};

/** The groups kept as JSON; `org` is kept as its bytes. */
const GROUP_LISTS = ["orgNames", "caseVariants", "cycles"] as const;

const CONSTRUCTORS = { u8: Uint8Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array };

interface Header {
  format: number;
  dataVersion: number;
  size: number;
  models: number;
  selfLoops: number;
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A typed array over the stored bytes; copied only when they do not start on the element size. */
function viewOf<K extends keyof typeof CONSTRUCTORS>(
  kind: K,
  bytes: Uint8Array,
): InstanceType<(typeof CONSTRUCTORS)[K]> {
  const Constructor = CONSTRUCTORS[kind];
  const aligned = bytes.byteOffset % Constructor.BYTES_PER_ELEMENT === 0 ? bytes : bytes.slice();
  const length = aligned.byteLength / Constructor.BYTES_PER_ELEMENT;
  return new Constructor(aligned.buffer as ArrayBuffer, aligned.byteOffset, length) as InstanceType<
    (typeof CONSTRUCTORS)[K]
  >;
}

export interface IndexParts<Headline> {
  index: LineageIndex;
  metrics: IndexMetrics;
  groups: IndexGroups;
  licences: LicenceCodes;
  headline: Headline;
}

export function indexSections({
  index,
  metrics,
  groups,
  licences,
  headline,
}: IndexParts<unknown>): Map<string, Uint8Array> {
  const header: Header = {
    format: INDEX_FORMAT,
    dataVersion: index.dataVersion,
    size: index.size,
    models: index.models,
    selfLoops: index.selfLoops,
  };
  const sections = new Map<string, Uint8Array>([["header", new TextEncoder().encode(JSON.stringify(header))]]);
  for (const name of Object.keys(INDEX_ARRAYS) as ArrayName[]) sections.set(name, bytesOf(index[name]));
  for (const name of Object.keys(METRIC_ARRAYS) as MetricName[])
    sections.set(`metrics.${name}`, bytesOf(metrics[name]));
  sections.set("groups.org", bytesOf(groups.org));
  for (const name of GROUP_LISTS)
    sections.set(`groups.${name}`, new TextEncoder().encode(JSON.stringify(groups[name])));
  sections.set("licences.code", bytesOf(licences.code));
  sections.set("licences.names", new TextEncoder().encode(JSON.stringify(licences.names)));
  sections.set("headline", new TextEncoder().encode(JSON.stringify(headline)));
  return sections;
}

/** Defines `name` on `target` as read by `load` on first use, then kept. */
function lazily<T extends object>(target: T, name: string, load: () => unknown): void {
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = load();
      Object.defineProperty(target, name, { value, enumerable: true });
      return value;
    },
  });
}

/**
 * The index, metrics and headline figures from their sections (`read` returns one by name), or null when the header
 * is missing or of another format. The arrays are read when first used, so a question reads only what it walks;
 * `read` must throw when a section it is asked for later is gone.
 */
export function indexFromSections<Headline>(
  read: (name: string) => Uint8Array | undefined,
): IndexParts<Headline> | null {
  const headerBytes = read("header");
  if (headerBytes === undefined) return null;
  const header = JSON.parse(new TextDecoder().decode(headerBytes)) as Header;
  if (header.format !== INDEX_FORMAT) return null;
  const headlineBytes = read("headline");
  if (headlineBytes === undefined) return null;
  const index = {
    dataVersion: header.dataVersion,
    size: header.size,
    models: header.models,
    selfLoops: header.selfLoops,
  } as LineageIndex;
  const metrics = {} as IndexMetrics;
  const section = (name: string) => {
    const bytes = read(name);
    if (bytes === undefined) throw new Error(`graph/index-sections: section "${name}" of the lineage index is missing`);
    return bytes;
  };
  for (const [name, kind] of Object.entries(INDEX_ARRAYS)) lazily(index, name, () => viewOf(kind, section(name)));
  for (const [name, kind] of Object.entries(METRIC_ARRAYS))
    lazily(metrics, name, () => viewOf(kind, section(`metrics.${name}`)));
  const groups = {} as IndexGroups;
  lazily(groups, "org", () => viewOf("u32", section("groups.org")));
  for (const name of GROUP_LISTS)
    lazily(groups, name, () => JSON.parse(new TextDecoder().decode(section(`groups.${name}`))) as unknown);
  const licences = {} as LicenceCodes;
  lazily(licences, "code", () => viewOf("u32", section("licences.code")));
  lazily(licences, "names", () => JSON.parse(new TextDecoder().decode(section("licences.names"))) as unknown);
  return {
    index,
    metrics,
    groups,
    licences,
    headline: JSON.parse(new TextDecoder().decode(headlineBytes)) as Headline,
  };
}
