// Writers respect a slow sink (they wait for 'drain', so no more than one chunk is ever queued beyond the sink's
// buffer), fail instead of hanging when the sink closes mid-export, and report progress on a terminal.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { withProgress } from "../../src/export/export-progress.js";
import type { ExportNode, ExportRows } from "../../src/export/export-rows.js";
import { writeExport } from "../../src/export/write-export.js";

function syntheticRows(count: number): ExportRows {
  const node = (i: number): ExportNode => ({
    id: `org/model-${i}`,
    author: "org",
    downloads: i,
    likes: 0,
    createdAt: null,
    license: null,
    pipelineTag: null,
    library: null,
    generation: null,
    descendants: null,
    relation: null,
    placeholder: false,
  });
  return {
    nodeCount: count,
    edgeCount: count - 1,
    *nodes() {
      for (let i = 0; i < count; i++) yield node(i);
    },
    *edges() {
      for (let i = 1; i < count; i++)
        yield { parent: `org/model-${i - 1}`, child: `org/model-${i}`, relation: "finetune", source: "tag" };
    },
  };
}

describe("writing to a stream", () => {
  it("waits for a slow sink instead of queueing the whole document", async () => {
    let bytes = 0;
    let mostQueued = 0;
    const sink: Writable = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        setTimeout(callback, 1);
      },
    });
    const watch = setInterval(() => (mostQueued = Math.max(mostQueued, sink.writableLength)), 0);
    await writeExport("json", syntheticRows(20_000), sink);
    clearInterval(watch);
    // 20,000 nodes write about 5 MB; at most one 64K-character chunk (≤ 256 KB in UTF-8) waits beyond the buffer.
    expect(bytes).toBeGreaterThan(4_000_000);
    expect(mostQueued).toBeLessThanOrEqual(16 * 1024 + 256 * 1024);
  });

  it("rejects when the sink is closed mid-export", async () => {
    let written = 0;
    const sink: Writable = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > 100_000) sink.destroy();
        else setTimeout(callback, 1);
      },
    });
    await expect(writeExport("gexf", syntheticRows(20_000), sink)).rejects.toThrow(/closed before the export finished/);
  });

  it("reports progress per phase and a final count", async () => {
    const lines: string[] = [];
    const rows = withProgress(syntheticRows(3), (text) => lines.push(text), 0);
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await writeExport("graphml", rows, sink);
    expect(lines.filter((line) => line.endsWith("done\n"))).toEqual([
      "\rexport: nodes 3/3 done\n",
      "\rexport: edges 2/2 done\n",
    ]);
  });
});
