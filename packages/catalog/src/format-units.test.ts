import { describe, expect, it } from "vitest";
import { formatBytes, formatScientific } from "./format-units.ts";

describe("formatBytes", () => {
  it("uses decimal units to three significant digits", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(13_400_000_000)).toBe("13.4 GB");
    expect(formatBytes(93_400_000_000)).toBe("93.4 GB");
    expect(formatBytes(3.6e12)).toBe("3.6 TB");
    expect(formatBytes(7.2e15)).toBe("7200 TB");
  });
});

describe("formatScientific", () => {
  it("writes two decimals and a bare exponent", () => {
    expect(formatScientific(8.04e22)).toBe("8.04e22");
    expect(formatScientific(1234)).toBe("1.23e3");
  });
});
