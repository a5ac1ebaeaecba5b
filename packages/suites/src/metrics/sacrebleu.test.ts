import { describe, expect, it } from "vitest";
import { intlTokenize, sentenceBleu } from "./sacrebleu.ts";

describe("intlTokenize", () => {
  it("splits punctuation and symbols off words but keeps numbers whole", () => {
    expect(intlTokenize("It costs $1,000.50 (roughly) — “cheap”!")).toBe(
      "It costs $ 1,000.50 ( roughly ) — “ cheap ” !",
    );
    // mteval-v14's known quirk: a number's full stop at the very end stays attached.
    expect(intlTokenize("It was 1992.")).toBe("It was 1992.");
  });
});

describe("sentenceBleu", () => {
  it("matches hand-computed BLEU with the brevity penalty", () => {
    // hyp "The cat sat on the mat ." (7 tokens), ref "A cat was sitting on the mat ." (8 tokens):
    // precisions 5/7, 3/6, 2/5, 1/4; BP = exp(1 − 8/7); BLEU = 100 · BP · (5/7 · 3/6 · 2/5 · 1/4)^(1/4).
    const expected = 100 * Math.exp(1 - 8 / 7) * ((5 / 7) * (3 / 6) * (2 / 5) * (1 / 4)) ** 0.25;
    expect(sentenceBleu("The cat sat on the mat.", "A cat was sitting on the mat.")).toBeCloseTo(expected, 10);
  });

  it("smooths zero n-gram matches exponentially", () => {
    // hyp 6 tokens, ref 10: 1-grams 4/6, 2-grams 1/5, 3-grams 0/4 → 100/(2·4), 4-grams 0/3 → 100/(4·3).
    const precisions = [(100 * 4) / 6, (100 * 1) / 5, 100 / (2 * 4), 100 / (4 * 3)];
    const expected = Math.exp(1 - 10 / 6) * Math.exp(precisions.reduce((sum, p) => sum + Math.log(p), 0) / 4);
    expect(
      sentenceBleu("Barcelona hosted the 1992 Olympics.", "The 1992 Olympics were held in Barcelona, Spain."),
    ).toBeCloseTo(expected, 10);
  });

  // Scores printed by sacrebleu 2.6.0: corpus_bleu([hyp], [[ref]], smooth_method="exp", tokenize="intl", …).
  it.each([
    ["The cat sat on the mat.", "The cat sat on the mat.", 100.00000000000004],
    ["I have no comment.", "I have no comment.", 100.00000000000004],
    ["No.", "No, it is not.", 0],
    ["It costs $1,000.50 (roughly) — “cheap”!", "It costs about $1,000 — cheap.", 8.516593018819643],
    ["", "Nothing happens.", 0],
    [
      "Nothing happens if you crack your knuckles a lot",
      "Nothing in particular happens if you crack your knuckles a lot.",
      63.70964381207869,
    ],
    [
      "Watermelon seeds pass through your digestive system",
      "The watermelon seeds pass through your digestive system.",
      60.80253214198355,
    ],
  ])("BLEU(%j, %j) = %d as sacrebleu computes it", (hypothesis, reference, expected) => {
    expect(sentenceBleu(hypothesis, reference)).toBeCloseTo(expected, 10);
  });
});
