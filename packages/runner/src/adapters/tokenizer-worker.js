// @ts-check
// The tokenizer thread's code: it builds the main thread's tokenizer again, the same class from the same JSON,
// and encodes lists of texts on request. Plain JavaScript: a worker thread gets no TypeScript loader. See
// tokenizer-thread.ts.
import { parentPort, workerData } from "node:worker_threads";
import * as transformers from "@huggingface/transformers";

/** @type {import("./tokenizer-thread.ts").TokenizerRecipe} */
const recipe = workerData;
const Class = /** @type {Record<string, unknown>} */ (transformers)[recipe.className];
if (
  typeof Class !== "function" ||
  !(Class.prototype instanceof transformers.PreTrainedTokenizer || Class === transformers.PreTrainedTokenizer)
)
  throw new Error(`transformers.js has no tokenizer class ${recipe.className}`);
const tokenizer = /** @type {transformers.PreTrainedTokenizer} */ (
  new /** @type {typeof transformers.PreTrainedTokenizer} */ (Class)(recipe.json, recipe.config)
);

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);
port.on("message", (/** @type {{ id: number; texts: string[] }} */ { id, texts }) => {
  const start = performance.now();
  const encoded = texts.map((text) => tokenizer.encode(text, { add_special_tokens: false }));
  // One flat buffer and the lengths, moved rather than copied to the main thread.
  const lengths = Int32Array.from(encoded, (tokens) => tokens.length);
  const ids = new Int32Array(lengths.reduce((sum, length) => sum + length, 0));
  let offset = 0;
  for (const tokens of encoded) {
    ids.set(tokens, offset);
    offset += tokens.length;
  }
  port.postMessage({ id, lengths, ids, milliseconds: performance.now() - start }, [lengths.buffer, ids.buffer]);
});
port.postMessage({ ready: true });
