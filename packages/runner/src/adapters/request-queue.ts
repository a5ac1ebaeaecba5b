import PQueue from "p-queue";

/** How hard an API adapter may press its server. */
export interface QueueLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started in any rolling minute; unlimited when absent. */
  requestsPerMinute?: number;
  /** The length of that rolling "minute"; shorter only in tests. */
  intervalMs?: number;
}

/**
 * Runs `answer` for every index not yet answered, at most `concurrency` at a time and `requestsPerMinute` a minute.
 * The first failure stops new requests and is thrown once those in flight have settled, so every answer that
 * arrived is still saved.
 */
export async function answerAll(
  count: number,
  limits: QueueLimits,
  answer: (index: number) => Promise<void>,
  options: { isAnswered?: (index: number) => boolean; signal?: AbortSignal },
): Promise<void> {
  options.signal?.throwIfAborted();
  const queue = new PQueue({
    concurrency: limits.concurrency,
    ...(limits.requestsPerMinute === undefined
      ? {}
      : { intervalCap: limits.requestsPerMinute, interval: limits.intervalMs ?? 60_000, strict: true }),
  });
  // Dropping the waiting requests at once, rather than letting each find the signal aborted, matters under a rate
  // limit: they would otherwise be started one rate-limited window after another.
  const stop = () => queue.clear();
  options.signal?.addEventListener("abort", stop, { once: true });
  let failure: { error: unknown } | undefined;
  for (let index = 0; index < count; index++) {
    if (options.isAnswered?.(index)) continue;
    void queue.add(async () => {
      if (failure !== undefined || options.signal?.aborted) return;
      try {
        await answer(index);
      } catch (error) {
        failure ??= { error };
        queue.clear();
      }
    });
  }
  await queue.onIdle();
  options.signal?.removeEventListener("abort", stop);
  options.signal?.throwIfAborted();
  if (failure !== undefined) throw failure.error;
}
