// Writes files so that the requested name only ever holds a complete export: each is written to a hidden
// temporary file in the same directory and renamed over the name at the end; on failure or Ctrl-C it is removed.

import { createWriteStream, rmSync, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";

export interface AtomicFile {
  path: string;
  temporary: string;
  stream: WriteStream;
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
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
    throw error;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
}
