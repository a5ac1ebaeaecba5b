import { describe, expect, it } from "vitest";
import { countSchema, figureSchema, figureValue, formatCount, parseCount } from "./figure.ts";

describe("parseCount", () => {
  it("reads suffixed counts exactly", () => {
    expect(parseCount("7B")).toBe(7_000_000_000);
    expect(parseCount("6.7B")).toBe(6_700_000_000);
    expect(parseCount("1.8T")).toBe(1_800_000_000_000);
    expect(parseCount("125M")).toBe(125_000_000);
    expect(parseCount("350 M")).toBe(350_000_000);
    expect(parseCount("52K")).toBe(52_000);
  });

  it("rejects anything else", () => {
    expect(parseCount("7b")).toBeUndefined();
    expect(parseCount("7")).toBeUndefined();
    expect(parseCount("B")).toBeUndefined();
    expect(parseCount("7BB")).toBeUndefined();
    expect(parseCount("-7B")).toBeUndefined();
  });
});

describe("formatCount", () => {
  it("is the inverse of parseCount to three significant digits", () => {
    expect(formatCount(6_700_000_000)).toBe("6.7B");
    expect(formatCount(1_800_000_000_000)).toBe("1.8T");
    expect(formatCount(350_000_000)).toBe("350M");
    expect(formatCount(46_702_792_704)).toBe("46.7B");
    expect(formatCount(52_000)).toBe("52K");
    expect(formatCount(999)).toBe("999");
  });
});

describe("figureSchema", () => {
  it("reads stated counts, undisclosed, and estimates with their source", () => {
    expect(figureSchema.parse("7B")).toEqual({ status: "stated", value: 7_000_000_000 });
    expect(figureSchema.parse(175_000_000_000)).toEqual({ status: "stated", value: 175_000_000_000 });
    expect(figureSchema.parse("undisclosed")).toEqual({ status: "undisclosed" });
    expect(figureSchema.parse({ estimate: "1.8T", source: "https://example.org/a" })).toEqual({
      status: "estimate",
      value: 1_800_000_000_000,
      source: "https://example.org/a",
    });
  });

  it("rejects counts that are not positive integers", () => {
    for (const bad of [0, -5, 1.5, "7X", "seven"]) expect(figureSchema.safeParse(bad).success).toBe(false);
    expect(countSchema.safeParse("undisclosed").success).toBe(false);
    expect(figureSchema.safeParse({ estimate: "1.8T" }).success).toBe(false);
  });

  it("gives the value of stated and estimated figures only", () => {
    expect(figureValue({ status: "stated", value: 3 })).toBe(3);
    expect(figureValue({ status: "estimate", value: 4, source: "https://example.org" })).toBe(4);
    expect(figureValue({ status: "undisclosed" })).toBeUndefined();
    expect(figureValue(undefined)).toBeUndefined();
  });
});
