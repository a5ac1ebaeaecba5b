import { describe, expect, it } from "vitest";
import { DataError, describeValue } from "./suite-errors.ts";

describe("DataError", () => {
  it("names the file and the line or row", () => {
    expect(new DataError("data/test/anatomy_test.csv", "bad", { line: 3 }).message).toBe(
      "data/test/anatomy_test.csv:3: bad",
    );
    expect(new DataError("test.parquet", "bad", { row: 0 }).message).toBe("test.parquet: row 0: bad");
    expect(new DataError("mc_task.json", "missing").message).toBe("mc_task.json: missing");
  });

  it("describes found values briefly", () => {
    expect([undefined, null, "", "E", 3, 4n, [], [1], {}].map(describeValue)).toEqual([
      "nothing",
      "null",
      "an empty string",
      '"E"',
      "3",
      "4",
      "an empty list",
      "a list of 1",
      "a mapping",
    ]);
  });
});
