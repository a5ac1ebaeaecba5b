import type { ResultRecord } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { recordSummaries, scoreText, summarize } from "./score-summary.ts";

describe("a score as the page shows it", () => {
  it("is percent with its standard error and 95% interval, cut to 0–100", () => {
    expect(scoreText(summarize("acc", { value: 0.5, stderr: 0.05 }, 100))).toBe(
      "50.0 ± 5.0 (95% interval 40.2 to 59.8)",
    );
    expect(scoreText(summarize("acc", { value: 0.05, stderr: 0.05 }, 10))).toBe("5.0 ± 5.0 (95% interval 0.0 to 14.8)");
    expect(scoreText(summarize("bleu", { value: 0.25, stderr: null }, 10))).toBe("25.0");
  });

  it("gives the primary metric of the run and of each category", () => {
    const record = {
      suite: { primary_metric: "acc" },
      documents: 3,
      metrics: { acc: { value: 2 / 3, stderr: 0.3 } },
      groups: [
        { kind: "subject", name: "astronomy", documents: 2, metrics: { acc: { value: 1, stderr: 0 } } },
        { kind: "category", name: "stem", documents: 2, metrics: { acc: { value: 1, stderr: 0 } } },
        { kind: "category", name: "other", documents: 1, metrics: { acc: { value: 0, stderr: null } } },
      ],
    } as unknown as ResultRecord;
    const { overall, categories } = recordSummaries(record);
    expect(overall).toMatchObject({ metric: "acc", documents: 3 });
    expect(categories.map(([name, summary]) => [name, summary.value, summary.documents])).toEqual([
      ["stem", 100, 2],
      ["other", 0, 1],
    ]);
  });
});
