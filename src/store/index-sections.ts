// Where the lineage index is kept: its small sections (JSON) in the database and its large ones (typed arrays) in one
// file beside it, named by the data version, both under the data version they were built from. The file is written
// whole before the database names it, and the database rows are replaced in one transaction, so a reader sees either
// the previous complete index or the new one.
//
// Why a file for the large sections: SQLite keeps a blob of megabytes as a chain of overflow pages, writes it twice
// (the write-ahead log, then the database) and reads it page by page; at the Hub's size the arrays are about 150 MB,
// and storing and reading them as blobs was most of the time an index update and a cold question took.

import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { bulkWriteUnderway } from "./bulk-write.js";
import { connectionOf, type Store } from "./database-handle.js";
import { dataVersion } from "./open-store.js";

/** Sections larger than this go to the file; the smaller ones (headers, JSON lists) stay in the database. */
const INLINE_LIMIT = 64 * 1024;

/** The database row that names the file and where each large section lies in it. */
const FILE_SECTION = "file";

/** Every section in the file starts on a multiple of this, so each typed array is a view without a copy. */
const ALIGNMENT = 8;

interface FileManifest {
  /** The file's name in the index directory. */
  name: string;
  /** Its length in bytes: a shorter file (damaged, cut) is not read. */
  length: number;
  /** Each large section's offset and length. */
  sections: Record<string, [number, number]>;
}

/** The directory beside the database that holds its index files: `hub.db` → `hub.db-index`. */
export function indexDirectoryOf(store: Store): string | null {
  return store.path === ":memory:" || store.path === "" ? null : `${store.path}-index`;
}

function manifestOf(store: Store, version: number): FileManifest | null {
  const bytes = connectionOf(store)
    .prepare(`SELECT bytes FROM lineage_index WHERE data_version = ? AND section = ?`)
    .pluck()
    .get(version, FILE_SECTION) as Buffer | undefined;
  return bytes === undefined ? null : (JSON.parse(bytes.toString("utf8")) as FileManifest);
}

/** Whether the file a manifest names is there whole. */
function fileIsWhole(store: Store, manifest: FileManifest): boolean {
  const directory = indexDirectoryOf(store);
  if (directory === null) return false;
  try {
    return statSync(join(directory, manifest.name)).size === manifest.length;
  } catch {
    return false;
  }
}

/**
 * The data version of the stored index, or null when none is stored or its file is missing or cut (a database
 * copied without its index directory): such an index is built again.
 */
export function storedIndexVersion(store: Store): number | null {
  const version = connectionOf(store).prepare(`SELECT max(data_version) FROM lineage_index`).pluck().get();
  if (typeof version !== "number") return null;
  const manifest = manifestOf(store, version);
  return manifest === null || fileIsWhole(store, manifest) ? version : null;
}

/** `length` bytes of the file at `offset`, in a buffer of their own (aligned for any typed array), or undefined. */
function readFileRange(path: string, offset: number, length: number): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const bytes = new Uint8Array(new ArrayBuffer(length));
    let read = 0;
    while (read < length) {
      const got = readSync(fd, bytes, read, length - read, offset + read);
      if (got === 0) return undefined;
      read += got;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * A reader of the sections of the index stored for `version`: each returns the stored bytes, or undefined when the
 * section is gone (the index was replaced by a newer one since). The manifest is read now, in the caller's
 * transaction; the large sections are read from the file when asked for.
 */
export function storedSectionReader(store: Store, version: number): (section: string) => Uint8Array | undefined {
  const db = connectionOf(store);
  const manifest = manifestOf(store, version);
  const directory = indexDirectoryOf(store);
  const inline = db.prepare(`SELECT bytes FROM lineage_index WHERE data_version = ? AND section = ?`).pluck();
  return (section) => {
    const range = manifest?.sections[section];
    if (range === undefined || manifest === null || directory === null) {
      return (inline.get(version, section) as Buffer | undefined) ?? undefined;
    }
    return readFileRange(join(directory, manifest.name), range[0], range[1]);
  };
}

/** Writes the large sections into a new file of the index directory; returns its manifest. */
function writeIndexFile(directory: string, version: number, large: [string, Uint8Array][]): FileManifest {
  mkdirSync(directory, { recursive: true });
  const name = `${version}-${randomBytes(6).toString("hex")}.lineage`;
  const partial = join(directory, `${name}.partial`);
  const sections: Record<string, [number, number]> = {};
  const fd = openSync(partial, "w");
  let offset = 0;
  try {
    const padding = new Uint8Array(ALIGNMENT);
    for (const [section, bytes] of large) {
      const gap = (ALIGNMENT - (offset % ALIGNMENT)) % ALIGNMENT;
      if (gap > 0) offset += writeSync(fd, padding, 0, gap);
      sections[section] = [offset, bytes.byteLength];
      for (let written = 0; written < bytes.byteLength;)
        written += writeSync(fd, bytes, written, bytes.byteLength - written);
      offset += bytes.byteLength;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, join(directory, name));
  return { name, length: offset, sections };
}

/** Removes the index files no longer named but `keep` (the new file, and the one a reader may still be reading). */
function removeOldFiles(directory: string, keep: Set<string>): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    if (keep.has(name) || !/^\d+-[0-9a-f]+\.lineage(\.partial)?$/.test(name)) continue;
    rmSync(join(directory, name), { force: true });
  }
}

/**
 * Replaces the stored index with these sections, built from data version `version`, and forgets the models changed
 * before it (the caller holds the write lock and has checked that `version` is the data's version). The large
 * sections go to a new file first; when it cannot be written (a read-only directory, a full disk), every section is
 * kept in the database instead. Nothing is stored while a bulk write has the change triggers set aside.
 */
export function writeIndexSections(store: Store, version: number, sections: Map<string, Uint8Array>): void {
  if (bulkWriteUnderway(store)) return;
  const db = connectionOf(store);
  const directory = indexDirectoryOf(store);
  const large = [...sections].filter(([, bytes]) => bytes.byteLength > INLINE_LIMIT);
  let manifest: FileManifest | null = null;
  if (directory !== null && large.length > 0) {
    try {
      manifest = writeIndexFile(directory, version, large);
    } catch {
      manifest = null;
    }
  }
  const previous = storedFileName(store);
  const insert = db.prepare(`INSERT INTO lineage_index (data_version, section, bytes) VALUES (?, ?, ?)`);
  db.transaction(() => {
    db.prepare(`DELETE FROM lineage_index`).run();
    db.prepare(`DELETE FROM changed_models`).run();
    for (const [name, bytes] of sections) {
      if (manifest?.sections[name] !== undefined) continue;
      insert.run(version, name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    if (manifest !== null) insert.run(version, FILE_SECTION, Buffer.from(JSON.stringify(manifest), "utf8"));
  })();
  if (directory !== null) {
    const keep = new Set([manifest?.name, previous].filter((name): name is string => name !== undefined));
    removeOldFiles(directory, keep);
  }
}

/** The name of the index file the database names now, if any. */
function storedFileName(store: Store): string | undefined {
  const version = connectionOf(store).prepare(`SELECT max(data_version) FROM lineage_index`).pluck().get();
  return typeof version === "number" ? manifestOf(store, version)?.name : undefined;
}

/**
 * Runs `work` holding the database's write lock, with the data version it sees; returns undefined at once, without
 * running it, when another connection is writing (an import or a crawl in progress).
 */
export function withWriteLock<T>(store: Store, work: (version: number) => T): T | undefined {
  const db = connectionOf(store);
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    db.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return undefined;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  try {
    const result = work(dataVersion(store));
    db.exec("COMMIT");
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
