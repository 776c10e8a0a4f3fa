// A Hub record is the whole truth about its card's bases: when a later copy of the same record no longer names a
// base, the edge it produced and the stored raw `base_model` value both go, whichever path (import or crawl) saved it.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../../src/sync/import-file.js";
import { openStore } from "../../src/store/open-store.js";
import { KOKORO_DUMP } from "../support/bundled-data.js";
import { hubRecordOf } from "../support/real-hub-records.js";
import { connectionOf } from "../../src/store/database-handle.js";

const folder = mkdtempSync(join(tmpdir(), "hf-lineage-card-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a base removed from a card", () => {
  it("takes the edge and the raw base_model value with it", async () => {
    const db = openStore(":memory:");
    // ThornoDen/Sonya's real card lists `base_model: [hexgrad/Kokoro-82M]`, and the Hub tags it as a finetune of it.
    const before = hubRecordOf(KOKORO_DUMP, "ThornoDen/Sonya");
    const after = {
      ...before,
      tags: before.tags.filter((tag) => !tag.startsWith("base_model:")),
      cardData: { ...before.cardData, base_model: undefined },
    };
    writeFileSync(join(folder, "before.jsonl"), `${JSON.stringify(before)}\n`);
    writeFileSync(join(folder, "after.jsonl"), `${JSON.stringify(after)}\n`);

    await importFile(db, join(folder, "before.jsonl"));
    expect(
      connectionOf(db).prepare(`SELECT parent, relation, source FROM edges WHERE child = 'ThornoDen/Sonya'`).all(),
    ).toEqual([{ parent: "hexgrad/Kokoro-82M", relation: "finetune", source: "tag" }]);
    expect(connectionOf(db).prepare(`SELECT base_model_raw FROM models WHERE id = 'ThornoDen/Sonya'`).get()).toEqual({
      base_model_raw: JSON.stringify(["hexgrad/Kokoro-82M"]),
    });

    await importFile(db, join(folder, "after.jsonl"));
    expect(connectionOf(db).prepare(`SELECT count(*) AS n FROM edges WHERE child = 'ThornoDen/Sonya'`).get()).toEqual({
      n: 0,
    });
    expect(connectionOf(db).prepare(`SELECT base_model_raw FROM models WHERE id = 'ThornoDen/Sonya'`).get()).toEqual({
      base_model_raw: null,
    });
  });
});
