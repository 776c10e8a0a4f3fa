// Opening a recorded file: plain or gzip-compressed (by its magic bytes), its fingerprint (SHA-256 of the bytes
// as stored) and its first characters for format detection. Errors name the file.

import { createHash } from "node:crypto";
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

export class SourceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceFileError";
  }
}

function isGzip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(2);
    const read = readSync(fd, head, 0, 2, 0);
    return read === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

function cannotRead(path: string, error: unknown): SourceFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : (error as Error).message;
  return new SourceFileError(`ingest: cannot read "${path}": ${reason}`);
}

/** Fails with a clear message when the path is missing, a folder, or unreadable. */
export function checkReadable(path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw cannotRead(path, error);
  }
  if (!stat.isFile()) throw new SourceFileError(`ingest: "${path}" is not a file`);
  try {
    closeSync(openSync(path, "r"));
  } catch (error) {
    throw cannotRead(path, error);
  }
}

/** The decompressed text of the file as a stream of UTF-8 chunks. */
export function openText(path: string): Readable {
  checkReadable(path);
  const raw = createReadStream(path);
  const stream = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (error) => stream.destroy(error));
  stream.setEncoding("utf8");
  return stream;
}

export async function readAllText(path: string): Promise<string> {
  let text = "";
  try {
    for await (const chunk of openText(path)) text += chunk as string;
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    throw new SourceFileError(
      `ingest: "${path}" could not be read to the end (${(error as Error).message}); is it truncated?`,
    );
  }
  return withoutBom(text);
}

/** Text without the byte-order mark that some Windows tools write first (JSON.parse refuses it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function fingerprintFile(path: string): Promise<string> {
  checkReadable(path);
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The first `length` characters of the decompressed text. */
export async function peekText(path: string, length = 4096): Promise<string> {
  let text = "";
  const stream = openText(path);
  try {
    for await (const chunk of stream) {
      text += chunk as string;
      if (text.length >= length) break;
    }
  } catch {
    // a short or damaged file: what was read is enough to guess its format
  } finally {
    stream.destroy();
  }
  return text.slice(0, length);
}
