/** How a sync talks to the Hub: at most a few requests at once, patient with rate limits, quick to say it is offline. */
export interface HubFetchOptions {
  /** Requests in flight at once. */
  concurrency?: number;
  /** Retries of a request answered 429 or 5xx. */
  retries?: number;
  /** Retries of a request that never got an answer (refused, reset, DNS failure, timeout). */
  networkRetries?: number;
  /** First backoff delay; it doubles on each retry, with jitter, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs?: number;
  /** Per request, until the response headers arrive. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** No answer at all from the Hub, even after retrying: offline, DNS failure, refused connection, or timeouts. */
export class HubUnreachableError extends Error {
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`cannot reach the Hugging Face Hub at ${origin} (${reason}): are you offline?`);
    this.name = "HubUnreachableError";
  }
}

const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

const DEFAULTS = {
  concurrency: 4,
  retries: 5,
  networkRetries: 2,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  // The Hub counts requests over 5-minute windows: waiting out a whole window is still worth it.
  maxRetryAfterMs: 5 * 60_000,
  timeoutMs: 30_000,
} as const;

/**
 * A fetch for @huggingface/hub's functions that limits concurrency, and retries 429 and 5xx answers with
 * exponential backoff, honouring Retry-After (or the Hub's RateLimit header): while one request waits out a rate
 * limit, no other request is sent either. The first request that gets no answer becomes the probe: it alone
 * retries, briefly, while every other request waits for its verdict. If the Hub answers, they all go on; if not,
 * they all fail at once with the same HubUnreachableError, so a run of hundreds of requests gives up as quickly as
 * a run of one.
 */
export function createHubFetch(options: HubFetchOptions = {}): typeof fetch {
  const settings = { ...DEFAULTS, ...options };
  const baseFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const slots = new Semaphore(settings.concurrency);
  let resumeAt = 0;
  // Once the Hub has not answered even after retries, every other request of the run fails at once too.
  let unreachable: HubUnreachableError | undefined;
  // While a request probes a Hub that did not answer, the others wait here rather than send.
  let probe: Promise<void> | undefined;

  const backoff = (attempt: number) => {
    const delay = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
    return delay / 2 + (random() * delay) / 2;
  };

  const verdict = async (): Promise<void> => {
    while (probe) await probe;
    if (unreachable) throw unreachable;
  };

  const send = async (input: string | URL | Request, init: RequestInit | undefined): Promise<Response> => {
    await slots.acquire();
    try {
      // Checked after the wait for a slot too: a request queued behind the probe must not go out after it failed.
      await verdict();
      const wait = resumeAt - now();
      if (wait > 0) await sleep(wait);
      return await baseFetch(input, { ...init, signal: attemptSignal(init, settings.timeoutMs) });
    } finally {
      slots.release();
    }
  };

  /** Retries a request that got no answer, as the one probe of the Hub; undefined when another probe runs. */
  const probeWith = async (
    input: string | URL | Request,
    init: RequestInit | undefined,
    firstError: unknown,
  ): Promise<Response | undefined> => {
    if (probe) return undefined;
    let done = () => {};
    probe = new Promise<void>((resolve) => (done = resolve));
    let lastError = firstError;
    try {
      for (let attempt = 0; attempt < settings.networkRetries; attempt++) {
        await sleep(backoff(attempt));
        try {
          return await baseFetch(input, { ...init, signal: attemptSignal(init, settings.timeoutMs) });
        } catch (error) {
          if (init?.signal?.aborted) throw error;
          lastError = error;
        }
      }
      unreachable = new HubUnreachableError(originOf(input), failureReason(lastError));
      throw unreachable;
    } finally {
      probe = undefined;
      done();
    }
  };

  return async (input, init) => {
    for (let attempt = 0; ;) {
      await verdict();
      let response: Response;
      try {
        response = await send(input, init);
      } catch (error) {
        if (init?.signal?.aborted || error instanceof HubUnreachableError) throw error;
        const answered = await probeWith(input, init, error);
        if (answered === undefined) continue;
        response = answered;
      }
      if (!RETRIED_STATUSES.has(response.status) || attempt >= settings.retries) return response;
      const asked = retryAfterMs(response.headers, now());
      if (asked !== undefined && asked > settings.maxRetryAfterMs) return response;
      const delay = asked ?? backoff(attempt);
      resumeAt = Math.max(resumeAt, now() + delay);
      await response.body?.cancel();
      await sleep(delay);
      attempt += 1;
    }
  };
}

function attemptSignal(init: RequestInit | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
}

/**
 * How long the server asks us to wait: Retry-After in seconds or as an HTTP date, else the `t` (seconds to reset)
 * of the IETF RateLimit header the Hub sends, e.g. `"api";r=0;t=55`.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    // Seconds, which some servers give with a fraction ("1.5"), else an HTTP date.
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = /(?:^|;)\s*t=(\d+)/.exec(headers.get("ratelimit") ?? "");
  return reset ? Number(reset[1]) * 1000 : undefined;
}

function originOf(input: string | URL | Request): string {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The system's word for why a request got no answer: ENOTFOUND, ECONNREFUSED, timeout … */
function failureReason(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "no answer in time";
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}

class Semaphore {
  private waiting: (() => void)[] = [];
  private free: number;

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}
