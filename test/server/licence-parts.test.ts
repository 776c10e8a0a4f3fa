// /api/licenses narrowed to some models (`ids`, what the viewer draws) and paged (`offset`, `limit`), on the real
// family-tree dumps: each part equals the whole answer (itself checked against the networkx oracle in
// answers-vs-oracle.test.ts) cut by hand here, and bad parts are refused with one line naming the parameter.

import { afterAll, describe, expect, it } from "vitest";
import { openIndexedLineage } from "../../src/graph/indexed-lineage.js";
import { createApp } from "../../src/server/app.js";
import type { LicencesPage, LicencesResponse } from "../../src/server/wire-types.js";
import { getJson, type ErrorBody } from "../support/app-requests.js";
import { openFixture } from "../support/fixture-databases.js";

const store = openFixture("family-trees");
afterAll(() => store.close());
const app = createApp({ lineage: openIndexedLineage(store), webRoot: null, cacheSize: 0 });
const GEMMA = "google/gemma-7b";
const licences = (query: string) => `/api/licenses?q=${encodeURIComponent(query)}`;

describe("the licences of some models of a family", () => {
  it("give the entries and findings of those models as the whole answer does, in order, others left out", async () => {
    const whole = (await getJson<LicencesResponse>(app, licences(GEMMA))).body;
    expect(whole.models.length).toBeGreaterThan(1000);
    // Three models with findings, one without, the root, and one outside the family (an ancestor of nothing here).
    const withFindings = [...new Set(whole.findings.map((finding) => finding.id))].slice(-3);
    const without = whole.models.find((model) => model.id !== GEMMA && !whole.findings.some((f) => f.id === model.id))
      ?.id as string;
    const outside = "deepseek-ai/DeepSeek-R1";
    const asked = [...withFindings, outside, without, GEMMA, withFindings[0] as string];
    const answer = await getJson<LicencesResponse>(app, `${licences(GEMMA)}&ids=${asked.map(encodeURIComponent)}`);
    expect(answer.status).toBe(200);
    const order = [...withFindings, without, GEMMA];
    expect(answer.body.models).toEqual(order.map((id) => whole.models.find((model) => model.id === id)));
    expect(answer.body.findings).toEqual(order.flatMap((id) => whole.findings.filter((f) => f.id === id)));
    expect(answer.body.findings.length).toBeGreaterThanOrEqual(3);
    expect([answer.body.query, answer.body.kind]).toEqual([GEMMA, "model"]);
    // The rules cited are those of the ancestor licences these findings rest on.
    const cited = new Set(answer.body.findings.flatMap((f) => [f.ancestorLicence, f.with?.licence]));
    expect(Object.keys(answer.body.rules).every((licence) => cited.has(licence))).toBe(true);
    expect(Object.entries(answer.body.rules).every(([licence, source]) => whole.rules[licence] === source)).toBe(true);
  });

  it("of an org: a model of another org's family is outside it", async () => {
    const whole = (await getJson<LicencesResponse>(app, licences("google"))).body;
    const member = whole.models[whole.models.length - 1]?.id as string;
    const answer = await getJson<LicencesResponse>(app, `${licences("google")}&ids=${member},deepseek-ai/DeepSeek-V3`);
    expect(answer.body.models.map((model) => model.id)).toEqual([member]);
  });

  it("are refused with a 400 or 404 naming the parameter when malformed, too many or unknown", async () => {
    const tooMany = Array.from({ length: 501 }, (_, n) => `o/m${n}`).join(",");
    const cases: [string, number, string][] = [
      [`${licences(GEMMA)}&ids=${tooMany}`, 400, `parameter "ids" names more than 500 models`],
      [`${licences(GEMMA)}&ids=a/b,not%20an%20id`, 400, `parameter "ids": "not an id" is not a model id`],
      [`${licences(GEMMA)}&ids=nobody/nothing`, 404, `parameter "ids": unknown model "nobody/nothing"`],
      [`${licences(GEMMA)}&ids=a/b&ids=c/d`, 400, `parameter "ids" is given 2 times; give it once`],
      [
        `${licences(GEMMA)}&limit=5&format=csv`,
        400,
        `parameters "offset" and "limit" page the JSON answer; the CSV holds every finding`,
      ],
    ];
    for (const [path, status, message] of cases) {
      const answer = await getJson<ErrorBody>(app, path);
      expect([answer.status, answer.body.error.message]).toEqual([status, message]);
    }
  });
});

describe("a page of the licences of a family", () => {
  it("holds the models and findings from offset, limit of each, and how many the whole answer has", async () => {
    const whole = (await getJson<LicencesResponse>(app, licences(GEMMA))).body;
    const page = (await getJson<LicencesPage>(app, `${licences(GEMMA)}&offset=10&limit=200`)).body;
    expect(page.models).toEqual(whole.models.slice(10, 210));
    expect(page.findings).toEqual(whole.findings.slice(10, 210));
    expect([page.offset, page.total]).toEqual([10, { models: whole.models.length, findings: 285 }]);
    expect([page.query, page.rules, page.unknown]).toEqual([whole.query, whole.rules, whole.unknown]);
    const first = (await getJson<LicencesPage>(app, `${licences(GEMMA)}&limit=0`)).body;
    expect([first.models, first.findings, first.offset, first.total.findings]).toEqual([[], [], 0, 285]);
  });
});
