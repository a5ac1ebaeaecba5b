import { describe, expect, it } from "vitest";
import { FIXTURE_CATALOG, runZoo } from "../testing/run-zoo.ts";

describe("zoo catalog stats", () => {
  it("counts the catalogue", async () => {
    const { code, out } = await runZoo(["catalog", "stats", "--dir", FIXTURE_CATALOG, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      models: 3,
      organizations: 2,
      families: 2,
      licenses: 3,
      openWeights: 2,
      withReportedScores: 1,
      reportedScores: 1,
      licenseClasses: {
        "public-domain": 0,
        permissive: 0,
        attribution: 1,
        copyleft: 0,
        "non-commercial": 1,
        "restricted-use": 0,
        proprietary: 1,
        unlicensed: 0,
      },
      kinds: { base: 1, instruct: 0, chat: 2, "fine-tune": 0, merge: 0 },
      runnable: { transformersJs: 1, api: 1, nightly: 1 },
      newestRelease: "2024",
      newestModel: "moe-8x1b",
      releasedByYear: { "2023": 2, "2024": 1 },
    });
  });

  it("prints them as a table, ending with the years and the newest release", async () => {
    const { out } = await runZoo(["catalog", "stats", "--dir", FIXTURE_CATALOG]);
    expect(out.split("\n").slice(-5)).toEqual([
      "in the nightly refresh            1",
      "released in 2023                  2",
      "released in 2024                  1",
      "newest release                    2024 (moe-8x1b)",
      "",
    ]);
    expect(out.split("\n").slice(0, 5)).toEqual([
      "count                             value",
      "--------------------------------  ---------------",
      "models                            3",
      "organizations                     2",
      "families                          2",
    ]);
  });
});
