import type { Request, SuiteDocument } from "@zoo/suites";
import { requestKey } from "./request-key.ts";

/** Each distinct request once, with the documents that ask it; and every request's cache key, hashed once. */
export async function distinctRequests(documents: readonly SuiteDocument[]) {
  const byKey = new Map<string, { request: Request; askedBy: SuiteDocument[] }>();
  const keys = new Map<Request, string>();
  const hashed = await Promise.all(documents.flatMap((document) => document.requests.map(requestKey)));
  let next = 0;
  for (const document of documents)
    for (const request of document.requests) {
      const key = hashed[next++]!;
      keys.set(request, key);
      const entry = byKey.get(key);
      if (entry === undefined) byKey.set(key, { request, askedBy: [document] });
      else if (entry.askedBy.at(-1) !== document) entry.askedBy.push(document);
    }
  return { requests: byKey, keys };
}

/** Each document with a request the store has not answered, and how many of its requests it has not. */
export function unansweredByDocument(
  requests: ReadonlyMap<string, { askedBy: readonly SuiteDocument[] }>,
  store: { has(key: string): boolean },
): Map<SuiteDocument, number> {
  const unanswered = new Map<SuiteDocument, number>();
  for (const [key, { askedBy }] of requests)
    if (!store.has(key)) for (const document of askedBy) unanswered.set(document, (unanswered.get(document) ?? 0) + 1);
  return unanswered;
}
