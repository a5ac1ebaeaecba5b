// A port of Google's rouge_score as lm-evaluation-harness's TruthfulQA uses it: RougeScorer(["rouge1", "rouge2",
// "rougeLsum"]) with its default tokenizer and no stemmer, one reference and one prediction, F-measure.
// BootstrapAggregator over a single score returns that score, so it has no counterpart here.

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
}

/** rouge_score's tokenize: lowercase, anything but a–z and 0–9 separates tokens. */
export function rougeTokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(/\s+/)
    .filter((token) => /^[a-z0-9]+$/.test(token));
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= tokens.length; start++) {
    const key = tokens.slice(start, start + n).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function scoreNgrams(target: Map<string, number>, prediction: Map<string, number>): number {
  let overlap = 0;
  for (const [ngram, count] of target) overlap += Math.min(count, prediction.get(ngram) ?? 0);
  const targetCount = [...target.values()].reduce((a, b) => a + b, 0);
  const predictionCount = [...prediction.values()].reduce((a, b) => a + b, 0);
  return fmeasure(overlap / Math.max(predictionCount, 1), overlap / Math.max(targetCount, 1));
}

function lcsTable(ref: readonly string[], can: readonly string[]): number[][] {
  const table = Array.from({ length: ref.length + 1 }, () => new Array<number>(can.length + 1).fill(0));
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      table[i]![j] =
        ref[i - 1] === can[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table;
}

/** The indices into `ref` of one longest common subsequence, chosen as rouge_score's `_backtrack_norec` does. */
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const table = lcsTable(ref, can);
  const indices: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.unshift(i - 1);
      i--;
      j--;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) {
      j--;
    } else {
      i--;
    }
  }
  return indices;
}

function countTokens(sentences: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Summary-level LCS (ROUGE-Lsum): the union LCS of each reference sentence against every candidate sentence. */
function summaryLevelLcs(refSentences: string[][], canSentences: string[][]): number {
  if (refSentences.length === 0 || canSentences.length === 0) return 0;
  const m = refSentences.reduce((total, sentence) => total + sentence.length, 0);
  const n = canSentences.reduce((total, sentence) => total + sentence.length, 0);
  if (m === 0 || n === 0) return 0;
  const refCounts = countTokens(refSentences);
  const canCounts = countTokens(canSentences);
  let hits = 0;
  for (const ref of refSentences) {
    const union = [...new Set(canSentences.flatMap((can) => lcsIndices(ref, can)))].sort((a, b) => a - b);
    for (const index of union) {
      const token = ref[index]!;
      // As ROUGE 1.5.5 does, a token is a hit at most as often as it occurs on both sides.
      if ((canCounts.get(token) ?? 0) > 0 && (refCounts.get(token) ?? 0) > 0) {
        hits++;
        canCounts.set(token, canCounts.get(token)! - 1);
        refCounts.set(token, refCounts.get(token)! - 1);
      }
    }
  }
  return fmeasure(hits / n, hits / m);
}

function sentences(text: string): string[][] {
  return text
    .split("\n")
    .filter((sentence) => sentence.length > 0)
    .map(rougeTokenize);
}

/** ROUGE-1, ROUGE-2 and ROUGE-Lsum F-measures (0–1) of `prediction` against `target`. */
export function rougeScores(target: string, prediction: string): RougeScores {
  const targetTokens = rougeTokenize(target);
  const predictionTokens = rougeTokenize(prediction);
  return {
    rouge1: scoreNgrams(ngrams(targetTokens, 1), ngrams(predictionTokens, 1)),
    rouge2: scoreNgrams(ngrams(targetTokens, 2), ngrams(predictionTokens, 2)),
    rougeLsum: summaryLevelLcs(sentences(target), sentences(prediction)),
  };
}
