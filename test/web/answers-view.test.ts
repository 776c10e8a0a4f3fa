// The pure parts of the viewer's answers: the URL form of the licence and path modes, the rows of a drawn path, the
// models and edges the licence findings light, and the drawn models' licences asked for in groups, each once.
// Expected values are written out by hand from the inputs.

import { describe, expect, it } from "vitest";
import type { LicencesResponse, PathResponse } from "../../src/server/wire-types.js";
import { DrawnLicences, idGroups, type DrawnLicenceAnswer } from "../../web/drawn-licences.js";
import { edgeName, findingsLit, licenceCounts, licenceRows } from "../../web/licence-colours.js";
import { pathEdges, pathGraph, pathRows } from "../../web/path-view.js";
import { EMPTY_VIEW, parseViewState, sameFamily, serializeViewState } from "../../web/state.js";

const node = (key: string, fan = false) => ({
  key,
  attributes: fan ? { fan: { parent: "p", relation: "quantized" as const, count: 3 } } : {},
});

describe("the licence and path modes in the URL", () => {
  it("reads and writes the colour mode, the findings filter and the two models of a path", () => {
    const view = parseViewState("?q=a%2Fb&colour=licence&findings=1&from=a%2Fb&to=c%2Fd");
    expect([view.colour, view.findings, view.path]).toEqual(["licence", true, { from: "a/b", to: "c/d" }]);
    expect(serializeViewState(view)).toBe("?q=a%2Fb&colour=licence&findings=1&from=a%2Fb&to=c%2Fd");
    expect(sameFamily(view, { ...view, colour: "relation", findings: false })).toBe(true);
    expect(sameFamily(view, { ...view, path: null })).toBe(false);
  });

  it("drops a colour it does not know, a path with one end, and a path from a model to itself", () => {
    expect(parseViewState("?q=x&colour=rainbow&findings=yes").colour).toBe("relation");
    expect(parseViewState("?q=x&colour=rainbow&findings=yes").findings).toBe(false);
    expect(parseViewState("?q=x&from=a%2Fb").path).toBeNull();
    expect(parseViewState("?q=x&from=a%2Fb&to=a%2Fb").path).toBeNull();
    expect(serializeViewState({ ...EMPTY_VIEW, q: "x" })).toBe("?q=x");
  });
});

describe("a path drawn", () => {
  // a → b → d and a → c → d (a merge d of b and c), with a longer way a → b → c.
  const report: PathResponse = {
    from: "a",
    to: "d",
    direction: "down",
    paths: [
      ["a", "b", "d"],
      ["a", "c", "d"],
      ["a", "b", "c", "d"],
    ],
    truncated: false,
    commonAncestors: [],
  };

  it("walks each edge once and puts each model one row below its lowest drawn parent", () => {
    const edges = pathEdges(report);
    expect(edges).toEqual([
      ["a", "b"],
      ["b", "d"],
      ["a", "c"],
      ["c", "d"],
      ["b", "c"],
    ]);
    expect(Object.fromEntries(pathRows(["a", "b", "c", "d"], edges))).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it("says unknown for a model or an edge the ancestries do not describe, never a guess", () => {
    const graph = pathGraph(report, []);
    expect(graph.nodes.map((n) => [n.key, n.attributes.depth, n.attributes.downloads, n.attributes.relation])).toEqual([
      ["a", 0, null, null],
      ["d", 3, null, null],
      ["b", 1, null, null],
      ["c", 2, null, null],
    ]);
    expect(new Set(graph.edges.map((edge) => edge.attributes.relation))).toEqual(new Set(["unknown"]));
  });
});

describe("licence classes and findings over a drawn graph", () => {
  const report = {
    query: "o/base",
    kind: "model",
    models: [
      { id: "o/base", licence: "llama3", class: "restrictive", ancestorLicences: [] },
      { id: "x/tune", licence: "mit", class: "permissive", ancestorLicences: ["llama3"] },
      { id: "y/merge", licence: "none", class: "none", ancestorLicences: ["llama3", "mit"] },
    ],
    findings: [
      {
        id: "y/merge",
        licence: "mit",
        ancestor: "o/base",
        ancestorLicence: "llama3",
        kind: "use-restrictions",
        path: ["o/base", "x/tune", "y/merge"],
      },
      {
        id: "y/merge",
        licence: "none",
        ancestor: "z/other",
        ancestorLicence: "cc-by-nc-4.0",
        kind: "merge-incompatible",
        path: ["z/other", "y/merge"],
        with: { id: "x/tune", licence: "mit" },
      },
    ],
    rules: {},
    unknown: { models: 0, byLicence: {} },
  } as LicencesResponse;

  it("puts each drawn node in one legend row: its class, a fan or collapsed subtree, or outside the answer", () => {
    const collapsed = { key: "c", attributes: { collapsed: { parent: "o/base", count: 4, children: 2 } } };
    const rows = licenceRows(report, {
      nodes: [node("o/base"), node("x/tune"), node("up/root"), node("f", true), collapsed],
    });
    expect(Object.fromEntries(rows)).toEqual({
      "o/base": "restrictive",
      "x/tune": "permissive",
      "up/root": "outside",
      f: "fan",
      c: "fan",
    });
    expect(licenceCounts(rows)).toEqual({ permissive: 1, restrictive: 1, none: 0, unknown: 0, outside: 1, fan: 2 });
  });

  it("lights the models with findings, the models on their paths, a merge's other parent, and those edges", () => {
    const { lit, litEdges } = findingsLit(report);
    expect([...lit].sort()).toEqual(["o/base", "x/tune", "y/merge", "z/other"]);
    expect([...litEdges].sort()).toEqual(
      [edgeName("o/base", "x/tune"), edgeName("x/tune", "y/merge"), edgeName("z/other", "y/merge")].sort(),
    );
  });
});

describe("the licences of the drawn models", () => {
  it("are asked for in groups of at most so many ids and so many encoded characters (id, comma)", () => {
    // "a/b" is 5 characters encoded ("a%2Fb"), "long/name" 11, each counted with 3 for its comma.
    expect(idGroups(["a/b", "a/c", "a/d"], 2, 100)).toEqual([["a/b", "a/c"], ["a/d"]]);
    expect(idGroups(["a/b", "long/name", "a/c"], 10, 16)).toEqual([["a/b"], ["long/name"], ["a/c"]]);
    expect(idGroups(["a/b", "a/c"], 10, 16)).toEqual([["a/b", "a/c"]]);
    expect(idGroups([], 10, 16)).toEqual([]);
  });

  it("ask for each model once, leave out those outside the family, and ask again after a failed read", async () => {
    const reads: string[][] = [];
    let failNext = false;
    const drawn = new DrawnLicences(async (ids): Promise<DrawnLicenceAnswer> => {
      reads.push(ids);
      if (failNext) {
        failNext = false;
        throw new Error("offline");
      }
      const inFamily = ids.filter((id) => id.startsWith("f/"));
      return {
        models: inFamily.map((id) => ({ id, licence: "mit", class: "permissive", ancestorLicences: [] })),
        findings: inFamily.map((id) => ({
          id,
          licence: "mit",
          ancestor: "f/root",
          ancestorLicence: "llama3",
          kind: "use-restrictions",
          path: ["f/root", id],
        })),
      };
    });
    const first = await drawn.of(["f/a", "up/root", "f/b"]);
    expect(first.models.map((model) => model.id)).toEqual(["f/a", "f/b"]);
    expect(first.findings.map((finding) => finding.id)).toEqual(["f/a", "f/b"]);
    const second = await drawn.of(["f/b", "f/c", "up/root"]);
    expect(second.models.map((model) => model.id)).toEqual(["f/b", "f/c"]);
    expect(reads).toEqual([["f/a", "up/root", "f/b"], ["f/c"]]);
    failNext = true;
    await expect(drawn.of(["f/d"])).rejects.toThrow("offline");
    expect((await drawn.of(["f/d"])).models.map((model) => model.id)).toEqual(["f/d"]);
    expect(reads.slice(2)).toEqual([["f/d"], ["f/d"]]);
  });
});
