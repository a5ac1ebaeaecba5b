/**
 * Generated text up to the first stop sequence, as lm-evaluation-harness cuts it (`s.split(term)[0]` for each
 * non-empty term): servers stop at most at a few sequences, and a model may run past them.
 */
export function cutAtStop(text: string, until: readonly string[]): string {
  let cut = text;
  for (const stop of until) if (stop !== "") cut = cut.split(stop)[0]!;
  return cut;
}
