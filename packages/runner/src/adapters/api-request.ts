import { retryAfterMs } from "@zoo/catalog";

/** How an API adapter talks to its server. */
export interface ApiOptions {
  /** Per attempt, from sending the request to having read the whole answer. */
  timeoutMs: number;
  /** Attempts after the first, for answers worth retrying (429, 5xx, timeouts, dropped connections, bad JSON). */
  retries: number;
  /** First backoff; it doubles per retry up to `maxDelayMs`, and a random part of it is waited (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After beyond this is not waited for: the request fails with the server's message. */
  maxRetryAfterMs: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  timeoutMs: 120_000,
  retries: 8,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 10 * 60_000,
};

/** An answer that is not worth retrying (400, 401, 404, …), or the last one once the retries are spent. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** The server's own words, where it gave any. */
    readonly detail: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Anthropic answers 529 when overloaded; 408 and 409 are worth a retry too, as the official SDKs treat them. */
const RETRIED = (status: number) => status === 408 || status === 409 || status === 429 || status >= 500;

/**
 * Replaces every header value, and the token of a value such as "Bearer KEY", in a text: a server may quote the
 * key back, and nothing of it may reach an error message.
 */
function redactor(values: readonly string[]): (text: string) => string {
  const secrets = [...new Set(values.flatMap((value) => [value.trim(), value.trim().split(/\s+/).at(-1)!]))]
    .filter((secret) => secret !== "")
    .sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((redacted, secret) => redacted.replaceAll(secret, "[redacted]"), text);
}

const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * The message of an error body in OpenAI's or Anthropic's shape ({error: {message}}), TGI's ({error}), FastAPI's as
 * vLLM answers an unknown route ({detail}), else the body's start.
 */
function errorDetail(body: string): string {
  try {
    const json = JSON.parse(body) as {
      error?: { message?: unknown } | string;
      message?: unknown;
      detail?: unknown;
    };
    if (typeof json.error === "string") return json.error;
    if (typeof json.error?.message === "string") return json.error.message;
    if (typeof json.message === "string") return json.message;
    if (typeof json.detail === "string") return json.detail;
  } catch {
    // not JSON: the text itself says what went wrong
  }
  return body.trim().slice(0, 200);
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string")
    // undici's codes alone are cryptic (UND_ERR_SOCKET); its message says "other side closed".
    return typeof cause.message === "string" && !cause.message.includes(cause.code)
      ? `${cause.code}: ${cause.message}`
      : cause.code;
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs `body` as JSON and returns the parsed answer. Throttling, server errors, timeouts, dropped connections and
 * answers that are not JSON are retried with exponential backoff and full jitter, waiting at least as long as
 * Retry-After asks; other statuses fail at once with the server's message. Nothing of `headers` (the key) ever
 * appears in an error.
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  options: ApiOptions,
  signal?: AbortSignal,
): Promise<unknown> {
  const redact = redactor(Object.values(headers));
  let requestHeaders: Headers;
  try {
    requestHeaders = new Headers({ "content-type": "application/json", ...headers });
  } catch {
    // The platform's message quotes the offending value, which is the key.
    throw new ApiError(`${url}: a request header has an invalid value (a line break in the key?)`, undefined, "");
  }
  const send = options.fetch ?? fetch;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  let last = "";
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    let status: number | undefined;
    let wait: number | undefined;
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      const response = await send(url, {
        method: "POST",
        headers: requestHeaders,
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      status = response.status;
      const text = await response.text();
      if (response.ok) {
        try {
          return JSON.parse(text);
        } catch {
          last = redact(`HTTP ${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
        }
      } else {
        const detail = redact(errorDetail(text));
        last = `HTTP ${status}: ${detail}`;
        if (!RETRIED(status)) throw new ApiError(`${url} answered ${last}`, status, detail);
        wait = retryAfterMs(response.headers);
        const ms = response.headers.get("retry-after-ms");
        if (ms !== null && /^\d+(\.\d+)?$/.test(ms)) wait = Math.max(wait ?? 0, Number(ms));
        if (wait !== undefined && wait > options.maxRetryAfterMs)
          throw new ApiError(`${url} answered ${last}, asking to wait ${Math.round(wait / 1000)} s`, status, detail);
      }
    } catch (error) {
      if (error instanceof ApiError || signal?.aborted) throw error;
      last = redact(describeFailure(error, options.timeoutMs));
    }
    if (attempt >= options.retries)
      throw new ApiError(`${url}: ${last} (gave up after ${attempt + 1} attempts)`, status, last);
    const backoff = random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
    await sleep(Math.max(wait ?? 0, backoff), signal);
  }
}
