// Counts written for people: the same text as toLocaleString("en-US"), without loading ICU's number formats.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCount } from "../../src/vocabulary/count-text.js";

describe("formatCount", () => {
  it("groups digits in threes as en-US does", () => {
    expect([0, 7, 999, 1000, 155915, 2500000, -1234567].map(formatCount)).toEqual([
      "0",
      "7",
      "999",
      "1,000",
      "155,915",
      "2,500,000",
      "-1,234,567",
    ]);
  });

  it("writes every integer and any other number as toLocaleString does", () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.double({ noNaN: false })), (value) => {
        if (Object.is(value, -0)) return;
        expect(formatCount(value)).toBe(value.toLocaleString("en-US"));
      }),
      { numRuns: 10_000 },
    );
  });
});
