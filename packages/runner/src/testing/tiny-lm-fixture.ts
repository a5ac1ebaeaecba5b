import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AutoTokenizer, type PreTrainedTokenizer } from "@huggingface/transformers";
import type { GenerationRequest, LoglikelihoodRequest } from "@zoo/suites";
import { startTokenizerThread } from "../adapters/tokenizer-thread.ts";
import { TransformersAdapter, type TransformersModelOptions } from "../adapters/transformers-adapter.ts";
import { writeTinyLm, type TinyLm } from "../tiny-lm/tiny-lm.ts";
import type { TinyLmShape } from "../tiny-lm/tiny-lm-weights.ts";
import { referenceLogits, referenceLogprob } from "./tiny-lm-reference.ts";

export interface TinyLmFixture extends TinyLm {
  tokenizer: PreTrainedTokenizer;
}

const written = new Map<string, Promise<TinyLmFixture>>();

/** The tiny LM in a temp folder (once per shape and test process), with its tokenizer loaded. */
export function tinyLmFixture(shape: Partial<Omit<TinyLmShape, "vocabSize">> = {}): Promise<TinyLmFixture> {
  const key = JSON.stringify(shape);
  let fixture = written.get(key);
  if (fixture === undefined) {
    fixture = (async () => {
      const lm = await writeTinyLm(join(await mkdtemp(join(tmpdir(), "zoo-tiny-lm-")), "tiny-lm"), { shape });
      return { ...lm, tokenizer: await AutoTokenizer.from_pretrained(lm.dir) };
    })();
    written.set(key, fixture);
  }
  return fixture;
}

/**
 * The tiny LM loaded as `zoo bench` loads a local model (its tokenizer on a thread, fp32 on the CPU, one row a pass,
 * offline), from `fixture` (the default shape's unless given), with any option overridden.
 */
export async function openTinyLm(
  options: Partial<TransformersModelOptions> & { fixture?: TinyLmFixture } = {},
): Promise<TransformersAdapter> {
  const { fixture, ...overrides } = options;
  return TransformersAdapter.load({
    startEncoder: startTokenizerThread,
    path: (fixture ?? (await tinyLmFixture())).dir,
    identity: { adapter: "transformers-js", repo: "tiny-lm", dtype: "fp32", device: "cpu" },
    dtype: "fp32",
    device: "cpu",
    batchSize: 1,
    offline: true,
    ...overrides,
  });
}

const logitsByInput = new WeakMap<TinyLmFixture, Map<string, Float64Array[]>>();

/** The reference is slow: the choices of a question share an input, so its logits are computed once. */
function cachedLogits(fixture: TinyLmFixture, input: number[]): Float64Array[] {
  let cache = logitsByInput.get(fixture);
  if (cache === undefined) logitsByInput.set(fixture, (cache = new Map()));
  const key = input.join(",");
  let logits = cache.get(key);
  if (logits === undefined) cache.set(key, (logits = referenceLogits(fixture.weights, input)));
  return logits;
}

const encoder = (fixture: TinyLmFixture) => (text: string) =>
  fixture.tokenizer.encode(text, { add_special_tokens: false });

/**
 * lm-evaluation-harness's loglikelihood of a request, written out literally for a context without trailing
 * spaces: tokens of context + continuation after the context's, the input cut to the model's length from the
 * left, every continuation token scored from the full forward pass of the reference model.
 */
export function referenceLoglikelihood(fixture: TinyLmFixture, request: LoglikelihoodRequest) {
  if (/\s$/.test(request.context)) throw new Error("the reference takes contexts without trailing whitespace");
  const encode = encoder(fixture);
  const whole = encode(request.context + request.continuation);
  const continuation = whole.slice(encode(request.context).length);
  const input = whole.slice(-(fixture.weights.shape.maxPositions + 1)).slice(0, -1);
  const logits = cachedLogits(fixture, input);
  let logprob = 0;
  let isGreedy = true;
  continuation.forEach((token, t) => {
    const scored = referenceLogprob(logits[input.length - continuation.length + t]!, token);
    logprob += scored.logprob;
    isGreedy &&= scored.greedy;
  });
  return { logprob, isGreedy };
}

/** Greedy decoding with the reference model until EOS, a stop sequence or the token limit, cut as lm-evaluation-harness cuts. */
export function referenceGeneration(fixture: TinyLmFixture, request: GenerationRequest): string {
  const eos = fixture.vocabulary.indexOf("[EOS]");
  const room = fixture.weights.shape.maxPositions - request.maxTokens;
  const tokens = encoder(fixture)(request.context).slice(-room);
  const generated: number[] = [];
  const text = () => fixture.tokenizer.decode(generated, { skip_special_tokens: true });
  while (generated.length < request.maxTokens) {
    const logits = referenceLogits(fixture.weights, [...tokens, ...generated]).at(-1)!;
    const next = logits.indexOf(Math.max(...logits));
    generated.push(next);
    if (next === eos || request.until.some((stop) => stop !== "" && text().includes(stop))) break;
  }
  let cut = text();
  for (const stop of request.until) if (stop !== "") cut = cut.split(stop)[0]!;
  return cut;
}
