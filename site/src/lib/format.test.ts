import { describe, expect, it } from "vitest";
import { contextShort, duration, figureShort, formatDate, plusMinus } from "./format.ts";

describe("format", () => {
  it("writes partial dates at their own precision", () => {
    expect(formatDate("2023-03-14")).toBe("14 Mar 2023");
    expect(formatDate("2023-12")).toBe("Dec 2023");
    expect(formatDate("2024")).toBe("2024");
  });

  it("marks estimates and undisclosed figures", () => {
    expect(figureShort({ status: "stated", value: 6.7e9 })).toBe("6.7B");
    expect(figureShort({ status: "estimate", value: 1.8e12, source: "https://example.org" })).toBe("~1.8T");
    expect(figureShort({ status: "undisclosed" })).toBe("undisclosed");
    expect(figureShort(undefined)).toBe("—");
  });

  it("sizes context windows as they are quoted: binary powers of two, decimal round numbers", () => {
    expect(contextShort(32768)).toBe("32K");
    expect(contextShort(131072)).toBe("128K");
    expect(contextShort(1048576)).toBe("1M");
    expect(contextShort(2048)).toBe("2K");
    // 128,000 is 125 × 1,024: written as its maker announces it, never "125K".
    expect(contextShort(128000)).toBe("128K");
    expect(contextShort(200000)).toBe("200K");
    expect(contextShort(1000000)).toBe("1M");
    expect(contextShort(1000)).toBe("1K");
    expect(contextShort(4097)).toBe("4,097");
    expect(contextShort(undefined)).toBe("—");
  });

  it("writes interval half-widths and durations", () => {
    expect(plusMinus(43.3, 44.94)).toBe("±0.8");
    expect(plusMinus(35.1, 35.1)).toBe("");
    expect(duration(4.21)).toBe("4.2 s");
    expect(duration(812.4)).toBe("13 min 32 s");
    expect(duration(7300)).toBe("2 h 1 min");
  });
});
