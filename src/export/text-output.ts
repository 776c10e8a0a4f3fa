// Text written to any Writable (a file, stdout, an HTTP response) in chunks of about 64 KB, waiting whenever the
// stream asks to (backpressure), so a writer's memory stays bounded by one chunk whatever it exports.

import type { Writable } from "node:stream";

const CHUNK_CHARS = 1 << 16;

/** A Writable the writers write to; they never end it (the caller owns it). */
export type ExportSink = Writable;

export class TextOutput {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly sink: ExportSink) {}

  /** Queues text; returns true when a chunk is full and `flush()` should be awaited before going on. */
  write(text: string): boolean {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK_CHARS;
  }

  /** Hands the queued text to the sink, waiting while it is over its buffer limit. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    await writeChunk(this.sink, chunk);
  }
}

/** Writes one chunk and resolves once the sink can take more (rejects when the sink fails or closes first). */
export async function writeChunk(sink: ExportSink, chunk: string | Uint8Array): Promise<void> {
  if (sink.destroyed) throw new Error("export: the output was closed before the export finished");
  if (sink.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      sink.off("drain", onDrain).off("close", onClose).off("error", settle);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error("export: the output was closed before the export finished"));
    sink.on("drain", onDrain).on("close", onClose).on("error", settle);
  });
}
