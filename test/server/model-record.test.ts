// GET /api/model on a model with a full Hub record: the April 2025 phi-2 family-tree dump imported over the June
// 2025 edge list. Expected fields were read from the dump's `metadata` JSON with Python's json module.

import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../src/server/app.js";
import { appOver, getJson } from "../support/app-requests.js";
import { PHI2_DUMP } from "../support/bundled-data.js";
import { fixtureLineageWith } from "../support/fixture-databases.js";
import { removeScratchFolders, scratchFolder } from "../support/scratch-folders.js";

let app: App;

beforeAll(async () => {
  app = appOver(await fixtureLineageWith("edges-and-metadata", [PHI2_DUMP], scratchFolder()));
});
afterAll(removeScratchFolders);

it("answers the stored record in the Hub's field names", async () => {
  const { status, body } = await getJson<{ model: unknown; ancestors: unknown[] }>(
    app,
    "/api/model?id=microsoft/phi-2",
  );
  expect(status).toBe(200);
  // phi-2 dump, model_id microsoft/phi-2: created_at "2023-12-13 21:19:59+00:00", last_modified
  // "2024-04-29 16:25:56+00:00", downloads 885255, likes 3314, tag license:mit, gated False.
  expect(body.model).toEqual({
    id: "microsoft/phi-2",
    author: "microsoft",
    createdAt: "2023-12-13T21:19:59.000Z",
    lastModified: "2024-04-29T16:25:56.000Z",
    downloads: 885255,
    likes: 3314,
    license: "mit",
    declaredLicence: "mit",
    pipelineTag: "text-generation",
    libraryName: "transformers",
    gated: false,
    placeholder: false,
    relation: null,
  });
  expect(body.ancestors).toEqual([]);
});

it("tells a record declaring no licence from a model whose record was never read", async () => {
  // SaborDay/Phi2_RCT1M-ft-heading: in the phi-2 dump, no license: tag and no license in its card. Qwen2.5-7B-Instruct:
  // in the edge list and metadata.csv (which has no licence column), not in the dump.
  const declared = async (id: string) =>
    (await getJson<{ model: { license: unknown; declaredLicence: unknown } }>(app, `/api/model?id=${id}`)).body.model;
  expect(await declared("SaborDay/Phi2_RCT1M-ft-heading")).toMatchObject({ license: null, declaredLicence: "none" });
  expect(await declared("Qwen/Qwen2.5-7B-Instruct")).toMatchObject({ license: null, declaredLicence: "unknown" });
});
