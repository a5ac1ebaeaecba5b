/** One part of a run split across machines: part `index` (from 0) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** "i/n" as --shard takes it, or undefined if it is not one. */
export function parseShard(value: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return count >= 1 && index < count ? { index, count } : undefined;
}

/** A shard's documents: every count-th one from its index, so each shard gets a share of every subject. */
export function shardDocuments<T>(documents: readonly T[], shard: Shard): T[] {
  return documents.filter((_, position) => position % shard.count === shard.index);
}
