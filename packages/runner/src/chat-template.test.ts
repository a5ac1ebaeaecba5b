import { readFile } from "node:fs/promises";
import { AutoTokenizer } from "@huggingface/transformers";
import { loadSuiteRun, requestRecord, type PromptOptions } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { describe, expect, it } from "vitest";
import { ChatTemplateError, chatTemplateNames, chatTemplateRenderer } from "./chat-template.ts";
import { tinyLmFixture } from "./testing/index.ts";

// Written by golden-reference/chat_prompts.py: lm-evaluation-harness's chat transcripts rendered by Python's jinja2
// as transformers renders chat templates, independently of zoo.
const golden = (name: string) => readFile(new URL(`golden/${name}.jsonl`, import.meta.url), "utf8");

/** MMLU's 5-shot sample requests, each transcript rendered with the tiny LM's template `name`. */
async function renderedRequests(name: string, prompt: PromptOptions): Promise<string> {
  const fixture = await tinyLmFixture();
  const render = chatTemplateRenderer(fixture.tokenizer, "tiny-lm", name);
  const run = await loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "sample" }, shots: 5, prompt });
  return run.documents
    .flatMap((document) =>
      document.requests.map(({ messages, ...request }) => {
        expect(request.context).toBe("");
        return `${JSON.stringify(requestRecord({ ...request, context: render(messages!) }))}\n`;
      }),
    )
    .join("");
}

describe("chat templates, as lm-evaluation-harness applies them", () => {
  const plain: PromptOptions = { chat: true, fewshotAsMultiturn: false };
  const instructed: PromptOptions = {
    chat: true,
    fewshotAsMultiturn: true,
    systemInstruction: "Answer with the letter of the right choice.",
  };
  it.each([
    ["default", plain, "mmlu-chat-default"],
    ["llama-3", plain, "mmlu-chat-llama-3"],
    ["gemma", plain, "mmlu-chat-gemma"],
    ["default", instructed, "mmlu-chat-default-system-multiturn"],
    ["llama-3", instructed, "mmlu-chat-llama-3-system-multiturn"],
    ["gemma", instructed, "mmlu-chat-gemma-system-multiturn"],
  ])("renders %s (%j) byte for byte as the reference", async (name, prompt, file) => {
    expect(await renderedRequests(name, prompt)).toBe(await golden(file));
  });

  it("names a missing template, a missing name, and a template that fails", async () => {
    const fixture = await tinyLmFixture();
    expect(chatTemplateNames(fixture.tokenizer)).toEqual(["default", "llama-3", "gemma"]);
    expect(() => chatTemplateRenderer(fixture.tokenizer, "tiny-lm", "zephyr")).toThrow(
      new ChatTemplateError('tiny-lm has no chat template named "zephyr"; it has "default", "llama-3", "gemma"'),
    );
    const bare = await AutoTokenizer.from_pretrained(fixture.dir, { local_files_only: true });
    (bare as unknown as { chat_template: unknown }).chat_template = null;
    expect(() => chatTemplateRenderer(bare, "tiny-lm")).toThrow(
      "tiny-lm has no chat template (tokenizer_config.json sets no chat_template): run it without --apply-chat-template",
    );
    const gemma = chatTemplateRenderer(fixture.tokenizer, "tiny-lm", "gemma");
    expect(() =>
      gemma([
        { role: "assistant", content: "first" },
        { role: "user", content: "second" },
      ]),
    ).toThrow(
      "tiny-lm's chat template gemma failed: Conversation roles must alternate user/assistant/user/assistant/...",
    );
  });
});
