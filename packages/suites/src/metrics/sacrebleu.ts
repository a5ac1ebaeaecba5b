import { pyRstrip, pySplit } from "../python-text.ts";

// A port of what lm-evaluation-harness's TruthfulQA asks of sacrebleu: corpus_bleu on one hypothesis and one
// reference, with the "intl" tokenizer (mteval-v14 international), exp smoothing, no lowercasing and no effective
// order. Checked against sacrebleu 2.x on the examples in sacrebleu.test.ts.

const MAX_NGRAM_ORDER = 4;
/** sacrebleu's `my_log(0)`: a floor instead of −∞, which makes the score 0 without a NaN. */
const LOG_ZERO = -9999999999;

const INTL_RULES: [RegExp, string][] = [
  // Punctuation preceded by a non-digit is split off.
  [/(\P{N})(\p{P})/gu, "$1 $2 "],
  // Punctuation followed by a non-digit is split off.
  [/(\p{P})(\P{N})/gu, " $1 $2"],
  // Symbols are split off.
  [/(\p{S})/gu, " $1 "],
];

/** sacrebleu's TokenizerV14International. */
export function intlTokenize(line: string): string {
  let text = line;
  for (const [pattern, replacement] of INTL_RULES) text = text.replace(pattern, replacement);
  return pySplit(text).join(" ");
}

function ngramCounts(tokens: readonly string[]): Map<string, number>[] {
  const counts = Array.from({ length: MAX_NGRAM_ORDER }, () => new Map<string, number>());
  for (let n = 1; n <= MAX_NGRAM_ORDER; n++) {
    for (let start = 0; start + n <= tokens.length; start++) {
      // Tokens hold no spaces after splitting, so a space-joined key is unambiguous.
      const key = tokens.slice(start, start + n).join(" ");
      counts[n - 1]!.set(key, (counts[n - 1]!.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** BLEU (0–100) of `hypothesis` against one `reference`, as `sacrebleu.corpus_bleu([hyp], [[ref]], …)` scores it. */
export function sentenceBleu(hypothesis: string, reference: string): number {
  const hypTokens = intlTokenize(pyRstrip(hypothesis)).split(" ").filter(Boolean);
  const refTokens = intlTokenize(pyRstrip(reference)).split(" ").filter(Boolean);
  const hypNgrams = ngramCounts(hypTokens);
  const refNgrams = ngramCounts(refTokens);
  const correct: number[] = [];
  const total: number[] = [];
  for (let n = 0; n < MAX_NGRAM_ORDER; n++) {
    let matched = 0;
    let count = 0;
    for (const [ngram, hypCount] of hypNgrams[n]!) {
      count += hypCount;
      matched += Math.min(hypCount, refNgrams[n]!.get(ngram) ?? 0);
    }
    correct.push(matched);
    total.push(count);
  }
  return computeBleu(correct, total, hypTokens.length, refTokens.length);
}

/** sacrebleu's `BLEU.compute_bleu` with smooth_method "exp" and effective_order off. */
export function computeBleu(correct: number[], total: number[], sysLen: number, refLen: number): number {
  const brevityPenalty = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  if (correct.every((count) => count === 0)) return 0;
  const precisions = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  let smoothing = 1;
  for (let n = 1; n <= MAX_NGRAM_ORDER; n++) {
    if (total[n - 1] === 0) break;
    if (correct[n - 1] === 0) {
      smoothing *= 2;
      precisions[n - 1] = 100 / (smoothing * total[n - 1]!);
    } else {
      precisions[n - 1] = (100 * correct[n - 1]!) / total[n - 1]!;
    }
  }
  let logSum = 0;
  for (const precision of precisions) logSum += precision === 0 ? LOG_ZERO : Math.log(precision);
  return brevityPenalty * Math.exp(logSum / MAX_NGRAM_ORDER);
}
