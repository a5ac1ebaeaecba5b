/**
 * `total` split into whole parts in proportion to `weights` (each weight ≥ 0, one at least > 0), by rounding the
 * running sum, so the parts add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  let given = 0;
  return weights.map((weight) => {
    running += weight;
    const upTo = Math.round((total * running) / sum);
    const part = upTo - given;
    given = upTo;
    return part;
  });
}

/** `count` weights drawn evenly from [1 − spread, 1 + spread], for parts of varied size. */
export function randomWeights(random: () => number, count: number, spread: number): number[] {
  return Array.from({ length: count }, () => 1 - spread + 2 * spread * random());
}
