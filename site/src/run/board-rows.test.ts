import { describe, expect, it } from "vitest";
import type { LeaderboardRowExport } from "../lib/api.ts";
import { boardRows, boardScoreText, provenanceText, settingText, standingText } from "./board-rows.ts";

const row = (fields: Partial<LeaderboardRowExport>): LeaderboardRowExport => ({
  rank: 4,
  ranked: true,
  model: "base-7b",
  name: "Base 7B",
  in_catalog: true,
  baseline: false,
  provenance: "measured",
  by: null,
  value: 44.12,
  stderr: 0.42,
  low: 43.3,
  high: 44.9,
  shots: 5,
  method: "direct",
  chat_template: null,
  date: "2025-01-02",
  run: "base-7b/mmlu-5shot",
  source: null,
  unranked_reason: null,
  ...fields,
});

describe("the leaderboard's rows beside a result", () => {
  it("reads the model's rows from the leaderboard beside the page, none where there is no leaderboard", async () => {
    const asked: string[] = [];
    const board = {
      rows: [row({}), row({ model: "other" }), row({ provenance: "reported", by: "maker", stderr: null })],
    };
    const fetchBoard: typeof fetch = async (input) => {
      asked.push(String(input));
      return String(input).endsWith("/mmlu.json") ? Response.json(board) : new Response("", { status: 404 });
    };
    const rows = await boardRows("https://zoo.example/zoo/run/", "mmlu", "base-7b", fetchBoard);
    expect(rows.map((each) => each.provenance)).toEqual(["measured", "reported"]);
    expect(await boardRows("https://zoo.example/zoo/run/", "arithmetic_2da", "base-7b", fetchBoard)).toEqual([]);
    expect(asked).toEqual([
      "https://zoo.example/zoo/api/leaderboards/mmlu.json",
      "https://zoo.example/zoo/api/leaderboards/arithmetic_2da.json",
    ]);
    const failing: typeof fetch = async () => new Response("", { status: 500, statusText: "Internal Server Error" });
    await expect(boardRows("https://zoo.example/run/", "mmlu", "base-7b", failing)).rejects.toThrow(
      "/api/leaderboards/mmlu.json answered 500 Internal Server Error",
    );
  });

  it("says where each row comes from, its score, setting and standing", () => {
    expect(provenanceText(row({}))).toBe("measured by zoo");
    expect(provenanceText(row({ provenance: "reported", by: "maker" }))).toBe("reported by the maker");
    expect(provenanceText(row({ provenance: "reported", by: "third-party" }))).toBe("reported by a third party");
    expect(boardScoreText(row({}))).toBe("44.1 ± 0.4");
    expect(boardScoreText(row({ value: 50.2, stderr: null }))).toBe("50.2");
    expect(settingText(row({}))).toBe("5-shot");
    expect(settingText(row({ shots: 0, method: "chain-of-thought", chat_template: "default" }))).toBe(
      "0-shot, chain-of-thought, chat template",
    );
    expect(standingText(row({}))).toBe("rank 4");
    expect(standingText(row({ rank: null, unranked_reason: "sample data" }))).toBe("not ranked: sample data");
  });
});
