import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-records.ts";

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes and fields spanning lines, with their starting lines", () => {
    const text = 'a,"b, c","say ""hi"""\r\n\n"multi\nline",x,\n5 "inch" screen,"ab"cd\n';
    expect(parseCsv(text, "f.csv")).toEqual([
      { line: 1, fields: ["a", "b, c", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "x", ""] },
      { line: 5, fields: ['5 "inch" screen', "abcd"] },
    ]);
  });

  it("keeps CRLF inside quoted fields and reads a last line without a newline", () => {
    expect(parseCsv('"a\r\nb",c', "f.csv")).toEqual([{ line: 1, fields: ["a\r\nb", "c"] }]);
  });

  it("names the line of a quote that never closes", () => {
    expect(() => parseCsv('ok,1\n"open,2\nmore\n', "data/test/x_test.csv")).toThrow(
      "data/test/x_test.csv:2: a quoted field opened here never closes",
    );
  });
});
