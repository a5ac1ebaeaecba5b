import { describe, expect, it } from "vitest";
import { rougeScores, rougeTokenize } from "./rouge-score.ts";

describe("rougeTokenize", () => {
  it("lowercases and keeps only ASCII letters and digits", () => {
    expect(rougeTokenize("Don't stop-believing, café 2024!")).toEqual(["don", "t", "stop", "believing", "caf", "2024"]);
  });
});

describe("rougeScores", () => {
  it("matches hand-computed ROUGE-1, ROUGE-2 and ROUGE-Lsum", () => {
    // target [the cat sat on the mat], prediction [the cat is on the mat]: 5 of 6 unigrams shared (the ×2, cat,
    // on, mat), 3 of 5 bigrams (the cat, on the, the mat), LCS "the cat on the mat" of length 5.
    expect(rougeScores("The cat sat on the mat.", "the cat is on the mat")).toEqual({
      rouge1: 5 / 6,
      rouge2: 3 / 5,
      rougeLsum: 5 / 6,
    });
  });

  it("scores ROUGE-Lsum sentence by sentence with union LCS", () => {
    // Sentences [a b c] [d e] against [d e] [a b]: each target sentence finds its match in a different prediction
    // sentence, so 4 hits: precision 4/4, recall 4/5. A plain LCS over the whole text would find only 2.
    // ROUGE-2: target bigrams ab bc cd de, prediction de ea ab: 2 shared, precision 2/3, recall 2/4.
    const scores = rougeScores("a b c.\nd e", "d e.\na b");
    expect(scores.rouge1).toBeCloseTo((2 * 1 * 0.8) / 1.8, 15);
    expect(scores.rouge2).toBeCloseTo(4 / 7, 15);
    expect(scores.rougeLsum).toBeCloseTo((2 * 1 * 0.8) / 1.8, 15);
  });

  it("counts a repeated token only as often as both sides have it", () => {
    // target [a a b], prediction [a b]: unigram overlap min(2, 1) + 1 = 2, so precision 1 and recall 2/3; bigrams
    // "a a" "a b" against "a b": precision 1, recall 1/2; LCS "a b".
    const scores = rougeScores("a a b", "a b");
    expect(scores.rouge1).toBeCloseTo((2 * (2 / 3)) / (5 / 3), 15);
    expect(scores.rouge2).toBeCloseTo((2 * 0.5) / 1.5, 15);
    expect(scores.rougeLsum).toBeCloseTo((2 * (2 / 3)) / (5 / 3), 15);
  });

  it("scores an empty prediction 0", () => {
    expect(rougeScores("Nothing happens.", "")).toEqual({ rouge1: 0, rouge2: 0, rougeLsum: 0 });
  });
});
