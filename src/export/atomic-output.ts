// Writes files so that the requested name only ever holds a complete export: each is written to a hidden
// temporary file in the same directory and renamed over the name at the end; on failure or Ctrl-C it is removed.

import { createWriteStream, rmSync, statSync, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { finished } from "node:stream/promises";

export interface AtomicFile {
  path: string;
  temporary: string;
  stream: WriteStream;
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

/** A failure about an output path, shaped as Node's file-system errors are (`code`, `path`), naming the given path. */
function outputPathError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: "${path}"`), { code, path });
}

/**
 * Refuses an output path whose folder is missing or is not a folder, or that is itself a folder, before any work is
 * done for it; the error names the path given (not the temporary file) by `code` and `path`, as Node's do.
 */
export function checkOutputPaths(paths: readonly string[]): void {
  for (const path of paths) {
    const folder = dirname(resolve(path));
    const folderKind = statSync(folder, { throwIfNoEntry: false });
    if (folderKind === undefined) throw outputPathError("ENOENT", folder);
    if (!folderKind.isDirectory()) throw outputPathError("ENOTDIR", path);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) throw outputPathError("EISDIR", path);
  }
}

/** A failure on a temporary file, told as a failure on the path it stands for (the user never named the other). */
function onGivenPath(error: unknown, files: readonly AtomicFile[]): unknown {
  const failed = error as NodeJS.ErrnoException;
  // A rename's error names its source, the temporary file, as `path`.
  const file = files.find((candidate) => failed?.path === candidate.temporary);
  if (file === undefined || typeof failed.code !== "string") return error;
  return outputPathError(failed.code, file.path);
}

function openAtomic(path: string): AtomicFile {
  const temporary = temporaryName(path);
  return { path, temporary, stream: createWriteStream(temporary, { flags: "wx" }) };
}

/**
 * Opens a temporary file for each path, runs `write` with their streams, then ends them and renames each over its
 * path. If `write` throws, a stream fails, or the process is interrupted, the temporaries are removed and no path
 * is touched.
 */
export async function writeAtomically<T>(
  paths: readonly string[],
  write: (streams: WriteStream[]) => Promise<T>,
): Promise<T> {
  checkOutputPaths(paths);
  const files = paths.map(openAtomic);
  const removeAll = () => {
    for (const file of files) rmSync(file.temporary, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeAll();
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    const failures = files.map((file) => new Promise<never>((_, reject) => file.stream.once("error", reject)));
    for (const failure of failures) failure.catch(() => undefined);
    const result = await Promise.race([write(files.map((file) => file.stream)), ...failures]);
    for (const file of files) file.stream.end();
    await Promise.all(files.map((file) => finished(file.stream)));
    for (const file of files) await rename(file.temporary, file.path);
    return result;
  } catch (error) {
    for (const file of files) file.stream.destroy();
    await Promise.all(files.map((file) => finished(file.stream).catch(() => undefined)));
    await Promise.all(files.map((file) => rm(file.temporary, { force: true })));
    throw onGivenPath(error, files);
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
}
