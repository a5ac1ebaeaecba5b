/** How many rows go into one forward pass: a fixed count, or as many as fit a budget of tokens. */
export type BatchSize = number | "auto";

/**
 * With --batch-size auto: at most this many tokens in one forward pass, counting for each row its padded new
 * tokens and the cached prefix it attends to (which is copied per row).
 */
export const AUTO_BATCH_TOKENS = 8192;
export const AUTO_BATCH_MAX_ROWS = 64;

/**
 * `items` cut into consecutive forward passes. `length` is a row's new tokens; every row of a pass also attends
 * to `pastLength` cached tokens.
 */
export function forwardBatches<T>(
  items: readonly T[],
  length: (item: T) => number,
  size: BatchSize,
  pastLength = 0,
): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let longest = 0;
  for (const item of items) {
    const next = Math.max(longest, length(item));
    const full =
      size === "auto"
        ? current.length >= AUTO_BATCH_MAX_ROWS || (pastLength + next) * (current.length + 1) > AUTO_BATCH_TOKENS
        : current.length >= size;
    if (current.length > 0 && full) {
      result.push(current);
      current = [];
      longest = length(item);
    } else longest = next;
    current.push(item);
  }
  if (current.length > 0) result.push(current);
  return result;
}
