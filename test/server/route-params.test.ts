// Every API route takes exactly the parameters README.md's route table lists: any other is refused with a 400
// naming it and listing the route's own, before the answer cache is asked, so `&junk=N` never makes a new answer.

import { beforeAll, describe, expect, it } from "vitest";
import type { Lineage } from "../support/graphology-reference/lineage.js";
import type { App } from "../../src/server/app.js";
import { appOver } from "../support/app-requests.js";
import { fixtureLineage } from "../support/fixture-databases.js";

let lineage: Lineage;
let app: App;

beforeAll(() => {
  lineage = fixtureLineage("edges-and-metadata");
  app = appOver(lineage);
});

// Written by hand from README.md's route table (the parameters each route's line names, in that order).
const ROUTES: [string, string][] = [
  ["/api/search", "q, limit"],
  ["/api/model", "id"],
  ["/api/family", "q, depth, relations, maxNodes, expand, overview, open"],
  ["/api/family-table", "q, depth, relations, maxRows"],
  ["/api/ancestry", "id, maxNodes"],
  ["/api/top", "by, limit"],
  ["/api/top-orgs", "limit"],
  ["/api/quants", "id, format, bits, through"],
  ["/api/adapters", "id, through"],
  ["/api/licenses", "q, format, ids, offset, limit"],
  ["/api/path", "from, to, maxPaths"],
  ["/api/siblings", "id"],
  ["/api/report", "family, since, largest, limit, format"],
  ["/api/export", "q, format, depth, relations, table"],
];

describe("unknown parameters", () => {
  it.each(ROUTES)("%s refuses one with a 400 naming it and the parameters it takes", async (route, takes) => {
    const response = await app(new Request(`http://localhost${route}?junk=1`));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      error: { status: 400, message: `parameter "junk" is not known to ${route}; it takes ${takes}` },
    });
  });

  it.each(["/api/stats", "/api/checks"])("%s takes none", async (route) => {
    const response = await app(new Request(`http://localhost${route}?x=`));
    expect(await response.json()).toEqual({
      error: { status: 400, message: `parameter "x" is not known to ${route}; it takes no parameters` },
    });
  });

  it("are refused even beside valid ones and after the same request was answered", async () => {
    const path = "/api/family?q=meta-llama&maxNodes=50";
    expect((await app(new Request(`http://localhost${path}`))).status).toBe(200);
    for (const junk of ["junk=1", "junk=2", "Q=meta-llama", "maxnodes=50", "q%00=x"]) {
      const response = await app(new Request(`http://localhost${path}&${junk}`));
      expect(response.status).toBe(400);
      const name = new URLSearchParams(junk).keys().next().value as string;
      expect((await response.json()).error.message).toBe(
        `parameter ${JSON.stringify(name)} is not known to /api/family; ` +
          "it takes q, depth, relations, maxNodes, expand, overview, open",
      );
    }
  });

  it("are named in at most 100 characters, as JSON, whatever was sent", async () => {
    const name = `<b>${"n".repeat(200)}`;
    const response = await app(new Request(`http://localhost/api/stats?${encodeURIComponent(name)}=1`));
    const text = await response.text();
    expect(text).not.toContain("<");
    expect(JSON.parse(text).error.message).toBe(
      `parameter ${JSON.stringify(name.slice(0, 100))} is not known to /api/stats; it takes no parameters`,
    );
  });
});
