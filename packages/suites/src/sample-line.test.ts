import { describe, expect, it } from "vitest";
import { parseSampleLines, sampleLine } from "./sample-line.ts";
import { sha256Hex } from "./sha256.ts";
import type { SuiteDocument } from "./suite-run.ts";

const DOCUMENT: SuiteDocument = {
  docId: 3,
  group: "astronomy",
  target: 1,
  requests: [
    { type: "loglikelihood", docId: 3, index: 0, context: "Q?\nAnswer:", continuation: " A" },
    { type: "loglikelihood", docId: 3, index: 1, context: "Q?\nAnswer:", continuation: " B" },
  ],
};

describe("sample lines", () => {
  it("record a document's requests as zoo requests prints them, its answers, target and metrics", async () => {
    const line = await sampleLine(
      DOCUMENT,
      [
        { logprob: -1.5, isGreedy: false },
        { logprob: -0.25, isGreedy: true },
      ],
      { acc: 1 },
    );
    expect(line).toEqual({
      doc_id: 3,
      group: "astronomy",
      prompt_hash: `sha256:${await sha256Hex("Q?\nAnswer:")}`,
      requests: [
        { type: "loglikelihood", context: "Q?\nAnswer:", continuation: " A" },
        { type: "loglikelihood", context: "Q?\nAnswer:", continuation: " B" },
      ],
      responses: [
        { logprob: -1.5, is_greedy: false },
        { logprob: -0.25, is_greedy: true },
      ],
      target: 1,
      metrics: { acc: 1 },
    });
    expect(parseSampleLines(`${JSON.stringify(line)}\n\n`, "s.jsonl")).toEqual([line]);
  });

  it("keep generation requests' stop sequences and token limit", async () => {
    const line = await sampleLine(
      {
        docId: 0,
        target: "Paris",
        requests: [{ type: "generation", docId: 0, index: 0, context: "Q:", until: ["\n"], maxTokens: 16 }],
      },
      [{ text: " Paris" }],
      { exact_match: 0 },
    );
    expect(line.requests).toEqual([{ type: "generation", context: "Q:", until: ["\n"], max_tokens: 16 }]);
    expect(line.responses).toEqual([{ text: " Paris" }]);
    expect("group" in line).toBe(false);
  });

  it("name the file and line of a malformed line", () => {
    expect(() => parseSampleLines('{"doc_id": 0}\n{', "s.jsonl")).toThrow(
      "s.jsonl:1: prompt_hash: Invalid input: expected string, received undefined",
    );
    expect(() => parseSampleLines("\n{", "s.jsonl")).toThrow(/^s\.jsonl:2: not valid JSON: /);
  });
});
