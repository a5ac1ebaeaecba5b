import { describe, expect, it } from "vitest";
import { formatHubStats, mergeHubStats, parseHubStats, type HubStats } from "./hub-stats.ts";

const OLD: HubStats = {
  version: 1,
  generatedBy: "zoo catalog sync",
  models: {
    gone: { repo: "acme/gone", downloads: 1, likes: 0, fetched: "2026-01-01T00:00:00.000Z" },
    kept: { repo: "acme/kept", downloads: 5, likes: 2, fetched: "2026-01-01T00:00:00.000Z" },
  },
};

describe("hub stats", () => {
  it("replaces what was read, keeps what was not, drops what left the catalogue, sorted by id", () => {
    const readings = new Map([
      ["b", { onnx: { repo: "acme/b-onnx", revision: "main", dtypes: ["q8" as const], files: [] }, notes: [] }],
    ]);
    const merged = mergeHubStats(OLD, readings, ["kept", "b", "never-read"], new Date("2026-02-01T00:00:00Z"));
    expect(merged).toEqual({
      version: 1,
      generatedBy: "zoo catalog sync",
      models: {
        b: { onnx: { repo: "acme/b-onnx", revision: "main", dtypes: ["q8"] }, fetched: "2026-02-01T00:00:00.000Z" },
        kept: OLD.models.kept,
      },
    });
    expect(Object.keys(merged.models)).toEqual(["b", "kept"]);
  });

  it("round-trips through its file", () => {
    expect(parseHubStats(formatHubStats(OLD), "hub-stats.json")).toEqual(OLD);
    expect(formatHubStats(OLD).endsWith("}\n")).toBe(true);
  });

  it("rejects a file that is not hub stats in one line", () => {
    expect(() => parseHubStats("{", "catalog/hub-stats.json")).toThrow(
      /^catalog\/hub-stats.json is not valid JSON \(.+\): delete it and sync again$/,
    );
    expect(() => parseHubStats('{"version": 2, "generatedBy": "x", "models": {}}', "catalog/hub-stats.json")).toThrow(
      "catalog/hub-stats.json is not a hub stats file: version: expected 1, found number 2",
    );
  });
});
