// The readers of option and parameter values that the command line, the server and the viewer share: each input
// below with the exact value or reason it gives, written out by hand from the rules in src/vocabulary/option-values.

import { describe, expect, it } from "vitest";
import { parseChoice, parseRelationList, parseWholeNumber, quoteValue } from "../../src/vocabulary/option-values.js";

const DEPTH = { min: 1, max: 1000 };
const NOT_A_DEPTH = { ok: false, reason: "must be a whole number from 1 to 1000" };

describe("parseWholeNumber", () => {
  it.each([
    ["7", 7],
    ["1", 1],
    ["1000", 1000],
    ["007", 7],
    ["0000000000000000000000001", 1],
  ])("reads %j as %d", (text, value) => {
    expect(parseWholeNumber(text, DEPTH)).toEqual({ ok: true, value });
  });

  it.each(["-1", "0", "1001", "1e3", " 7", "7 ", "+7", "7.0", "0x10", "", "seven", "99999999999999999999"])(
    "refuses %j with the range in the reason",
    (text) => {
      expect(parseWholeNumber(text, DEPTH)).toEqual(NOT_A_DEPTH);
    },
  );

  it("reads 0 when the range starts there, and stops at the largest exactly representable number", () => {
    expect(parseWholeNumber("0", { min: 0, max: 50 })).toEqual({ ok: true, value: 0 });
    const whole = { min: 0, max: Number.MAX_SAFE_INTEGER };
    expect(parseWholeNumber("9007199254740991", whole)).toEqual({ ok: true, value: 9_007_199_254_740_991 });
    expect(parseWholeNumber("9007199254740992", whole)).toEqual({
      ok: false,
      reason: "must be a whole number from 0 to 9007199254740991",
    });
  });
});

describe("parseRelationList", () => {
  it.each([
    ["finetune,merge", ["finetune", "merge"]],
    ["merge,finetune", ["finetune", "merge"]],
    ["finetune,,merge", ["finetune", "merge"]],
    [" adapter , quantized ,", ["adapter", "quantized"]],
    ["merge,merge,merge", ["merge"]],
    ["unknown,quantized,adapter,finetune,merge", ["finetune", "adapter", "quantized", "merge", "unknown"]],
  ])("reads %j as %j (each relation once, in the tuple's order)", (text, value) => {
    expect(parseRelationList(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["finetune,bogus", 'unknown relation "bogus"'],
    ["lora", 'unknown relation "lora"'],
    ["Finetune", 'unknown relation "Finetune"'],
    ["", "no relation named"],
    [",, ,", "no relation named"],
  ])("refuses %j: %s", (text, reason) => {
    expect(parseRelationList(text)).toEqual({ ok: false, reason });
  });
});

describe("parseChoice", () => {
  const SIZES = ["descendants", "downloads"] as const;

  it("reads a choice as written, and refuses anything else, listing the choices", () => {
    expect(parseChoice("downloads", SIZES)).toEqual({ ok: true, value: "downloads" });
    expect(parseChoice("Downloads", SIZES)).toEqual({ ok: false, reason: "must be one of descendants, downloads" });
    expect(parseChoice("", SIZES)).toEqual({ ok: false, reason: "must be one of descendants, downloads" });
  });
});

describe("quoteValue", () => {
  it("quotes and escapes a value, cut to 40 characters", () => {
    expect(quoteValue("-1")).toBe('"-1"');
    expect(quoteValue('a"b\u001b[2J')).toBe('"a\\"b\\u001b[2J"');
    expect(quoteValue("x".repeat(100))).toBe(`"${"x".repeat(40)}"`);
  });
});
