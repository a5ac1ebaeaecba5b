import type { GenerationRequest, GenerationResponse } from "@zoo/suites";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CapabilityError } from "../adapter.ts";
import { anthropicErrorBody, startFakeApi, type FakeApi } from "../testing/index.ts";
import { AnthropicAdapter } from "./anthropic-adapter.ts";
import { ApiError, postJson } from "./api-request.ts";
import { generation, quickApiOptions, rejection } from "../testing/expectations.ts";

const KEY = "sk-ant-api03-abcdefghijklmnopqrstuvwxyz";
const MODEL = "claude-test";
const PATH = "/v1/messages";

const REPLIES = {
  "Q: capital of France?\nA:": " Paris.\n\nQ: capital of Spain?\nA: Madrid.",
  "Q: capital of Italy?\nA:": " Rome. Q: capital of Spain?",
  "Count:": " a b c d e f",
};

const GENERATIONS = [
  // The API refuses "\n\n" as a stop sequence, so the server runs past it and it is cut here.
  generation("Q: capital of France?\nA:", ["\n\n", " \t", "Q:"]),
  generation("Q: capital of Italy?\nA:", ["Q:"]),
  generation("Count:", [], 3),
];

let api: FakeApi;
const waits: number[] = [];
const API = quickApiOptions(waits);

const adapter = (apiKey = KEY) =>
  new AnthropicAdapter({ model: MODEL, baseUrl: api.url, apiKey, api: API, limits: { concurrency: 1 } });

async function generateAll(model: AnthropicAdapter, requests: GenerationRequest[]): Promise<GenerationResponse[]> {
  const responses: GenerationResponse[] = [];
  await model.generate(requests, { onResponse: (index, response) => (responses[index] = response) });
  return responses;
}

beforeEach(async () => {
  api = await startFakeApi({ replies: REPLIES, apiKey: KEY });
  waits.length = 0;
});

afterEach(async () => {
  await api.close();
});

describe("AnthropicAdapter", () => {
  it("sends Messages API requests without whitespace-only stop sequences, with the key and version headers", async () => {
    await generateAll(adapter(), GENERATIONS);
    expect(api.requests.map((request) => [request.path, request.body])).toEqual([
      [
        PATH,
        {
          model: MODEL,
          max_tokens: 32,
          temperature: 0,
          messages: [{ role: "user", content: "Q: capital of France?\nA:" }],
          stop_sequences: ["Q:"],
        },
      ],
      [
        PATH,
        {
          model: MODEL,
          max_tokens: 32,
          temperature: 0,
          messages: [{ role: "user", content: "Q: capital of Italy?\nA:" }],
          stop_sequences: ["Q:"],
        },
      ],
      [
        PATH,
        {
          model: MODEL,
          max_tokens: 3,
          temperature: 0,
          messages: [{ role: "user", content: "Count:" }],
          stop_sequences: [],
        },
      ],
    ]);
    for (const request of api.requests) {
      expect(request.headers["x-api-key"]).toBe(KEY);
      expect(request.headers["anthropic-version"]).toBe("2023-06-01");
    }
  });

  it("answers with the text cut at every stop sequence, whitespace-only ones here, and within max_tokens", async () => {
    expect(await generateAll(adapter(), GENERATIONS)).toEqual([
      { text: " Paris." },
      { text: " Rome. " },
      { text: " a b c" },
    ]);
  });

  it("joins the text blocks of an answer, skipping the others", async () => {
    api.fail(PATH, {
      status: 200,
      body: {
        id: "msg_01",
        type: "message",
        role: "assistant",
        model: MODEL,
        content: [
          { type: "thinking", thinking: "France's capital…", signature: "sig" },
          { type: "text", text: " Par" },
          { type: "text", text: "is.\n\nQ: next" },
        ],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage: { input_tokens: 6, output_tokens: 5 },
      },
    });
    expect(await generateAll(adapter(), [GENERATIONS[0]!])).toEqual([{ text: " Paris." }]);
  });

  it("retries 529 overloaded until it gets the answer", async () => {
    const overloaded = { status: 529, body: anthropicErrorBody("overloaded_error", "Overloaded") };
    api.fail(PATH, overloaded, overloaded);
    expect(await generateAll(adapter(), [GENERATIONS[1]!])).toEqual([{ text: " Rome. " }]);
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([0.5, 1]);
  });

  it("fails with Anthropic's message, naming no key, when the key is refused", async () => {
    const wrongKey = "sk-ant-api03-wrong-wrong-wrong";
    const error = await rejection(generateAll(adapter(wrongKey), [GENERATIONS[0]!]), ApiError);
    expect(error.message).toBe(`${api.url}${PATH} answered HTTP 401: invalid x-api-key`);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(wrongKey);
  });

  it("cannot score loglikelihoods, and says to run a generation suite", async () => {
    const error = await rejection(
      adapter().loglikelihood([{ type: "loglikelihood", docId: 0, index: 0, context: "a", continuation: " b" }], {
        onResponse: () => undefined,
      }),
      CapabilityError,
    );
    expect(error.message).toBe(
      `anthropic:${MODEL} cannot score loglikelihoods (the Messages API returns no log-probabilities): run a generation suite instead, such as truthfulqa_gen or arithmetic_gen`,
    );
    expect(api.requests).toHaveLength(0);
  });
});

describe("the fake Messages API, like the real one", () => {
  it("refuses a whitespace-only stop sequence, which is why the adapter cuts those itself", async () => {
    const error = await rejection(
      postJson(
        `${api.url}${PATH}`,
        { model: MODEL, max_tokens: 8, messages: [{ role: "user", content: "Hi" }], stop_sequences: ["\n\n"] },
        { "x-api-key": KEY, "anthropic-version": "2023-06-01" },
        API,
      ),
      ApiError,
    );
    expect(error.status).toBe(400);
    expect(error.detail).toBe("stop_sequences: each stop sequence must contain non-whitespace");
  });

  it("refuses a request without x-api-key in Anthropic's error shape", async () => {
    const error = await rejection(
      postJson(
        `${api.url}${PATH}`,
        { model: MODEL, max_tokens: 8, messages: [{ role: "user", content: "Hi" }] },
        { "anthropic-version": "2023-06-01" },
        API,
      ),
      ApiError,
    );
    expect(error.message).toBe(`${api.url}${PATH} answered HTTP 401: x-api-key header is required`);
  });
});
