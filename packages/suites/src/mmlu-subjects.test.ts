import { describe, expect, it } from "vitest";
import { MMLU_CATEGORY, MMLU_SUBJECTS } from "./mmlu-subjects.ts";

describe("MMLU subjects", () => {
  it("has 57 subjects in lm-evaluation-harness's four groups", () => {
    expect(MMLU_SUBJECTS).toHaveLength(57);
    const sizes: Record<string, number> = {};
    for (const category of Object.values(MMLU_CATEGORY)) sizes[category] = (sizes[category] ?? 0) + 1;
    expect(sizes).toEqual({ stem: 19, humanities: 13, social_sciences: 12, other: 13 });
  });
});
