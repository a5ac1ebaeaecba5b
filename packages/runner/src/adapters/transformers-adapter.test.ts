import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BUILTIN_SUITES,
  loadSuiteRun,
  type GenerationRequest,
  type GenerationResponse,
  type LoglikelihoodRequest,
  type LoglikelihoodResponse,
  type Request,
} from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { writeRealisticMmlu } from "@zoo/suites/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openTinyLm,
  referenceGeneration,
  referenceLoglikelihood,
  tinyLmFixture,
  type TinyLmFixture,
} from "../testing/index.ts";
import { TINY_LM_WORDS } from "../tiny-lm/tiny-lm-tokenizer.ts";
import type { TransformersAdapter } from "./transformers-adapter.ts";

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

const open = (fixture: TinyLmFixture, batchSize: number | "auto" = 1) => openTinyLm({ fixture, batchSize });

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

/** How many tokens every one of `inputs` begins with. */
function commonPrefix(inputs: readonly number[][]): number {
  let length = 0;
  while (inputs.every((input) => length < input.length && input[length] === inputs[0]![length])) length++;
  return length;
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

  it("runs a few-shot block once across windows, and then only each question's own tokens", async () => {
    const encode = (text: string) => fixture.tokenizer.encode(text, { add_special_tokens: false });
    const block = "the following are multiple choice questions about law .\n\n".repeat(5);
    const starts = ["what", "which", "who", "when", "where", "why", "how", "is", "are", "was"];
    // 40 questions, 160 requests: windows of 16, 32, 64 and 48 requests, so the block is carried three times.
    // Two questions share at most their first word after the block, too short to be run on its own.
    const requests: LoglikelihoodRequest[] = Array.from({ length: 40 }, (_, q) =>
      ["one", "two", "three", "four"].map((count) => ({
        type: "loglikelihood" as const,
        docId: q,
        index: 0,
        context: `${block}${starts[q % starts.length]} ${Math.floor(q / starts.length)} is the capital of country ?\nanswer :`,
        continuation: ` ${count}`,
      })),
    ).flat();
    const planned = await adapter.plannedForwardTokens(requests);
    const before = adapter.forwardTokens();
    expectReference(fixture, requests, await answers(adapter, requests));
    const contexts = [...new Set(requests.map((request) => request.context))].map(encode);
    const shared = commonPrefix(contexts);
    expect(shared).toBeGreaterThan(50);
    const expected = shared + contexts.reduce((sum, context) => sum + context.length - shared, 0);
    expect(adapter.forwardTokens() - before).toBe(expected);
    expect(planned).toBe(expected);

    // Resumed with the first window and a half answered: the plan is what the rest runs, the block included.
    const isAnswered = (index: number) => index < 24;
    const plannedRest = await adapter.plannedForwardTokens(requests, isAnswered);
    const beforeRest = adapter.forwardTokens();
    await answers(adapter, requests, isAnswered);
    expect(adapter.forwardTokens() - beforeRest).toBe(plannedRest);
    expect(plannedRest).toBe(shared + contexts.slice(6).reduce((sum, context) => sum + context.length - shared, 0));
  });

  it("runs a shared primer and context once and only the continuations' tokens after them (TruthfulQA-style)", async () => {
    const encode = (text: string) => fixture.tokenizer.encode(text, { add_special_tokens: false });
    const primer =
      "question : what is human life expectancy in the united states ?\nanswer : seventy eight years .\n\n";
    const questions = ["who was president", "what is the capital city", "where is the sun"];
    const answersText = [" yes it is", " no", " the planet earth and the star", " four hundred"];
    const requests: LoglikelihoodRequest[] = questions.flatMap((question, q) =>
      answersText.map((continuation) => ({
        type: "loglikelihood" as const,
        docId: q,
        index: 0,
        context: `${primer}question : ${question} ?\nanswer :`,
        continuation,
      })),
    );
    const planned = await adapter.plannedForwardTokens(requests);
    const before = adapter.forwardTokens();
    expectReference(fixture, requests, await answers(adapter, requests));
    const shared = commonPrefix(questions.map((question) => encode(`${primer}question : ${question} ?\nanswer :`)));
    let expected = shared;
    for (const question of questions) {
      const context = `${primer}question : ${question} ?\nanswer :`;
      expected += encode(context).length - shared;
      for (const continuation of answersText)
        expected += encode(context + continuation).length - encode(context).length - 1;
    }
    expect(adapter.forwardTokens() - before).toBe(expected);
    expect(planned).toBe(expected);
  });

  it.each([
    ["mmlu", 5],
    ["truthfulqa_mc2", 0],
  ])(
    "plans exactly the forward tokens a run of %s (%s-shot) takes, and what a resumed run has left",
    async (suite, shots) => {
      const requests = (await sampleRequests(suite, shots)) as LoglikelihoodRequest[];
      for (const isAnswered of [undefined, (index: number) => index % 3 === 1]) {
        const planned = await adapter.plannedForwardTokens(requests, isAnswered);
        const before = adapter.forwardTokens();
        await answers(adapter, requests, isAnswered);
        expect(adapter.forwardTokens() - before).toBe(planned);
      }
    },
  );

  it("agrees with every request run on its own, within float32 rounding, on every loglikelihood suite", async () => {
    const alone = await openTinyLm({ fixture, sharing: "none" });
    const suites = BUILTIN_SUITES.filter(
      (suite) => suite.outputType !== "generate_until" && !/^mmlu_/.test(suite.id),
    ).map((suite) => suite.id);
    expect(suites.length).toBeGreaterThan(8);
    for (const suite of suites) {
      const requests = (await sampleRequests(suite, suite === "mmlu" ? 5 : undefined)) as LoglikelihoodRequest[];
      const [shared, single] = [await answers(adapter, requests), await answers(alone, requests)];
      requests.forEach((_, index) => {
        expect(Math.abs(shared.get(index)!.logprob - single.get(index)!.logprob), `${suite} ${index}`).toBeLessThan(
          1e-4,
        );
        expect(shared.get(index)!.isGreedy, `${suite} ${index}`).toBe(single.get(index)!.isGreedy);
      });
    }
    await alone.dispose();
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

describe("TransformersAdapter's key/value cache", () => {
  it("holds at most three windows' worth at once on MMLU's longest subject, 5-shot", async () => {
    const fixture = await tinyLmFixture();
    const adapter = await open(fixture);
    const data = await mkdtemp(join(tmpdir(), "zoo-realistic-mmlu-"));
    const subjects = ["professional_law", "miscellaneous"];
    await writeRealisticMmlu(data, { words: TINY_LM_WORDS, subjects, questionsPerSubject: 24 });
    const requests: LoglikelihoodRequest[] = [];
    for (const subject of subjects) {
      const run = await loadSuiteRun(`mmlu_${subject}`, { io, data: { kind: "local", dir: data }, shots: 5 });
      requests.push(...run.documents.flatMap((document) => document.requests as LoglikelihoodRequest[]));
    }
    await answers(adapter, requests);
    // The cache a window carries, the running node's parent's and its own: each at most the 1,024-token window,
    // at 2 layers × keys and values × 32 wide × 4 bytes a token. professional_law's prompts pass the window.
    const { layers, hidden, maxPositions } = fixture.weights.shape;
    const bytesPerToken = layers * 2 * hidden * 4;
    expect(adapter.peakKeyValueBytes()).toBeGreaterThan(maxPositions * bytesPerToken);
    expect(adapter.peakKeyValueBytes()).toBeLessThanOrEqual(3 * maxPositions * bytesPerToken);
    await adapter.dispose();
    await rm(data, { recursive: true, force: true });
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

  it("runs one window per question however long its 5-shot prompt, as lm-evaluation-harness's one-token reuse does", async () => {
    const fixture = await tinyLmFixture({ maxPositions: 48 });
    const adapter = await open(fixture);
    const requests = (await sampleRequests("mmlu", 5)) as LoglikelihoodRequest[];
    const questions = new Set(requests.map((request) => request.context)).size;
    const before = adapter.forwardTokens();
    expectReference(fixture, requests, await answers(adapter, requests));
    // Each prompt is several windows long; its four choices' cut inputs are one and the same.
    expect((adapter.forwardTokens() - before) / questions).toBeLessThanOrEqual(1.1 * 48);
    await adapter.dispose();
  });
});
