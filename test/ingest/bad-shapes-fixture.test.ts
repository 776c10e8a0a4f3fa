// 453 distinct base_model shapes found on real model cards (test/fixtures/bad-base-models.json, written by
// make_bad_base_models.py around real ids of the snapshot): each gives the id it was built around, or its kind.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readModelReference } from "../../src/ingest/model-reference.js";

interface Shape {
  value: string;
  expected: { id: string } | { orgless: string } | { reason: string };
}

const SHAPES = JSON.parse(
  readFileSync(resolve(process.cwd(), "test/fixtures/bad-base-models.json"), "utf8"),
) as Shape[];

describe("the fixture of real-world bad shapes", () => {
  it("holds at least 200 distinct values", () => {
    expect(new Set(SHAPES.map((shape) => shape.value)).size).toBe(SHAPES.length);
    expect(SHAPES.length).toBeGreaterThanOrEqual(200);
  });
  it("gives each value the outcome its construction implies", () => {
    const wrong = SHAPES.flatMap(({ value, expected }) => {
      const want =
        "id" in expected
          ? { id: expected.id, orgless: false }
          : "orgless" in expected
            ? { id: expected.orgless, orgless: true }
            : { reason: expected.reason };
      const got = readModelReference(value);
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ value, want, got }];
    });
    expect(wrong).toEqual([]);
  });
});
