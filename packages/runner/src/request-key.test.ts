import type { Request } from "@zoo/suites";
import { describe, expect, it } from "vitest";
import { requestKey } from "./request-key.ts";

const ASK: Request = { type: "loglikelihood", docId: 0, index: 0, context: "Q:", continuation: " A" };

describe("requestKey", () => {
  it("names what is asked, not which document asked it", async () => {
    expect(await requestKey(ASK)).toBe(await requestKey({ ...ASK, docId: 7, index: 2 }));
    expect(await requestKey(ASK)).not.toBe(await requestKey({ ...ASK, continuation: " B" }));
    expect(
      await requestKey({ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n"], maxTokens: 8 }),
    ).not.toBe(
      await requestKey({ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n"], maxTokens: 9 }),
    );
  });

  it("names a chat transcript by its turns, whose context is empty until a template renders them", async () => {
    const chat = (question: string): Request => ({
      ...ASK,
      context: "",
      messages: [{ role: "user", content: question }],
    });
    expect(await requestKey(chat("What is 1 + 1?"))).not.toBe(await requestKey(chat("What is 2 + 2?")));
    expect(await requestKey(chat("Q:"))).not.toBe(await requestKey(ASK));
    // A plain prompt's key is what it was before transcripts existed: caches written then stay valid.
    expect(await requestKey(ASK)).toBe("26b4cd1cd953685fb88c4f10b9c67ab648651cf632479592c1d0c1b202d578bd");
  });
});
