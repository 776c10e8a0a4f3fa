// An org's own models are found by a range on the case-insensitive id index: every case of the org, nothing that
// merely looks alike (`_` is no wildcard here, and `my_org0/...` or `my_orgz/...` belong to other orgs).

import { describe, expect, it } from "vitest";
import { resolveQuery } from "../../src/graph/resolve-query.js";
import { orgModelIds } from "../../src/store/model-queries.js";
import { openStore } from "../../src/store/open-store.js";
import { connectionOf } from "../../src/store/database-handle.js";

describe("orgModelIds", () => {
  it("finds exactly the org's models, any case, sorted by id", () => {
    const db = openStore(":memory:");
    const insert = connectionOf(db).prepare(`INSERT INTO models (id, placeholder) VALUES (?, 0)`);
    for (const id of ["my_org/a", "myXorg/b", "MY_ORG/c", "my_org0/d", "my_orgz/e", "my_or/f", "my_org"])
      insert.run(id);
    // By hand: the ids whose text before the first "/" equals "my_org" ignoring case are my_org/a and MY_ORG/c;
    // sorted by id (upper case before lower case) MY_ORG/c comes first.
    expect(orgModelIds(db, "my_org")).toEqual(["MY_ORG/c", "my_org/a"]);
    expect(orgModelIds(db, "My_Org")).toEqual(["MY_ORG/c", "my_org/a"]);
    // A bare "my_org" is a legacy model id, so it resolves to that model rather than to the org.
    expect(resolveQuery(db, "my_org")).toEqual({ kind: "model", id: "my_org" });
    expect(resolveQuery(db, "myxorg")).toEqual({ kind: "org", org: "myXorg", models: ["myXorg/b"] });
  });
});
