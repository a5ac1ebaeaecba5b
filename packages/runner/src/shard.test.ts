import { describe, expect, it } from "vitest";
import { parseShard, shardDocuments } from "./shard.ts";

describe("shards", () => {
  it("parse i/n with 0 ≤ i < n", () => {
    expect(parseShard("0/4")).toEqual({ index: 0, count: 4 });
    expect(parseShard("3/4")).toEqual({ index: 3, count: 4 });
    for (const bad of ["4/4", "1/0", "-1/2", "1", "a/b", "1/2/3"]) expect(parseShard(bad), bad).toBeUndefined();
  });

  it("split documents round-robin, each exactly once across the shards", () => {
    const documents = [0, 1, 2, 3, 4, 5, 6];
    const parts = [0, 1, 2].map((index) => shardDocuments(documents, { index, count: 3 }));
    expect(parts).toEqual([
      [0, 3, 6],
      [1, 4],
      [2, 5],
    ]);
  });
});
