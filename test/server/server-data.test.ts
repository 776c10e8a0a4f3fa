// What the server reads of a stored lineage index before anyone asks: the parts every family question walks, once
// the server is idle after starting, and nothing else (a stored part is a getter until it is read).

import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp } from "../../src/server/app.js";
import { openStore } from "../../src/store/open-store.js";
import { copyOfFixture } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

afterAll(() => removeScratchFolders());

/** Whether a part of a stored index has been read (until then it is a getter that reads it). */
const isRead = (holder: object, name: string) => Object.getOwnPropertyDescriptor(holder, name)?.get === undefined;

const FAMILY_PARTS = ["flags", "relation", "childStart", "children", "childRelation", "childSource", "downloads"];

describe("the server's data", () => {
  it("reads the index parts every family question walks once idle after starting, and no others", async () => {
    const store = openStore(copyOfFixture("edges", scratchFolder()));
    openIndexedLineage(store);
    // Stored by the first open; read back by the second, each part on first use.
    const lineage = openIndexedLineage(store);
    expect(FAMILY_PARTS.filter((name) => isRead(lineage.index, name))).toEqual([]);
    createApp({ lineage, webRoot: null });
    expect(isRead(lineage.index, "childStart")).toBe(false);
    await sleep(20);
    expect(FAMILY_PARTS.filter((name) => isRead(lineage.index, name))).toEqual(FAMILY_PARTS);
    expect(isRead(lineage.metrics, "descendants")).toBe(true);
    expect(["parentStart", "parents", "created"].filter((name) => isRead(lineage.index, name))).toEqual([]);
    expect(["generation", "pagerank"].filter((name) => isRead(lineage.metrics, name))).toEqual([]);
    store.close();
  });
});
