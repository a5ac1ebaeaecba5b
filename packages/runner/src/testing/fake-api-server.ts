import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it, in arrival order, faulted or not. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text where it was not JSON. */
  body: unknown;
}

/**
 * What the server does instead of answering one request normally: answer with this status, headers and body (a
 * string is sent as it is, anything else as JSON); never answer ("hang"); answer normally but late; answer 200 with
 * the normal body cut in half ("malformed"); or destroy the connection after the headers or midway through the body.
 */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | "hang"
  | { slowMs: number }
  | "malformed"
  | "drop-after-headers"
  | "drop-mid-body";

/**
 * How the server treats POST /v1/completions: like vLLM (echoes the prompt's logprobs), like OpenAI's models that
 * refuse echo with logprobs (400), like a server without the endpoint (404), or like a server that ignores
 * `logprobs` and answers `logprobs: null`.
 */
export type CompletionsBehaviour = "echo-logprobs" | "echo-rejected" | "absent" | "without-logprobs";

export interface FakeApiOptions {
  /** The reply to each prompt; any other prompt gets a reply made from it, with typical stop sequences in it. */
  replies?: Readonly<Record<string, string>>;
  /** The key the server expects (bearer token for OpenAI, x-api-key for Anthropic); OpenAI routes are open without. */
  apiKey?: string;
  completions?: CompletionsBehaviour;
  /** Every normal answer waits this long, so that concurrent requests overlap on the server. */
  latencyMs?: number;
}

export interface FakeApi {
  /** The server's origin, e.g. http://127.0.0.1:40123 (OpenAI's base URL is this plus /v1). */
  url: string;
  requests: RecordedRequest[];
  /** The most requests the server was answering at once. */
  readonly maxInFlight: number;
  /** Queues faults for `path`: its next requests get them, one each, in order; later ones are answered normally. */
  fail(path: string, ...faults: Fault[]): void;
  close(): Promise<void>;
}

/** `created` of every answer: a fixed time, so that the same request always gets the same answer. */
const CREATED = 1_700_000_000;
const OPENAI_MAX_STOP_SEQUENCES = 4;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

interface FakeToken {
  text: string;
  /** In code points, as servers count text_offset. */
  offset: number;
}

const digest = (text: string) => createHash("sha256").update(text).digest().readUInt32BE(0);

/** Words with the whitespace before them, as a GPT-2 style tokenizer splits " word"; trailing whitespace alone. */
function fakeTokenize(text: string): FakeToken[] {
  return [...text.matchAll(/\s*\S+|\s+/gu)].map((match) => ({
    text: match[0],
    offset: [...text.slice(0, match.index)].length,
  }));
}

/** The fake model's log-probability of `token` after `before`: between -1 and -9.99, in hundredths. */
export function fakeTokenLogprob(before: string, token: string): number {
  return -(100 + (digest(`${before}\u241f${token}`) % 900)) / 100;
}

/**
 * The fake model's top token after `before`, as top_logprobs with `logprobs: 1` shows it: for two prefixes in
 * three it is `token` itself, otherwise another token twice as likely.
 */
export function fakeTopLogprobs(before: string, token: string): Record<string, number> {
  const logprob = fakeTokenLogprob(before, token);
  if (digest(before) % 3 !== 0) return { [token]: logprob };
  return { [token === " the" ? " a" : " the"]: logprob / 2 };
}

/** What the server says to a prompt it has no scripted reply for: a number from the prompt, then typical stops. */
function fallbackReply(prompt: string): string {
  return ` ${digest(prompt) % 1000} is my answer.\n\nQuestion: what next?`;
}

interface Generated {
  text: string;
  tokens: number;
  /** Why generation ended: the reply's end, a stop sequence (the one it met) or `maxTokens`. */
  end: "reply" | "stop-sequence" | "length";
  stopSequence: string | null;
}

/** The reply generated token by token, ending before the first stop sequence or after `maxTokens` tokens. */
function generateReply(reply: string, maxTokens: number, stops: readonly string[]): Generated {
  const tokens = fakeTokenize(reply);
  let text = "";
  for (let count = 0; count < tokens.length; count++) {
    if (count === maxTokens) return { text, tokens: count, end: "length", stopSequence: null };
    text += tokens[count]!.text;
    const found = stops
      .filter((stop) => stop !== "" && text.includes(stop))
      .map((stop) => ({ stop, at: text.indexOf(stop) }))
      .sort((a, b) => a.at - b.at)[0];
    if (found)
      return { text: text.slice(0, found.at), tokens: count + 1, end: "stop-sequence", stopSequence: found.stop };
  }
  return { text, tokens: tokens.length, end: "reply", stopSequence: null };
}

/** An error body as OpenAI answers it. */
export const openAiErrorBody = (message: string, type = "invalid_request_error", code: string | null = null) => ({
  error: { message, type, param: null, code },
});

/** An error body as Anthropic answers it. */
export const anthropicErrorBody = (type: string, message: string) => ({ type: "error", error: { type, message } });

const openAiError = (status: number, message: string, type?: string, code?: string | null): Answer => ({
  status,
  body: openAiErrorBody(message, type, code),
});

const anthropicError = (status: number, type: string, message: string): Answer => ({
  status,
  body: anthropicErrorBody(type, message),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A message's text: a string, or the text of its content parts. */
const textOf = (content: unknown): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content.map((part: { text?: unknown }) => (typeof part.text === "string" ? part.text : "")).join("")
      : "";

const stopList = (stop: unknown): string[] =>
  typeof stop === "string" ? [stop] : Array.isArray(stop) ? stop.filter((s) => typeof s === "string") : [];

/** OpenAI masks a wrong key in its answer, keeping its first three and last four characters. */
const maskedKey = (key: string) => `${key.slice(0, 3)}${"*".repeat(Math.max(0, key.length - 7))}${key.slice(-4)}`;

/**
 * A local server speaking OpenAI's chat completions and legacy completions and Anthropic's Messages API, with
 * deterministic replies and log-probabilities and faults injected per path, for testing the API adapters on real
 * sockets.
 */
export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const faults = new Map<string, Fault[]>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  const replyTo = (prompt: string) => options.replies?.[prompt] ?? fallbackReply(prompt);

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  function openAiAuthFailure(headers: IncomingHttpHeaders): Answer | undefined {
    if (options.apiKey === undefined) return undefined;
    const given = /^Bearer (.*)$/.exec(headers.authorization ?? "")?.[1];
    if (given === undefined)
      return openAiError(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
    if (given !== options.apiKey)
      return openAiError(
        401,
        `Incorrect API key provided: ${maskedKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        "invalid_request_error",
        "invalid_api_key",
      );
    return undefined;
  }

  function chatCompletion(body: Record<string, unknown>): Answer {
    const messages = body.messages;
    if (typeof body.model !== "string") return openAiError(400, "you must provide a model parameter");
    if (!Array.isArray(messages) || messages.length === 0)
      return openAiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1.");
    const stops = stopList(body.stop);
    if (Array.isArray(body.stop) && body.stop.length === 0)
      return openAiError(
        400,
        "Invalid 'stop': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      );
    if (stops.length > OPENAI_MAX_STOP_SEQUENCES)
      return openAiError(
        400,
        `Invalid 'stop': array too long. Expected an array with maximum length ${OPENAI_MAX_STOP_SEQUENCES}, but got an array with length ${stops.length} instead.`,
      );
    const prompt = textOf((messages.at(-1) as { content?: unknown }).content);
    const limit = body.max_completion_tokens ?? body.max_tokens;
    const maxTokens = typeof limit === "number" ? limit : Infinity;
    const generated = generateReply(replyTo(prompt), maxTokens, stops);
    const promptTokens = fakeTokenize(prompt).length;
    return {
      status: 200,
      body: {
        id: `chatcmpl-${digest(prompt).toString(16)}`,
        object: "chat.completion",
        created: CREATED,
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: generated.text },
            logprobs: null,
            finish_reason: generated.end === "length" ? "length" : "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: generated.tokens,
          total_tokens: promptTokens + generated.tokens,
        },
      },
    };
  }

  function completion(body: Record<string, unknown>): Answer {
    const behaviour = options.completions ?? "echo-logprobs";
    const prompt = body.prompt;
    if (behaviour === "echo-rejected" && body.echo === true && typeof body.logprobs === "number")
      return openAiError(400, "Setting 'echo' and 'logprobs' at the same time is not supported for this model.");
    if (typeof body.model !== "string") return openAiError(400, "you must provide a model parameter");
    if (typeof prompt !== "string") return openAiError(400, "Invalid 'prompt': expected a string.");
    const maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : 16;
    const generated = generateReply(replyTo(prompt), maxTokens, stopList(body.stop));
    const echo = body.echo === true;
    const promptTokens = fakeTokenize(prompt);
    const generatedTokens = fakeTokenize(generated.text).map((token) => ({
      text: token.text,
      offset: [...prompt].length + token.offset,
    }));
    const tokens = echo ? [...promptTokens, ...generatedTokens] : generatedTokens;
    const full = prompt + generated.text;
    const before = (token: FakeToken) => [...full].slice(0, token.offset).join("");
    // The API has no logprob for the very first token of the text: nothing precedes it.
    const logprobs =
      typeof body.logprobs === "number" && behaviour !== "without-logprobs"
        ? {
            tokens: tokens.map((token) => token.text),
            token_logprobs: tokens.map((token) =>
              token.offset === 0 ? null : fakeTokenLogprob(before(token), token.text),
            ),
            top_logprobs: tokens.map((token) =>
              token.offset === 0 ? null : fakeTopLogprobs(before(token), token.text),
            ),
            text_offset: tokens.map((token) => token.offset),
          }
        : null;
    return {
      status: 200,
      body: {
        id: `cmpl-${digest(prompt).toString(16)}`,
        object: "text_completion",
        created: CREATED,
        model: body.model,
        choices: [
          {
            text: echo ? full : generated.text,
            index: 0,
            logprobs,
            finish_reason: generated.end === "length" ? "length" : "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens.length,
          completion_tokens: generated.tokens,
          total_tokens: promptTokens.length + generated.tokens,
        },
      },
    };
  }

  function message(body: Record<string, unknown>, headers: IncomingHttpHeaders): Answer {
    const key = headers["x-api-key"];
    if (typeof key !== "string" || key === "")
      return anthropicError(401, "authentication_error", "x-api-key header is required");
    if (options.apiKey !== undefined && key !== options.apiKey)
      return anthropicError(401, "authentication_error", "invalid x-api-key");
    if (typeof headers["anthropic-version"] !== "string")
      return anthropicError(400, "invalid_request_error", "anthropic-version: header is required");
    if (typeof body.model !== "string") return anthropicError(400, "invalid_request_error", "model: Field required");
    if (typeof body.max_tokens !== "number" || body.max_tokens < 1)
      return anthropicError(400, "invalid_request_error", "max_tokens: Field required");
    const messages = body.messages;
    if (!Array.isArray(messages) || messages.length === 0)
      return anthropicError(400, "invalid_request_error", "messages: at least one message is required");
    const stops = stopList(body.stop_sequences);
    if (stops.some((stop) => stop.trim() === ""))
      return anthropicError(
        400,
        "invalid_request_error",
        "stop_sequences: each stop sequence must contain non-whitespace",
      );
    // The Messages API takes the system prompt apart, and only user and assistant turns, alternating.
    const roles = messages.map((turn) => (turn as { role?: unknown }).role);
    if (roles.some((role, index) => role !== (index % 2 === 0 ? "user" : "assistant")))
      return anthropicError(
        400,
        "invalid_request_error",
        'messages: roles must alternate between "user" and "assistant"',
      );
    if (body.system !== undefined && typeof body.system !== "string")
      return anthropicError(400, "invalid_request_error", "system: Input should be a valid string");
    const prompt = textOf((messages.at(-1) as { content?: unknown }).content);
    const generated = generateReply(replyTo(prompt), body.max_tokens, stops);
    return {
      status: 200,
      body: {
        id: `msg_${digest(prompt).toString(16)}`,
        type: "message",
        role: "assistant",
        model: body.model,
        content: [{ type: "text", text: generated.text }],
        stop_reason: { reply: "end_turn", "stop-sequence": "stop_sequence", length: "max_tokens" }[generated.end],
        stop_sequence: generated.stopSequence,
        usage: { input_tokens: fakeTokenize(prompt).length, output_tokens: generated.tokens },
      },
    };
  }

  function normalAnswer(method: string, path: string, headers: IncomingHttpHeaders, body: unknown): Answer {
    const route = `${method} ${path}`;
    const known =
      route === "POST /v1/chat/completions" ||
      route === "POST /v1/messages" ||
      (route === "POST /v1/completions" && options.completions !== "absent");
    // FastAPI's answer to a route it does not have, as vLLM gives it.
    if (!known) return { status: 404, body: { detail: "Not Found" } };
    if (path === "/v1/messages") {
      if (!isRecord(body)) return anthropicError(400, "invalid_request_error", "The request body is not valid JSON.");
      return message(body, headers);
    }
    const authFailure = openAiAuthFailure(headers);
    if (authFailure) return authFailure;
    if (!isRecord(body)) return openAiError(400, "We could not parse the JSON body of your request.");
    return path === "/v1/chat/completions" ? chatCompletion(body) : completion(body);
  }

  function send(response: ServerResponse, answer: Answer) {
    const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    response.end(text);
  }

  function deliver(response: ServerResponse, answer: Answer, fault: Fault | undefined) {
    const text = JSON.stringify(answer.body);
    if (fault === undefined) return later(options.latencyMs ?? 0, () => send(response, answer));
    if (fault === "hang") return;
    if (fault === "malformed") return send(response, { status: 200, body: text.slice(0, Math.floor(text.length / 2)) });
    if (fault === "drop-after-headers" || fault === "drop-mid-body") {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(text)),
      });
      if (fault === "drop-mid-body") response.write(text.slice(0, Math.floor(text.length / 2)));
      else response.flushHeaders();
      // Let the written part reach the client before the connection goes, as when a proxy dies mid-answer.
      return later(5, () => response.socket?.destroy());
    }
    if ("slowMs" in fault) return later(fault.slowMs, () => send(response, answer));
    send(response, {
      status: fault.status,
      body: fault.body ?? "",
      ...(fault.headers ? { headers: fault.headers } : {}),
    });
  }

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on("close", () => (inFlight -= 1));
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as the raw text; the route answers that it is not JSON
      }
      const method = request.method ?? "GET";
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      requests.push({ method, path, headers: request.headers, body });
      deliver(response, normalAnswer(method, path, request.headers, body), faults.get(path)?.shift());
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    fail(path, ...queued) {
      faults.set(path, [...(faults.get(path) ?? []), ...queued]);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
