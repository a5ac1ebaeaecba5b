export { referenceGeneration, referenceLoglikelihood, tinyLmFixture } from "./tiny-lm-fixture.ts";
export type { TinyLmFixture } from "./tiny-lm-fixture.ts";
export { referenceLogits, referenceLogprob } from "./tiny-lm-reference.ts";
