// Searching ids inside SQLite: LIKE's own characters in the text match only themselves, letters match without case,
// ranking calls back into the caller, and the "did you mean" candidates hold every id within the edit budget.

import { afterAll, describe, expect, it } from "vitest";
import { suggestModels } from "../../src/graph/resolve-query.js";
import { connectionOf } from "../../src/store/database-handle.js";
import { modelIdsContainingAny, modelsContaining, orgsContaining } from "../../src/store/model-queries.js";
import { openStore } from "../../src/store/open-store.js";

const store = openStore(":memory:");
afterAll(() => store.close());
const IDS = ["org/a_b", "org/axb", "Org/A%B", "other/a\\b", "Lab/model-7", "lab/model-70", "tiny/model-7"];
const VALUES = IDS.map((id, i) => `('${id}', ${i === 2 ? "NULL" : i * 10})`);
connectionOf(store).exec(`INSERT INTO models (id, downloads) VALUES ${VALUES.join(",")}`);
const nodeOf = new Map(IDS.map((id, i) => [id, i + 1]));

describe("models whose id contains a text", () => {
  it("takes _, % and \\ literally and letters without case", () => {
    const none = () => 0;
    expect(modelsContaining(store, "a_b", 10, [none]).map(([, id]) => id)).toEqual(["org/a_b"]);
    expect(modelsContaining(store, "a%b", 10, [none]).map(([, id]) => id)).toEqual(["Org/A%B"]);
    expect(modelsContaining(store, "a\\b", 10, [none]).map(([, id]) => id)).toEqual(["other/a\\b"]);
    expect(modelsContaining(store, "ORG/", 10, [none]).map(([, id]) => id)).toEqual(["Org/A%B", "org/a_b", "org/axb"]);
  });

  it("ranks by each callback in turn, then by id, and stops at the limit", () => {
    const byModelSeven = (node: number) => (node === nodeOf.get("tiny/model-7") ? 1 : 0);
    const byNode = (node: number) => node;
    expect(modelsContaining(store, "model-7", 2, [byModelSeven, byNode])).toEqual([
      [7, "tiny/model-7"],
      [6, "lab/model-70"],
    ]);
  });
});

describe("orgs whose name contains a text", () => {
  it("groups spellings of one org, sums weights and known downloads, heaviest first", () => {
    expect(orgsContaining(store, "O", (node) => node)).toEqual([
      { lower: "org", spelled: "Org", weight: 1 + 2 + 3, downloads: 0 + 10 },
      { lower: "other", spelled: "other", weight: 4, downloads: 30 },
    ]);
  });
});

describe("did you mean", () => {
  it("measures every id holding a piece of the text, or its name", () => {
    const anyLength = { min: 0, max: 100, orgs: false };
    expect([...modelIdsContainingAny(store, ["xb"], "model-7", anyLength)].sort()).toEqual([
      "Lab/model-7",
      "org/axb",
      "tiny/model-7",
    ]);
    // Outside the length window ("org/axb" has 7 characters) only the same name is measured; `_` in a name is literal.
    expect([...modelIdsContainingAny(store, ["xb"], "model-7", { min: 0, max: 6, orgs: false })].sort()).toEqual([
      "Lab/model-7",
      "tiny/model-7",
    ]);
    expect([...modelIdsContainingAny(store, ["a"], "a_b", { min: 0, max: 2, orgs: false })]).toEqual(["org/a_b"]);
    // With orgs, an id whose org (3 letters) is within the window is measured however long the id is; not "tiny/…".
    expect([...modelIdsContainingAny(store, ["o"], "none", { min: 3, max: 3, orgs: true })].sort()).toEqual([
      "Lab/model-7",
      "Org/A%B",
      "lab/model-70",
      "org/a_b",
      "org/axb",
    ]);
    // "lab/model-7x" is one edit from Lab/model-7 and lab/model-70, five from tiny/model-7 (over the budget of 3).
    expect(suggestModels(store, "lab/model-7x")).toEqual(["Lab/model-7", "lab/model-70"]);
    // A name without its org finds that name under every org, whatever the distance.
    expect(suggestModels(store, "model-7")).toEqual(["Lab/model-7", "tiny/model-7"]);
  });
});
