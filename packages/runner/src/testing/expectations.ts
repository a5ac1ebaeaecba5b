import type { GenerationRequest } from "@zoo/suites";
import { expect } from "vitest";
import type { ApiOptions } from "../adapters/api-request.ts";

/** What `promise` rejects with, checked to be an instance of `type`. */
export async function rejection<E extends Error>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** A generation request of document 0. */
export const generation = (context: string, until: string[], maxTokens = 32): GenerationRequest => ({
  type: "generation",
  docId: 0,
  index: 0,
  context,
  until,
  maxTokens,
});

/**
 * API options for tests: short timeouts and backoffs, half of each backoff waited, and a sleep that returns at once,
 * pushing what it was asked to wait onto `waits`.
 */
export function quickApiOptions(waits: number[], overrides: Partial<ApiOptions> = {}): ApiOptions {
  return {
    timeoutMs: 300,
    retries: 3,
    baseDelayMs: 1,
    maxDelayMs: 5,
    maxRetryAfterMs: 5_000,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  };
}
