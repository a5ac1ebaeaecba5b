import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anthropicErrorBody, openAiErrorBody, startFakeApi, type FakeApi, type Fault } from "../testing/index.ts";
import { ApiError, postJson, type ApiOptions } from "./api-request.ts";
import { quickApiOptions, rejection } from "../testing/expectations.ts";

const PATH = "/v1/chat/completions";
const KEY = "sk-test-0123456789abcdef";
const REQUEST = { model: "gpt-test", messages: [{ role: "user", content: "Say hi" }] };

let api: FakeApi;
let url: string;
/** What postJson asked to wait, in order: the injected sleep records and returns at once. */
const waits: number[] = [];

const options = (overrides: Partial<ApiOptions> = {}) => quickApiOptions(waits, overrides);

const post = (overrides: Partial<ApiOptions> = {}, headers: Record<string, string> = {}) =>
  postJson(url, REQUEST, headers, options(overrides));

const apiError = (promise: Promise<unknown>) => rejection(promise, ApiError);

beforeEach(async () => {
  api = await startFakeApi({ replies: { "Say hi": "Hi there." } });
  url = `${api.url}${PATH}`;
  waits.length = 0;
});

afterEach(async () => {
  await api.close();
});

describe("postJson", () => {
  it("posts the body as JSON and returns the parsed answer", async () => {
    expect(await post({}, { authorization: `Bearer ${KEY}` })).toEqual({
      id: expect.stringMatching(/^chatcmpl-[0-9a-f]+$/),
      object: "chat.completion",
      created: 1_700_000_000,
      model: "gpt-test",
      choices: [
        { index: 0, message: { role: "assistant", content: "Hi there." }, logprobs: null, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 },
    });
    expect(api.requests).toEqual([
      {
        method: "POST",
        path: PATH,
        headers: expect.objectContaining({ "content-type": "application/json", authorization: `Bearer ${KEY}` }),
        body: REQUEST,
      },
    ]);
  });

  // With random() = 0.5 and baseDelayMs 1, the first backoff is 0.5 ms.
  it.each<[string, Fault, number]>([
    [
      "429 with Retry-After in seconds",
      { status: 429, headers: { "retry-after": "2" }, body: openAiErrorBody("Rate limit reached", "requests") },
      2000,
    ],
    [
      "429 with retry-after-ms",
      { status: 429, headers: { "retry-after-ms": "250" }, body: openAiErrorBody("Rate limit reached", "requests") },
      250,
    ],
    [
      "429 with both, taking the longer",
      {
        status: 429,
        headers: { "retry-after": "1", "retry-after-ms": "1500" },
        body: openAiErrorBody("Rate limit reached", "requests"),
      },
      1500,
    ],
    ["500", { status: 500, body: openAiErrorBody("The server had an error", "server_error") }, 0.5],
    ["503", { status: 503, body: "Service Unavailable" }, 0.5],
    ["Anthropic's 529", { status: 529, body: anthropicErrorBody("overloaded_error", "Overloaded") }, 0.5],
    ["a hung request", "hang", 0.5],
    ["an answer slower than timeoutMs", { slowMs: 1000 }, 0.5],
    ["a truncated JSON body", "malformed", 0.5],
    ["a connection dropped after the headers", "drop-after-headers", 0.5],
    ["a connection dropped midway through the body", "drop-mid-body", 0.5],
  ])("retries %s, waiting as asked, then returns the same answer", async (_name, fault, wait) => {
    const clean = await post();
    api.fail(PATH, fault);
    expect(await post()).toEqual(clean);
    expect(api.requests).toHaveLength(3);
    expect(waits).toEqual([wait]);
  });

  it("answers a slow request that arrives within timeoutMs without retrying", async () => {
    const clean = await post();
    api.fail(PATH, { slowMs: 50 });
    expect(await post()).toEqual(clean);
    expect(api.requests).toHaveLength(2);
    expect(waits).toEqual([]);
  });

  it("doubles the backoff per retry up to maxDelayMs", async () => {
    const serverError = { status: 500, body: openAiErrorBody("The server had an error", "server_error") };
    api.fail(PATH, serverError, serverError, serverError, serverError);
    await post({ retries: 4, baseDelayMs: 10, maxDelayMs: 35, random: () => 1 });
    expect(waits).toEqual([10, 20, 35, 35]);
  });

  it.each<[string, Fault, Partial<ApiOptions>, string, number | undefined]>([
    ["503s", { status: 503, body: "Service Unavailable" }, {}, "HTTP 503: Service Unavailable", 503],
    ["timeouts", "hang", { timeoutMs: 100 }, "no answer within 100 ms", undefined],
    ["dropped connections", "drop-mid-body", {}, "UND_ERR_SOCKET: other side closed", 200],
    [
      "bodies that are not JSON",
      { status: 200, body: "<html>" },
      {},
      'HTTP 200 with a body that is not JSON: "<html>"',
      200,
    ],
  ])("gives up after `retries` retries of %s with one ApiError", async (_name, fault, overrides, last, status) => {
    api.fail(PATH, fault, fault, fault, fault);
    const error = await apiError(post(overrides));
    expect(error.message).toBe(`${url}: ${last} (gave up after 4 attempts)`);
    expect(error.status).toBe(status);
    expect(api.requests).toHaveLength(4);
    expect(waits).toEqual([0.5, 1, 2]);
  });

  it.each<[number, string]>([
    [400, "Invalid 'messages': empty array. Expected an array with minimum length 1."],
    [401, "You didn't provide an API key."],
    [404, "The model `gpt-none` does not exist or you do not have access to it."],
  ])("does not retry %i and gives the server's message", async (status, message) => {
    api.fail(PATH, { status, body: openAiErrorBody(message) });
    const error = await apiError(post());
    expect(error.message).toBe(`${url} answered HTTP ${status}: ${message}`);
    expect(error.status).toBe(status);
    expect(error.detail).toBe(message);
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("reads the message of an unknown route's FastAPI body, as vLLM answers", async () => {
    const error = await apiError(postJson(`${api.url}/v1/nothing`, REQUEST, {}, options()));
    expect(error.message).toBe(`${api.url}/v1/nothing answered HTTP 404: Not Found`);
  });

  it("fails at once when Retry-After asks for longer than maxRetryAfterMs", async () => {
    api.fail(PATH, {
      status: 429,
      headers: { "retry-after": "120" },
      body: openAiErrorBody("You exceeded your current quota", "insufficient_quota"),
    });
    const error = await apiError(post({ maxRetryAfterMs: 60_000 }));
    expect(error.message).toBe(`${url} answered HTTP 429: You exceeded your current quota, asking to wait 120 s`);
    expect(error.status).toBe(429);
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  describe("never puts a header value (the key) into an error", () => {
    const headers = { authorization: `Bearer ${KEY}` };

    it("when the server quotes the key in a refusal", async () => {
      api.fail(PATH, { status: 401, body: openAiErrorBody(`Incorrect API key provided: ${KEY}.`) });
      const error = await apiError(post({}, headers));
      expect(error.message).toBe(`${url} answered HTTP 401: Incorrect API key provided: [redacted].`);
      expect(error.detail).toBe("Incorrect API key provided: [redacted].");
    });

    it("when the server quotes the whole header in answers retried until the retries are spent", async () => {
      const echo = { status: 500, body: openAiErrorBody(`bad header Bearer ${KEY}`, "server_error") };
      const garbled = { status: 200, body: `{"key": "${KEY}"` };
      api.fail(PATH, echo, garbled, echo, garbled);
      const error = await apiError(post({}, headers));
      expect(error.message).toBe(
        `${url}: HTTP 200 with a body that is not JSON: "{\\"key\\": \\"[redacted]\\"" (gave up after 4 attempts)`,
      );
      expect(JSON.stringify(error)).not.toContain(KEY);
    });

    it("when the key is not a valid header value, without sending anything", async () => {
      const error = await apiError(post({}, { authorization: `Bearer ${KEY}\n${KEY}` }));
      expect(error.message).toBe(`${url}: a request header has an invalid value (a line break in the key?)`);
      expect(api.requests).toHaveLength(0);
    });
  });

  it("stops at once when its signal is aborted", async () => {
    api.fail(PATH, "hang");
    const controller = new AbortController();
    const reason = new Error("interrupted");
    // Aborted once the server holds the request, however slowly a loaded machine got it there.
    const abortWhenSent = setInterval(() => {
      if (api.requests.length === 0) return;
      clearInterval(abortWhenSent);
      abortedAt = Date.now();
      controller.abort(reason);
    }, 5);
    let abortedAt = 0;
    await expect(postJson(url, REQUEST, {}, options({ timeoutMs: 10_000 }), controller.signal)).rejects.toBe(reason);
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect(api.requests).toHaveLength(1);
  });
});
