import { z } from "zod";

/**
 * Lower-case words joined by hyphens; a dot may stand before a digit for versions and sizes ("gpt-3.5-turbo",
 * "qwen1.5-7b", "opt-1.3b"). The form of every catalogue id, which is also the entry's file name.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:\.[0-9][a-z0-9]*)*(?:-[a-z0-9]+(?:\.[0-9][a-z0-9]*)*)*$/;

export const idSchema = z.string().regex(ID_PATTERN, {
  error: (issue) => `expected a kebab-case id such as "llama-2-7b", found ${JSON.stringify(issue.input)}`,
});

export const huggingFaceRepoIdSchema = z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, {
  error: (issue) =>
    `expected a Hugging Face repo id such as "meta-llama/Llama-2-7b-hf", found ${JSON.stringify(issue.input)}`,
});

/** The id a record's file name gives it: "catalog/models/llama-2-7b.yaml" → "llama-2-7b". */
export function recordId(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/, "");
}

/** A web page: http or https only, so no `javascript:` or `file:` link can enter the catalogue. */
export const webUrlSchema = z.url({
  protocol: /^https?$/,
  error: (issue) => `expected an http(s) URL, found ${JSON.stringify(issue.input)}`,
});
