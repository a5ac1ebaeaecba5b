import type { GenerationRequest, GenerationResponse, LoglikelihoodRequest, LoglikelihoodResponse } from "@zoo/suites";
import { afterEach, describe, expect, it } from "vitest";
import { CapabilityError } from "../adapter.ts";
import {
  fakeTokenLogprob,
  fakeTopLogprobs,
  openAiErrorBody,
  startFakeApi,
  type FakeApi,
  type FakeApiOptions,
  type Fault,
} from "../testing/index.ts";
import { ApiError } from "./api-request.ts";
import { OPENAI_BASE_URL, OpenAiAdapter, answerLengthField } from "./openai-adapter.ts";
import type { QueueLimits } from "./request-queue.ts";
import { generation, quickApiOptions, rejection } from "../testing/expectations.ts";

const KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz";
const MODEL = "gpt-test";

const servers: FakeApi[] = [];
const waits: number[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  waits.length = 0;
});

async function serve(options: FakeApiOptions = {}): Promise<FakeApi> {
  const server = await startFakeApi(options);
  servers.push(server);
  return server;
}

const API = quickApiOptions(waits, { timeoutMs: 500, retries: 10, random: Math.random });

function adapter(
  server: FakeApi,
  limits: QueueLimits = { concurrency: 2 },
  key: { apiKey?: string } = { apiKey: KEY },
) {
  return new OpenAiAdapter({ model: MODEL, baseUrl: `${server.url}/v1`, ...key, api: API, limits });
}

async function generateAll(model: OpenAiAdapter, requests: GenerationRequest[]): Promise<GenerationResponse[]> {
  const responses: GenerationResponse[] = [];
  await model.generate(requests, { onResponse: (index, response) => (responses[index] = response) });
  return responses;
}

async function scoreAll(model: OpenAiAdapter, requests: LoglikelihoodRequest[]): Promise<LoglikelihoodResponse[]> {
  const responses: LoglikelihoodResponse[] = [];
  await model.loglikelihood(requests, { onResponse: (index, response) => (responses[index] = response) });
  return responses;
}

const pair = (context: string, continuation: string): LoglikelihoodRequest => ({
  type: "loglikelihood",
  docId: 0,
  index: 0,
  context,
  continuation,
});

const REPLIES = {
  "Q: capital of France?\nA:": " Paris.\n\nQ: capital of Spain?\nA: Madrid.",
  "List:": " one; two; three",
  "Count:": " a b c d e f",
};

const GENERATIONS = [
  generation("Q: capital of France?\nA:", ["\n\n", "Q:"]),
  // Only four stop sequences reach the server: the fifth, ";", is cut here.
  generation("List:", ["\n\n", "", "Q:", "###", "END", ";"]),
  generation("Count:", [], 3),
];

/**
 * Each pair with the continuation's tokens as the fake server's tokenizer splits the prompt (words with the
 * whitespace before them), the context's trailing spaces moved onto the continuation.
 */
const PAIRS: { request: LoglikelihoodRequest; tokens: string[] }[] = [
  { request: pair("The capital of France is", " Paris"), tokens: [" Paris"] },
  { request: pair("Answer: ", "yes it is"), tokens: [" yes", " it", " is"] },
  // Code points, not UTF-16 units: the emoji is one character to the server.
  { request: pair("Smile 🙂 means", " happy"), tokens: [" happy"] },
  { request: pair("Question: 2 + 2 =\nAnswer:", " 4 exactly"), tokens: [" 4", " exactly"] },
  { request: pair("Colours:", " red green blue"), tokens: [" red", " green", " blue"] },
  { request: pair("Once upon a", " time"), tokens: [" time"] },
];

/** The fake model's answer computed from its scheme: logprobs summed in order, greedy when each token is the top. */
function expectedScore({ request, tokens }: (typeof PAIRS)[number]): LoglikelihoodResponse {
  let before = request.context.trimEnd();
  let logprob = 0;
  let isGreedy = true;
  for (const token of tokens) {
    const tokenLogprob = fakeTokenLogprob(before, token);
    logprob += tokenLogprob;
    isGreedy &&= Math.max(...Object.values(fakeTopLogprobs(before, token))) === tokenLogprob;
    before += token;
  }
  return { logprob, isGreedy };
}

describe("OpenAiAdapter generation", () => {
  it("sends each prompt as one user message at temperature 0 with at most four stop sequences", async () => {
    const server = await serve({ replies: REPLIES });
    await generateAll(adapter(server, { concurrency: 1 }), GENERATIONS);
    expect(server.requests.map((request) => request.body)).toEqual([
      {
        model: MODEL,
        messages: [{ role: "user", content: "Q: capital of France?\nA:" }],
        max_tokens: 32,
        temperature: 0,
        seed: 1234,
        stop: ["\n\n", "Q:"],
      },
      {
        model: MODEL,
        messages: [{ role: "user", content: "List:" }],
        max_tokens: 32,
        temperature: 0,
        seed: 1234,
        stop: ["\n\n", "Q:", "###", "END"],
      },
      { model: MODEL, messages: [{ role: "user", content: "Count:" }], max_tokens: 3, temperature: 0, seed: 1234 },
    ]);
    expect(server.requests.map((request) => request.path)).toEqual(Array(3).fill("/v1/chat/completions"));
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(Array(3).fill(`Bearer ${KEY}`));
  });

  it("caps an answer with max_completion_tokens on OpenAI's own API, max_tokens on every other server", () => {
    expect(answerLengthField(OPENAI_BASE_URL)).toBe("max_completion_tokens");
    expect(answerLengthField(`${OPENAI_BASE_URL}/`)).toBe("max_completion_tokens");
    expect(answerLengthField("http://localhost:8000/v1")).toBe("max_tokens");
  });

  it("answers with the text cut at the first stop sequence, here or on the server, and within max_tokens", async () => {
    const server = await serve({ replies: REPLIES });
    expect(await generateAll(adapter(server), GENERATIONS)).toEqual([
      { text: " Paris." },
      { text: " one" },
      { text: " a b c" },
    ]);
  });

  it("sends no authorization header without a key", async () => {
    const server = await serve({ replies: REPLIES });
    await generateAll(adapter(server, { concurrency: 1 }, {}), [GENERATIONS[0]!]);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("fails on an answer without a message rather than saving an empty text", async () => {
    const server = await serve();
    server.fail("/v1/chat/completions", { status: 200, body: { object: "chat.completion", choices: [] } });
    const saved: number[] = [];
    const error = await rejection(
      adapter(server).generate([GENERATIONS[0]!], { onResponse: (index) => saved.push(index) }),
      ApiError,
    );
    expect(error.message).toBe(`${server.url}/v1/chat/completions answered without a message`);
    expect(saved).toEqual([]);
  });
});

describe("OpenAiAdapter loglikelihood", () => {
  it("asks for the echoed prompt's logprobs with one generated token", async () => {
    const server = await serve();
    await scoreAll(adapter(server, { concurrency: 1 }), [PAIRS[0]!.request]);
    expect(server.requests).toEqual([
      {
        method: "POST",
        path: "/v1/completions",
        headers: expect.objectContaining({ authorization: `Bearer ${KEY}` }),
        body: {
          model: MODEL,
          prompt: "The capital of France is Paris",
          max_tokens: 1,
          temperature: 0,
          logprobs: 1,
          echo: true,
          seed: 1234,
        },
      },
    ]);
  });

  it("sums the continuation's token logprobs and is greedy only when each is the top token", async () => {
    const server = await serve();
    const expected = PAIRS.map(expectedScore);
    // The cases cover both answers, so that isGreedy is really tested.
    expect(new Set(expected.map((score) => score.isGreedy))).toEqual(new Set([true, false]));
    expect(
      await scoreAll(
        adapter(server),
        PAIRS.map(({ request }) => request),
      ),
    ).toEqual(expected);
  });

  const capabilityMessage = (server: FakeApi, why: string) =>
    `openai:${MODEL} at ${server.url}/v1 cannot score loglikelihoods (${why}): run a generation suite instead, such as truthfulqa_gen or arithmetic_gen`;

  it.each<[string, FakeApiOptions["completions"], string]>([
    [
      "refuses echo with logprobs (400), as OpenAI's models do",
      "echo-rejected",
      "Setting 'echo' and 'logprobs' at the same time is not supported for this model.",
    ],
    ["has no completions endpoint (404)", "absent", "it has no completions endpoint"],
    ["answers completions without logprobs", "without-logprobs", "its completions do not echo the prompt's logprobs"],
  ])("stops with a CapabilityError when the server %s", async (_name, completions, why) => {
    const server = await serve({ completions });
    const error = await rejection(scoreAll(adapter(server), [PAIRS[0]!.request]), CapabilityError);
    expect(error.message).toBe(capabilityMessage(server, why));
  });

  it("refuses a continuation that has no token of its own in the echo, rather than scoring it 0", async () => {
    const server = await serve();
    const request: LoglikelihoodRequest = {
      type: "loglikelihood",
      docId: 0,
      index: 0,
      context: "The capital of France is Pari",
      continuation: "s",
    };
    const error = await rejection(scoreAll(adapter(server), [request]), CapabilityError);
    expect(error.message).toBe(
      capabilityMessage(server, `no token of the server's echo starts inside the continuation "s"`),
    );
  });

  it("keeps the CapabilityError to one line when the server's words span several", async () => {
    const server = await serve();
    server.fail("/v1/completions", {
      status: 400,
      body: openAiErrorBody("logprobs are not available\n  for this model"),
    });
    const error = await rejection(scoreAll(adapter(server), [PAIRS[0]!.request]), CapabilityError);
    expect(error.message).toBe(capabilityMessage(server, "logprobs are not available for this model"));
  });
});

describe("OpenAiAdapter against a failing server", () => {
  const FAULTS: Fault[] = [
    { status: 429, headers: { "retry-after": "1" }, body: openAiErrorBody("Rate limit reached", "requests") },
    { status: 429, headers: { "retry-after-ms": "30" }, body: openAiErrorBody("Rate limit reached", "tokens") },
    { status: 500, body: openAiErrorBody("The server had an error while processing your request.", "server_error") },
    { status: 503, body: openAiErrorBody("The engine is currently overloaded.", "server_error") },
    "hang",
    { slowMs: 2000 },
    "malformed",
    "drop-after-headers",
    "drop-mid-body",
  ];

  it("survives every fault with the answers of a fault-free run", async () => {
    const clean = await serve({ replies: REPLIES });
    const faulty = await serve({ replies: REPLIES });
    faulty.fail("/v1/chat/completions", ...FAULTS);
    faulty.fail("/v1/completions", ...FAULTS);
    const requests = PAIRS.map(({ request }) => request);

    const faultyAnswers = [await generateAll(adapter(faulty), GENERATIONS), await scoreAll(adapter(faulty), requests)];
    expect(faultyAnswers).toEqual([
      await generateAll(adapter(clean), GENERATIONS),
      await scoreAll(adapter(clean), requests),
    ]);
    expect(faulty.requests).toHaveLength(GENERATIONS.length + PAIRS.length + 2 * FAULTS.length);
    // Retry-After of 1 s and retry-after-ms of 30, once per endpoint; the other retries waited a short backoff.
    expect(waits.filter((ms) => ms >= 30).sort((a, b) => a - b)).toEqual([30, 30, 1000, 1000]);
  });

  it("never has more than `concurrency` requests in flight", async () => {
    const server = await serve({ replies: REPLIES, latencyMs: 50 });
    const many = Array.from({ length: 10 }, (_, index) => generation(`Prompt ${index}`, ["\n\n"]));
    await generateAll(adapter(server, { concurrency: 3 }), many);
    expect(server.maxInFlight).toBe(3);
    expect(server.requests).toHaveLength(10);

    const scored = await serve({ latencyMs: 50 });
    await scoreAll(
      adapter(scored, { concurrency: 4 }),
      Array.from({ length: 12 }, (_, index) => pair(`Context ${index}`, " end")),
    );
    expect(scored.maxInFlight).toBe(4);
  });

  it("sends the bearer key, and names it nowhere when the server refuses it", async () => {
    const server = await serve({ apiKey: "sk-proj-the-right-key-0000" });
    const error = await rejection(scoreAll(adapter(server), [PAIRS[0]!.request]), ApiError);
    expect(error.message).toBe(
      `${server.url}/v1/completions answered HTTP 401: Incorrect API key provided: sk-${"*".repeat(KEY.length - 7)}wxyz. You can find your API key at https://platform.openai.com/account/api-keys.`,
    );
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(KEY);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
