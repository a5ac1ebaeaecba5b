import { describe, expect, it } from "vitest";
import { filterChain } from "./response-filters.ts";
import { findall, pythonRegex } from "./python-regex.ts";

/** lm-evaluation-harness's mmlu_generative chain (lm_eval/tasks/mmlu/generative/_default_template_yaml, v3.0). */
const MMLU_GENERATIVE = filterChain([
  { function: "regex", regex_pattern: "^(.*?)(?=\\n|$)", group_select: 0, fallback: "[invalid]" },
  { function: "remove_whitespace" },
  { function: "regex", regex_pattern: "^(.*?)\\s*$", group_select: 0, fallback: "[invalid]" },
  { function: "take_first" },
]);

describe("lm-evaluation-harness's filters", () => {
  // Each expected value worked out from Python's re.findall on the same text, as the filters call it.
  it.each([
    [" B", "B"],
    ["B.", "B."],
    ["b) because", "b) because"],
    ["\nB", ""],
    ["The answer is B", "The answer is B"],
    ["", ""],
    ["B\n\nExplanation: …", "B"],
    ["  C  ", "C"],
    ["D\r\n", "D"],
  ])("the mmlu_generative chain turns %j into %j", (answer, filtered) => {
    expect(MMLU_GENERATIVE([answer])).toBe(filtered);
  });

  it("falls back when nothing matches, takes the group asked for, and the first non-empty group of a tuple", () => {
    const digits = (group_select = 0) =>
      filterChain([
        { function: "regex", regex_pattern: "#### (\\-?[0-9\\.\\,]+)", group_select, fallback: "[invalid]" },
      ]);
    expect(digits()(["no number"])).toBe("[invalid]");
    expect(digits()(["#### 12 and #### 34"])).toBe("12");
    expect(digits(-1)(["#### 12 and #### 34"])).toBe("34");
    const tuple = filterChain([{ function: "regex", regex_pattern: "(A)|(B)", group_select: 0, fallback: "x" }]);
    expect(tuple(["B"])).toBe("B");
  });

  it("removes one leading space, not all whitespace", () => {
    expect(filterChain([{ function: "remove_whitespace" }])(["  A"])).toBe(" A");
    expect(filterChain([{ function: "remove_whitespace" }])(["\tA"])).toBe("\tA");
  });
});

describe("Python regular expressions", () => {
  it("keeps Python's $: the end, or just before a newline that ends the text", () => {
    expect(findall(pythonRegex("a$"), "a\n")).toEqual(["a"]);
    expect(findall(pythonRegex("a$"), "a\nb")).toEqual([]);
    expect(findall(pythonRegex("(?m)a$"), "a\nb")).toEqual(["a"]);
    expect(findall(pythonRegex("[$]"), "$")).toEqual(["$"]);
    // Python's . matches a carriage return; JavaScript's does not.
    expect(findall(pythonRegex("a.b"), "a\rb")).toEqual(["a\rb"]);
    expect(findall(pythonRegex("a.b"), "a\nb")).toEqual([]);
  });

  it("takes leading inline flags, named groups and \\Z", () => {
    expect(findall(pythonRegex("(?i)answer: (?P<letter>[a-d])"), "Answer: C")).toEqual(["C"]);
    expect(findall(pythonRegex("(?P<x>a)(?P=x)"), "aa")).toEqual(["a"]);
    expect(findall(pythonRegex("b\\Z"), "b\n")).toEqual([]);
    expect(() => pythonRegex("(?x)a")).toThrow('regex "(?x)a": the inline flag x has no JavaScript equivalent');
  });

  it("returns what re.findall returns: whole matches, one group, or tuples", () => {
    expect(findall(pythonRegex("\\d"), "a1b2")).toEqual(["1", "2"]);
    expect(findall(pythonRegex("(\\d)x"), "1x2x")).toEqual(["1", "2"]);
    expect(findall(pythonRegex("(\\d)(y)?"), "1y2")).toEqual([
      ["1", "y"],
      ["2", ""],
    ]);
  });
});
