import {
  loadSuiteRun,
  type GenerationRequest,
  type GenerationResponse,
  type LoglikelihoodRequest,
  type LoglikelihoodResponse,
  type Request,
} from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceGeneration, referenceLoglikelihood, tinyLmFixture, type TinyLmFixture } from "../testing/index.ts";
import { TransformersAdapter } from "./transformers-adapter.ts";

/** float32 forward passes against a float64 reference: the answers agree to about 1e-5 nats. */
const TOLERANCE = 5e-5;

const io = nodeSuiteIo();

/** A suite's requests on its sample data (a custom suite's own file is a sample already). */
async function sampleRequests(suite: string, shots?: number): Promise<Request[]> {
  const custom = ["capitals", "unit_conversions"].includes(suite);
  const run = await loadSuiteRun(suite, {
    io,
    ...(custom ? {} : { data: { kind: "sample" as const } }),
    ...(shots === undefined ? {} : { shots }),
  });
  return run.documents.flatMap((document) => document.requests);
}

async function open(fixture: TinyLmFixture, batchSize: number | "auto" = 1): Promise<TransformersAdapter> {
  return TransformersAdapter.load({
    path: fixture.dir,
    identity: { adapter: "transformers-js", repo: "tiny-lm" },
    dtype: "fp32",
    device: "cpu",
    batchSize,
    offline: true,
  });
}

async function answers(
  adapter: TransformersAdapter,
  requests: LoglikelihoodRequest[],
  isAnswered?: (i: number) => boolean,
) {
  const got = new Map<number, LoglikelihoodResponse>();
  await adapter.loglikelihood(requests, {
    onResponse: (index, response) => {
      expect(got.has(index), `request ${index} answered twice`).toBe(false);
      got.set(index, response);
    },
    ...(isAnswered ? { isAnswered } : {}),
  });
  return got;
}

function expectReference(
  fixture: TinyLmFixture,
  requests: LoglikelihoodRequest[],
  got: Map<number, LoglikelihoodResponse>,
) {
  expect(got.size).toBe(requests.length);
  requests.forEach((request, index) => {
    const expected = referenceLoglikelihood(fixture, request);
    const answer = got.get(index)!;
    expect(
      Math.abs(answer.logprob - expected.logprob),
      `${index}: ${JSON.stringify(request.continuation)}`,
    ).toBeLessThan(TOLERANCE);
    expect(answer.isGreedy, `${index}`).toBe(expected.isGreedy);
  });
}

describe("TransformersAdapter on zoo's tiny LM", () => {
  let fixture: TinyLmFixture;
  let adapter: TransformersAdapter;
  beforeAll(async () => {
    fixture = await tinyLmFixture();
    adapter = await open(fixture);
  });
  afterAll(() => adapter.dispose());

  it.each([
    ["mmlu", 0],
    ["mmlu", 5],
    ["truthfulqa_mc1", undefined],
    ["truthfulqa_mc2", undefined],
    ["arithmetic_1dc", undefined],
    ["arithmetic_2dm", undefined],
    ["arithmetic_5ds", undefined],
    ["capitals", undefined],
  ])("scores %s (%s-shot) as the float64 reference does", async (suite, shots) => {
    const requests = (await sampleRequests(suite, shots)) as LoglikelihoodRequest[];
    expectReference(fixture, requests, await answers(adapter, requests));
  });

  it("runs one forward pass per question when every continuation is one token (MMLU)", async () => {
    const requests = (await sampleRequests("mmlu", 5)) as LoglikelihoodRequest[];
    const encode = (text: string) => fixture.tokenizer.encode(text, { add_special_tokens: false });
    const contexts = [...new Set(requests.map((request) => request.context))];
    const before = adapter.forwardTokens();
    await answers(adapter, requests);
    // Exactly the contexts' tokens: four answers from each pass, no continuation token run.
    expect(adapter.forwardTokens() - before).toBe(contexts.reduce((sum, context) => sum + encode(context).length, 0));
  });

  it("runs a shared context once and only the continuations' tokens after it (TruthfulQA MC2)", async () => {
    const requests = (await sampleRequests("truthfulqa_mc2")) as LoglikelihoodRequest[];
    const encode = (text: string) => fixture.tokenizer.encode(text, { add_special_tokens: false });
    let expected = 0;
    for (const context of new Set(requests.map((request) => request.context))) {
      const tails = requests
        .filter((request) => request.context === context)
        .map((request) => encode(context + request.continuation).length - encode(context).length - 1);
      expected += encode(context).length + tails.reduce((sum, tail) => sum + tail, 0);
    }
    const before = adapter.forwardTokens();
    await answers(adapter, requests);
    expect(adapter.forwardTokens() - before).toBe(expected);
  });

  it("gives the same answers batched, and neither tokenises nor runs what is already answered", async () => {
    const requests = [
      ...((await sampleRequests("mmlu", 1)) as LoglikelihoodRequest[]),
      ...((await sampleRequests("truthfulqa_mc2")) as LoglikelihoodRequest[]),
    ];
    for (const batchSize of [3, "auto"] as const) {
      const batched = await open(fixture, batchSize);
      expectReference(fixture, requests, await answers(batched, requests));
      const before = [batched.forwardTokens(), batched.tokenizingMilliseconds()];
      expect((await answers(batched, requests, () => true)).size).toBe(0);
      expect([batched.forwardTokens(), batched.tokenizingMilliseconds()]).toEqual(before);
      await batched.dispose();
    }
  });

  it("moves a context's trailing spaces to the continuation, as lm-evaluation-harness does", async () => {
    const moved = await answers(adapter, [
      { type: "loglikelihood", docId: 0, index: 0, context: "the sun is", continuation: " hot" },
    ]);
    const trailing = await answers(adapter, [
      { type: "loglikelihood", docId: 0, index: 0, context: "the sun is ", continuation: "hot" },
    ]);
    expect(trailing.get(0)).toEqual(moved.get(0));
  });

  it("generates greedily, stopping at a stop sequence, as the reference does", async () => {
    const requests = [
      ...((await sampleRequests("arithmetic_2da_gen")) as GenerationRequest[]),
      ...((await sampleRequests("unit_conversions")) as GenerationRequest[]),
      {
        type: "generation",
        docId: 0,
        index: 0,
        context: "question : what",
        until: ["\n\n"],
        maxTokens: 40,
      } as GenerationRequest,
    ];
    const got = new Map<number, GenerationResponse>();
    await adapter.generate(requests, { onResponse: (index, response) => got.set(index, response) });
    requests.forEach((request, index) =>
      expect(got.get(index)!.text, `${index}`).toBe(referenceGeneration(fixture, request)),
    );
  });
});

describe("TransformersAdapter on prompts longer than the model", () => {
  it("cuts the input from the left, as lm-evaluation-harness does", async () => {
    const fixture = await tinyLmFixture({ maxPositions: 48 });
    const adapter = await open(fixture, 2);
    const requests = [
      ...((await sampleRequests("mmlu", 1)) as LoglikelihoodRequest[]),
      ...((await sampleRequests("truthfulqa_mc2")) as LoglikelihoodRequest[]),
      ...((await sampleRequests("arithmetic_3da")) as LoglikelihoodRequest[]),
    ];
    expectReference(fixture, requests, await answers(adapter, requests));
    await adapter.dispose();
  });
});
