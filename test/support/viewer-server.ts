// Serves the real viewer for browser tests: the viewer built by Vite into a temporary folder, the real server
// (createApp) over the shared database of the whole real snapshot, listening on a free loopback port.

import { rmSync } from "node:fs";
import type { Lineage } from "./graphology-reference/lineage.js";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp, type App } from "../../src/server/app.js";
import { listen } from "../../src/server/listen.js";
import { buildViewer } from "./build-viewer.js";
import { fixtureLineage } from "./fixture-databases.js";

export interface ViewerServer {
  url: string;
  app: App;
  lineage: Lineage;
  close(): Promise<void>;
}

/** The server over all 13 real data files (edges, models, the family-tree dumps), read-only. */
export async function startViewerServer(): Promise<ViewerServer> {
  const lineage = fixtureLineage("bundle");
  const webRoot = await buildViewer();
  const app = createApp({ lineage: openIndexedLineage(lineage.store), webRoot });
  const { server, url } = await listen(app, { port: 0, host: "127.0.0.1" });
  return {
    url: url.replace(/\/$/, ""),
    app,
    lineage,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      lineage.store.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
