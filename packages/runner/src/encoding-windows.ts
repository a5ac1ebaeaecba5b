/** The first window's requests: few, so that the first forward pass waits only for a few requests' tokens. */
export const FIRST_WINDOW_REQUESTS = 16;
/**
 * Windows double up to this size: large enough that sorting a window by length batches rows of similar lengths,
 * small enough that the last window, which only starts once every request is tokenised, is a small part of a run.
 */
export const LARGEST_WINDOW_REQUESTS = 256;

/**
 * The windows in which a transformers.js model's loglikelihood requests are tokenised and run: each window is
 * tokenised (in the tokenizer thread) while the one before it runs, and planned on its own. Requests on one context
 * stay in one window, so a context is still run once; windows grow from FIRST_WINDOW_REQUESTS, doubling up to
 * LARGEST_WINDOW_REQUESTS. They depend on the requests alone, so a resumed run plans every window as before.
 */
export function encodingWindows(requests: readonly { context: string }[]): number[][] {
  // lm-evaluation-harness moves a context's trailing spaces to the continuation: such contexts share tokens.
  const groups = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const key = request.context.trimEnd();
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  const windows: number[][] = [];
  let window: number[] = [];
  let size = FIRST_WINDOW_REQUESTS;
  for (const group of groups.values()) {
    if (window.length > 0 && window.length + group.length > size) {
      windows.push(window);
      window = [];
      size = Math.min(size * 2, LARGEST_WINDOW_REQUESTS);
    }
    window.push(...group);
  }
  if (window.length > 0) windows.push(window);
  return windows;
}
