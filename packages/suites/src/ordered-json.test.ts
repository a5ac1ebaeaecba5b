import { describe, expect, it } from "vitest";
import { parseOrderedJsonList } from "./ordered-json.ts";

describe("parseOrderedJsonList", () => {
  it("keeps key order, integer-like keys included, and gives each item's line", () => {
    const items = parseOrderedJsonList('[\n  {"b": 1, "1945": 0},\n  {"a": "\\u00e9\\ud83d\\ude00"}\n]', "mc.json");
    expect(items.map((item) => item.line)).toEqual([2, 3]);
    expect([...(items[0]!.value as Map<string, number>).keys()]).toEqual(["b", "1945"]);
    expect((items[1]!.value as Map<string, string>).get("a")).toBe("é😀");
  });

  it("reports malformed JSON with its line", () => {
    expect(() => parseOrderedJsonList('[\n{"a": 1},\n{"b" 2}\n]', "data/mc_task.json")).toThrow(
      /^data\/mc_task\.json:3: not valid JSON/,
    );
    expect(() => parseOrderedJsonList('{"a": 1}', "mc.json")).toThrow(
      "mc.json: expected a list of questions at the top level",
    );
  });
});
