export { BENCH_MODELS } from "./bench-models.ts";
export type { BenchModel } from "./bench-models.ts";
export { openTinyLm, referenceGeneration, referenceLoglikelihood, tinyLmFixture } from "./tiny-lm-fixture.ts";
export type { TinyLmFixture } from "./tiny-lm-fixture.ts";
export { TINY_LM_HUB_COMMIT, tinyLmHubRoot } from "./tiny-lm-hub.ts";
export { referenceLogits, referenceLogprob } from "./tiny-lm-reference.ts";
export {
  anthropicErrorBody,
  fakeTokenLogprob,
  fakeTopLogprobs,
  openAiErrorBody,
  startFakeApi,
  type CompletionsBehaviour,
  type FakeApi,
  type FakeApiOptions,
  type Fault,
  type RecordedRequest,
} from "./fake-api-server.ts";
