import { memoryFiles } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { servedFiles } from "./served-files.ts";

describe("the files the site serves", () => {
  it("are read; any other path is missing without being asked for", async () => {
    const asked: string[] = [];
    const files = memoryFiles({ "mmlu/a.csv": "a", "mmlu/b.csv": "b" });
    const served = servedFiles({ read: (path) => (asked.push(path), files.read(path)) }, ["mmlu/a.csv", "mmlu/b.csv"]);
    expect(new TextDecoder().decode(await served.read("./mmlu/a.csv"))).toBe("a");
    expect(await served.read("mmlu/c.csv")).toBeUndefined();
    expect(asked).toEqual(["./mmlu/a.csv"]);
  });
});
