import { z } from "zod";
import type { Request, Response } from "./request.ts";
import { sha256Hex } from "./sha256.ts";
import { DataError } from "./suite-errors.ts";
import type { SuiteDocument } from "./suite-run.ts";

/*
 * One line of a run's --log-samples sidecar (JSONL beside the record): lm-evaluation-harness's per-document
 * sample, with the requests as `zoo requests` prints them. The runner writes these lines, the site shows them,
 * and `zoo results merge` re-aggregates a sharded run from them.
 */
const requestSchema = z.union([
  z.strictObject({ type: z.literal("loglikelihood"), context: z.string(), continuation: z.string() }),
  z.strictObject({
    type: z.literal("generation"),
    context: z.string(),
    until: z.array(z.string()),
    max_tokens: z.number().int().positive(),
  }),
]);

const responseSchema = z.union([
  z.strictObject({ logprob: z.number(), is_greedy: z.boolean() }),
  z.strictObject({ text: z.string() }),
]);

export const sampleLineSchema = z.strictObject({
  doc_id: z.number().int().nonnegative(),
  /** The breakdown the document counts towards (an MMLU subject), where the suite has one. */
  group: z.string().min(1).optional(),
  /** sha256 of the document's first context, so two runs can be shown to have asked the same thing. */
  prompt_hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  requests: z.array(requestSchema).min(1),
  responses: z.array(responseSchema),
  /** The gold answer: a choice index or the expected text. */
  target: z.union([z.number().int(), z.string()]),
  metrics: z.record(z.string().min(1), z.number()),
});

export type SampleLine = z.output<typeof sampleLineSchema>;

function requestLine(request: Request): SampleLine["requests"][number] {
  return request.type === "loglikelihood"
    ? { type: request.type, context: request.context, continuation: request.continuation }
    : { type: request.type, context: request.context, until: request.until, max_tokens: request.maxTokens };
}

function responseLine(response: Response): SampleLine["responses"][number] {
  return "text" in response ? { text: response.text } : { logprob: response.logprob, is_greedy: response.isGreedy };
}

/** The sample line of a scored document. */
export async function sampleLine(
  document: SuiteDocument,
  responses: readonly Response[],
  metrics: Record<string, number>,
): Promise<SampleLine> {
  return {
    doc_id: document.docId,
    ...(document.group === undefined ? {} : { group: document.group }),
    prompt_hash: `sha256:${await sha256Hex(document.requests[0]?.context ?? "")}`,
    requests: document.requests.map(requestLine),
    responses: responses.map(responseLine),
    target: document.target,
    metrics,
  };
}

/** The lines of a samples file, in order; anything malformed is a DataError naming the file and line. */
export function parseSampleLines(text: string, file: string): SampleLine[] {
  const lines: SampleLine[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const location = { line: index + 1 };
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new DataError(file, `not valid JSON: ${(error as Error).message}`, location);
    }
    const parsed = sampleLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DataError(file, `${issue.path.join(".") || "line"}: ${issue.message}`, location);
    }
    lines.push(parsed.data);
  });
  return lines;
}
