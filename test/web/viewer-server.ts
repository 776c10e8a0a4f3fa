// Serves the real viewer for browser tests: the viewer built by Vite into a temporary folder, the real server
// (createApp) over a database imported from the real data files, listening on a free loopback port.

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { loadLineage, type Lineage } from "../../src/graph/lineage.js";
import { createApp, type App } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";

export const DATA = resolve(process.cwd(), "../shared/data");

export interface ViewerServer {
  url: string;
  app: App;
  lineage: Lineage;
  close(): Promise<void>;
}

/** The real data files, in the order the store expects (edges, then metadata, then the full records). */
export function realDataFiles(): string[] {
  const trees = join(DATA, "family-trees-2025-04");
  return [
    join(DATA, "lineage-top50k-textgen/edges.csv"),
    join(DATA, "lineage-top50k-textgen/metadata.csv"),
    ...readdirSync(trees).filter((name) => name.endsWith(".json")).sort().map((name) => join(trees, name)),
  ];
}

export async function buildViewer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "hf-lineage-web-"));
  await build({ configFile: resolve(process.cwd(), "web/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function startViewerServer(): Promise<ViewerServer> {
  const db = openStore(":memory:");
  for (const file of realDataFiles()) await importFile(db, file);
  const lineage = loadLineage(db);
  const webRoot = await buildViewer();
  const app = createApp({ lineage, webRoot });
  const { server, url } = await listen(app, { port: 0, host: "127.0.0.1" });
  return {
    url: url.replace(/\/$/, ""),
    app,
    lineage,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      db.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
