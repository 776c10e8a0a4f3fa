// A running server and an import into its database: while the import has not rebuilt the lineage index, every
// answer still comes from the version served (a model added meanwhile is a 404, not a failure); once a newer
// index is stored, the server switches to it whole. Expected figures: the edges fixture's own stats plus one.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newerStoredLineage, openIndexedLineage, refreshIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp, type App } from "../../src/server/app.js";
import type { StatsResponse } from "../../src/server/wire-types.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { importFile } from "../../src/sync/import-file.js";
import { getJson, type ErrorBody } from "../support/app-requests.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

let store: Store;
let app: App;
let before: StatsResponse;
const folder = scratchFolder();

beforeAll(async () => {
  store = openStore(copyOfFixture("edges", folder));
  app = createApp({
    lineage: openIndexedLineage(store),
    newerLineage: (served) => newerStoredLineage(store, served),
    webRoot: null,
  });
  before = (await getJson<StatsResponse>(app, "/api/stats")).body;
});

afterAll(() => {
  store.close();
  removeScratchFolders();
});

describe("a server while its database is written to", () => {
  it("answers from the version it serves until a newer index is stored, then from the newer one", async () => {
    const file = join(folder, "one-more.csv");
    writeFileSync(file, "child,parent,relation\nnew-org/new-model,meta-llama/Llama-3.1-8B,finetune\n");
    await importFile(store, file);

    const added = await getJson<ErrorBody>(app, "/api/model?id=new-org/new-model");
    expect(added.status).toBe(404);
    expect(added.body.error.message).toBe(
      'store: "new-org/new-model" came after the lineage index in use was built; ' +
        "it is answered once the index is rebuilt",
    );
    expect((await getJson<StatsResponse>(app, "/api/stats")).body).toEqual(before);

    refreshIndexedLineage(store);
    // The server looks for a newer index at most once a second.
    await sleep(1100);
    const after = (await getJson<StatsResponse>(app, "/api/stats")).body;
    expect(after).toEqual({ ...before, nodes: before.nodes + 1, edges: before.edges + 1 });
    const model = await getJson<{ ancestors: { id: string; depth: number }[] }>(app, "/api/model?id=new-org/new-model");
    expect(model.status).toBe(200);
    expect(model.body.ancestors[0]).toEqual({ id: "meta-llama/Llama-3.1-8B", depth: 1 });
  });
});
