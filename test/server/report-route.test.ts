// GET /api/report on the bundled snapshot: exactly what `report --json` prints with the same options, and bad
// parameters answered with the one JSON error shape (400 for a bad date, 404 with suggestions for an unknown family).

import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/server/app.js";
import type { ReportDocumentResponse, ReportResponse } from "../../src/server/wire-types.js";
import { appOver, getJson, type ErrorBody } from "../support/app-requests.js";
import { fixtureLineage, fixturePath } from "../support/fixture-databases.js";
import { runCliInProcess } from "../support/in-process-cli.js";

let app: App;

beforeAll(() => {
  app = appOver(fixtureLineage("bundle"));
}, 600_000);

describe("GET /api/report", () => {
  it("answers exactly as `report --json` with the same options", async () => {
    const { status, body } = await getJson(
      app,
      "/api/report?family=microsoft/phi-2&family=google&largest=1&since=2024-07-01",
    );
    expect(status).toBe(200);
    const cli = await runCliInProcess([
      "report",
      "--db",
      fixturePath("bundle"),
      "--family",
      "microsoft/phi-2",
      "--family",
      "google",
      "--largest",
      "1",
      "--since",
      "2024-07-01",
      "--json",
    ]);
    expect(body).toEqual(JSON.parse(cli.stdout));
  });

  it("answers the report's sections with format=document, and refuses a format it does not know", async () => {
    const search = "family=microsoft/phi-2&largest=2";
    const figures = await getJson<ReportResponse>(app, `/api/report?${search}`);
    const { status, body } = await getJson<ReportDocumentResponse>(app, `/api/report?${search}&format=document`);
    expect(status).toBe(200);
    const families = body.find((section) => section.title === "Family size")?.tables[0]?.rows ?? [];
    // The header, then one row per family: its query, own models, direct children and descendants from the JSON.
    expect(families.slice(1).map((row) => row.slice(0, 4))).toEqual(
      figures.body.families.map((family) => [family.query, family.models, family.directChildren, family.descendants]),
    );
    const bad = await getJson<ErrorBody>(app, "/api/report?format=xml");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('parameter "format"');
  });

  it("refuses a date that does not exist and an unknown family", async () => {
    const date = await getJson<ErrorBody>(app, "/api/report?since=2024-02-30");
    expect(date.status).toBe(400);
    expect(date.body.error.message).toBe('parameter "since" wants a date as YYYY-MM-DD: "2024-02-30"');
    const unknown = await getJson<ErrorBody>(app, "/api/report?family=microsoft/phi-22222");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.suggestions).toContain("microsoft/phi-2");
  });
});
