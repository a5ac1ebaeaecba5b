import { describe, expect, it } from "vitest";
import { requestRecord } from "./request.ts";

describe("requestRecord", () => {
  it("uses lm-evaluation-harness's field names, in its order", () => {
    expect(
      JSON.stringify(requestRecord({ type: "loglikelihood", docId: 3, index: 1, context: "Q:", continuation: " B" })),
    ).toBe('{"doc_id":3,"type":"loglikelihood","context":"Q:","continuation":" B"}');
    expect(
      JSON.stringify(
        requestRecord({ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n\n"], maxTokens: 256 }),
      ),
    ).toBe('{"doc_id":0,"type":"generation","context":"Q:","until":["\\n\\n"],"max_tokens":256}');
  });
});
