import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSuiteRun } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { CHARS_PER_TOKEN, MMLU_LENGTH_STATISTICS, writeRealisticMmlu } from "@zoo/suites/testing";
import { describe, expect, it } from "vitest";
import { tinyLmFixture } from "../testing/tiny-lm-fixture.ts";
import { TINY_LM_WORDS } from "./tiny-lm-tokenizer.ts";

/** Short and long prompts, short and long items: the description and the frame weigh most in the short ones. */
const SUBJECTS = [
  "abstract_algebra",
  "world_religions",
  "college_medicine",
  "high_school_european_history",
  "professional_law",
];

describe("the realistic MMLU copy on the tiny LM", () => {
  it("is written in words that are one tiny-LM token each", async () => {
    const { tokenizer } = await tinyLmFixture();
    for (const word of TINY_LM_WORDS)
      expect(tokenizer.encode(word, { add_special_tokens: false }), word).toHaveLength(1);
  });

  it("gives 5-shot prompts about as many tokens as GPT-2 sees in MMLU: a token per 4 characters", async () => {
    const { tokenizer } = await tinyLmFixture();
    const dir = await mkdtemp(join(tmpdir(), "zoo-realistic-mmlu-"));
    try {
      // A few questions a subject keep the subject's mean prompt length and the test quick.
      await writeRealisticMmlu(dir, { words: TINY_LM_WORDS, subjects: SUBJECTS, questionsPerSubject: 12 });
      for (const subject of SUBJECTS) {
        const run = await loadSuiteRun(`mmlu_${subject}`, {
          shots: 5,
          data: { kind: "local", dir },
          io: nodeSuiteIo(),
        });
        const tokens = run.documents.map((document) => {
          const request = document.requests[0]!;
          if (request.type !== "loglikelihood") throw new Error(`expected loglikelihood requests, got ${request.type}`);
          return tokenizer.encode(request.context, { add_special_tokens: false }).length;
        });
        const mean = tokens.reduce((a, b) => a + b, 0) / tokens.length;
        const expected = MMLU_LENGTH_STATISTICS[subject]!.mean / CHARS_PER_TOKEN;
        expect(Math.abs(mean / expected - 1), `${subject}: ${mean} tokens vs ${expected}`).toBeLessThanOrEqual(0.1);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
