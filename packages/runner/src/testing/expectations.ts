import type { GenerationRequest } from "@zoo/suites";
import { expect } from "vitest";

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
