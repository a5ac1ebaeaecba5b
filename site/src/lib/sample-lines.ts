import { readFile } from "node:fs/promises";
import { z } from "zod";

/*
 * One line of a run's --log-samples sidecar (JSONL beside the record): lm-evaluation-harness's per-document
 * sample, with the requests as `zoo requests` prints them. The runner writes these lines; this schema is the
 * site's reading of that contract and belongs with resultRecordSchema in @zoo/suites once the runner ships it.
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
  /** sha256 of the document's first context, so two runs can be shown to have asked the same thing. */
  prompt_hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  requests: z.array(requestSchema).min(1),
  responses: z.array(responseSchema),
  /** The gold answer: a choice index or the expected text. */
  target: z.union([z.number().int(), z.string()]),
  metrics: z.record(z.string().min(1), z.number()),
});

export type SampleLine = z.output<typeof sampleLineSchema>;

/** The samples of a run, in file order; one clear line naming the file and line number for anything malformed. */
export async function readSampleLines(path: string, displayPath = path): Promise<SampleLine[]> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${displayPath}: cannot read the samples file (${error.code ?? error.message})`);
  });
  return text
    .split("\n")
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, number }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${displayPath}:${number}: not valid JSON: ${(error as Error).message}`);
      }
      const parsed = sampleLineSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${displayPath}:${number}: ${issue.path.join(".") || "line"}: ${issue.message}`);
      }
      return parsed.data;
    });
}
