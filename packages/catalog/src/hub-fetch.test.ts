import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHubFetch, HubUnreachableError, retryAfterMs } from "./hub-fetch.ts";

interface Scripted {
  status: number;
  headers?: Record<string, string>;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server that answers each request with the next scripted status, then 200. */
async function scriptedServer(script: Scripted[]): Promise<{ url: string; hits: () => number; peak: () => number }> {
  let hits = 0;
  let open = 0;
  let peak = 0;
  server = createServer((_request, response) => {
    hits += 1;
    open += 1;
    peak = Math.max(peak, open);
    const next = script.shift() ?? { status: 200 };
    setTimeout(() => {
      open -= 1;
      response.writeHead(next.status, { "Content-Type": "application/json", ...next.headers });
      response.end(JSON.stringify({ status: next.status }));
    }, 20);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, hits: () => hits, peak: () => peak };
}

describe("createHubFetch", () => {
  it("retries 429 and 5xx, waiting as long as Retry-After says, else backing off exponentially", async () => {
    const hub = await scriptedServer([
      { status: 429, headers: { "Retry-After": "3" } },
      { status: 503 },
      { status: 502 },
    ]);
    const slept: number[] = [];
    let clock = 0;
    const sleep = async (ms: number) => {
      slept.push(ms);
      clock += ms;
    };
    const hubFetch = createHubFetch({ sleep, now: () => clock, random: () => 1, baseDelayMs: 100 });
    const response = await hubFetch(`${hub.url}/api/models/acme/x`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 200 });
    expect(hub.hits()).toBe(4);
    expect(slept).toEqual([3000, 200, 400]);
  });

  it("gives up after its retries and returns the last answer", async () => {
    const hub = await scriptedServer([{ status: 500 }, { status: 500 }, { status: 500 }]);
    const hubFetch = createHubFetch({ sleep: async () => {}, retries: 2 });
    expect((await hubFetch(hub.url)).status).toBe(500);
    expect(hub.hits()).toBe(3);
  });

  it("does not wait out a Retry-After longer than it allows", async () => {
    const hub = await scriptedServer([{ status: 429, headers: { "Retry-After": "3600" } }]);
    const slept: number[] = [];
    const hubFetch = createHubFetch({ sleep: async (ms) => void slept.push(ms) });
    expect((await hubFetch(hub.url)).status).toBe(429);
    expect(slept).toEqual([]);
  });

  it("does not retry other statuses", async () => {
    const hub = await scriptedServer([{ status: 404 }, { status: 401 }]);
    const hubFetch = createHubFetch({ sleep: async () => {} });
    expect((await hubFetch(hub.url)).status).toBe(404);
    expect(hub.hits()).toBe(1);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const hub = await scriptedServer([]);
    const hubFetch = createHubFetch({ concurrency: 2 });
    const responses = await Promise.all(Array.from({ length: 6 }, () => hubFetch(hub.url)));
    expect(responses.map(({ status }) => status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(hub.peak()).toBe(2);
  });

  it("says the Hub is unreachable once a refused connection has been retried", async () => {
    const hub = await scriptedServer([]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const slept: number[] = [];
    const hubFetch = createHubFetch({ sleep: async (ms) => void slept.push(ms), random: () => 0, baseDelayMs: 100 });
    const failure = await hubFetch(hub.url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HubUnreachableError);
    expect((failure as Error).message).toBe(
      `cannot reach the Hugging Face Hub at ${hub.url} (ECONNREFUSED): are you offline?`,
    );
    expect(slept).toEqual([50, 100]);
    // The run is over: other requests are not tried again.
    expect(await hubFetch(hub.url).catch((error: unknown) => error)).toBe(failure);
    expect(slept).toEqual([50, 100]);
  });
});

describe("createHubFetch against a Hub that does not answer", () => {
  it("lets one request probe while the others wait, then fails them all at once", async () => {
    const hub = await scriptedServer([]);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    let sent = 0;
    const counting: typeof fetch = (input, init) => {
      sent += 1;
      return fetch(input, init);
    };
    const hubFetch = createHubFetch({ fetch: counting, sleep: async () => {}, concurrency: 4 });
    const failures = await Promise.all(
      Array.from({ length: 470 }, (_, index) => hubFetch(`${hub.url}/api/models/m${index}`).catch((error) => error)),
    );
    // The first four went out together; one of them then probed twice; nothing else was sent.
    expect(sent).toBe(6);
    expect(new Set(failures).size).toBe(1);
    expect(failures[0]).toBeInstanceOf(HubUnreachableError);
  });

  it("lets the waiting requests go on when the probe gets an answer", async () => {
    let calls = 0;
    const flaky: typeof fetch = async () => {
      calls += 1;
      if (calls <= 2) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return new Response("ok");
    };
    const hubFetch = createHubFetch({ fetch: flaky, sleep: async () => {}, concurrency: 2 });
    const responses = await Promise.all(Array.from({ length: 5 }, () => hubFetch("https://hub.example/x")));
    expect(responses.map(({ status }) => status)).toEqual([200, 200, 200, 200, 200]);
    // Two refused; the probe's retry was answered; then the four other requests went out once each.
    expect(calls).toBe(7);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    [{ "Retry-After": "120" }, 120_000],
    [{ "Retry-After": "1.5" }, 1500],
    [{ "Retry-After": "Thu, 01 Jan 2026 00:00:30 GMT" }, 30_000],
    [{ RateLimit: '"api";r=0;t=55' }, 55_000],
    [{ "Retry-After": "soon" }, undefined],
    [{}, undefined],
  ])("reads %j as %s ms", (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(expected);
  });
});
