import { distance } from "fastest-levenshtein";

/** Case, spaces and punctuation carry no meaning when guessing what was meant ("apache2" ≈ "Apache-2.0"). */
function normalise(word: string): string {
  return word.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: after normalisation, at most two
 * edits (a swapped pair of letters is two) or a third of the longer word, and never a whole word's worth.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(word);
  if (wanted === "") return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(wanted, normalise(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const shortest = Math.min(wanted.length, normalise(best).length);
  const longest = Math.max(wanted.length, normalise(best).length);
  return bestDistance <= Math.max(2, Math.floor(longest / 3)) && bestDistance < shortest ? best : undefined;
}
