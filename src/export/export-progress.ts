// Progress of a running export on a terminal: the rows wrapped so that every node and edge read is counted, and a
// line rewritten in place at most four times a second ("export: nodes 120,000/2,000,000").

import type { ExportRows } from "./export-rows.js";
import { formatCount } from "../vocabulary/count-text.js";

export function withProgress(rows: ExportRows, write: (text: string) => void, intervalMs = 250): ExportRows {
  let last = 0;
  const counted = <T>(phase: string, total: number, source: () => AsyncIterable<T> | Iterable<T>) =>
    async function* (): AsyncGenerator<T> {
      let done = 0;
      for await (const row of source()) {
        done++;
        const now = Date.now();
        if (now - last >= intervalMs) {
          last = now;
          write(`\rexport: ${phase} ${formatCount(done)}/${formatCount(total)}   `);
        }
        yield row;
      }
      write(`\rexport: ${phase} ${formatCount(done)}/${formatCount(total)} done\n`);
    };
  return {
    nodeCount: rows.nodeCount,
    edgeCount: rows.edgeCount,
    nodes: counted("nodes", rows.nodeCount, () => rows.nodes()),
    edges: counted("edges", rows.edgeCount, () => rows.edges()),
  };
}
