/** A model the /run/ page can score: zoo's tiny LM served by the site, or a Hub repo (a catalogue entry's or typed). */
export interface ModelChoice {
  /** What the record files it under: the catalogue id, "zoo:tiny-lm", or "hf:org/repo". */
  id: string;
  kind: "tiny-lm" | "hub";
  repo: string;
  /** A branch, tag or commit; the Hub's main branch when absent. */
  revision?: string;
  /** The dtype the catalogue entry runs with; the only one there is for the tiny LM (fp32). */
  dtype?: string;
  /** Prompted through the tokenizer's chat template with multiturn examples, as the nightly runs the entry. */
  chat: boolean;
}

export const TINY_LM_ID = "zoo:tiny-lm";

const REPO = /^[\w.-]+\/[\w.-]+$/;

/**
 * A typed Hub repo, `org/repo` or `org/repo@revision` (an `https://huggingface.co/` prefix is dropped), or a
 * one-line message saying what is wrong with it.
 */
export function typedRepo(text: string): ModelChoice | string {
  const value = text.trim().replace(/^https?:\/\/huggingface\.co\//, "");
  if (value === "") return "type a Hub repo, such as onnx-community/Qwen2.5-0.5B-Instruct";
  const [repo, revision, ...rest] = value.split("@");
  if (!REPO.test(repo!) || rest.length > 0 || revision === "")
    return `"${text.trim()}" is not a Hub repo: expected org/name, or org/name@revision`;
  return { id: `hf:${repo}`, kind: "hub", repo: repo!, ...(revision ? { revision } : {}), chat: false };
}
