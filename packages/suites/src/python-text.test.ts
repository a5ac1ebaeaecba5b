import { describe, expect, it } from "vitest";
import { pyRstrip, pySplit, pyStrip } from "./python-text.ts";

describe("Python whitespace", () => {
  it("strips what Python strips and keeps what it keeps", () => {
    expect(pyStrip("\x1c\x85\u3000 a b\t\n\u2028")).toBe("a b");
    // U+FEFF is not whitespace to Python, though JavaScript's trim() removes it.
    expect(pyStrip("\ufeffa\ufeff")).toBe("\ufeffa\ufeff");
    expect(pyRstrip("  a  \n")).toBe("  a");
  });

  it("splits on runs of whitespace without empty words", () => {
    expect(pySplit("  a \x1f b\u00a0c  ")).toEqual(["a", "b", "c"]);
    expect(pySplit(" \n ")).toEqual([]);
  });
});
