import type { PreTrainedTokenizer } from "@huggingface/transformers";
import type { ChatMessage } from "@zoo/suites";

/** A chat template that is missing, or cannot render a conversation: one line saying which and why. */
export class ChatTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChatTemplateError";
  }
}

/** The template names a tokenizer_config.json offers: "default" for a single template, else its named ones. */
export function chatTemplateNames(tokenizer: PreTrainedTokenizer): string[] {
  const template = (tokenizer as unknown as { chat_template: unknown }).chat_template;
  if (typeof template === "string") return ["default"];
  return template !== null && typeof template === "object" ? Object.keys(template) : [];
}

/**
 * Renders chat transcripts as lm-evaluation-harness's HFLM.apply_chat_template does: the tokenizer's own template
 * (the one named, else its default) through its apply_chat_template, with the generation prompt, not tokenised;
 * when the template refuses the conversation and it has a system turn (Gemma's refuses the system role), once more
 * without the system turns. A transcript shared by a document's choices is rendered once.
 */
export function chatTemplateRenderer(
  tokenizer: PreTrainedTokenizer,
  model: string,
  name?: string,
): (messages: readonly ChatMessage[]) => string {
  const names = chatTemplateNames(tokenizer);
  if (names.length === 0)
    throw new ChatTemplateError(
      `${model} has no chat template (tokenizer_config.json sets no chat_template): run it without --apply-chat-template`,
    );
  const chosen = name ?? (names.includes("default") || names.length === 1 ? names[0] : undefined);
  if (chosen === undefined || !names.includes(chosen))
    throw new ChatTemplateError(
      `${model} has no chat template named ${JSON.stringify(name ?? "default")}; it has ${names.map((each) => JSON.stringify(each)).join(", ")}`,
    );
  // A single template has no name to look up: the tokenizer uses it when none is given.
  const option = names.length === 1 && names[0] === "default" ? {} : { chat_template: chosen };
  const render = (messages: readonly ChatMessage[]) =>
    tokenizer.apply_chat_template(messages as ChatMessage[], {
      tokenize: false,
      add_generation_prompt: true,
      ...option,
    }) as string;
  const rendered = new WeakMap<readonly ChatMessage[], string>();
  return (messages) => {
    let text = rendered.get(messages);
    if (text !== undefined) return text;
    try {
      text = render(messages);
    } catch (error) {
      const withoutSystem = messages.filter(({ role }) => role !== "system");
      if (withoutSystem.length === messages.length)
        throw new ChatTemplateError(`${model}'s chat template ${chosen} failed: ${(error as Error).message}`);
      try {
        text = render(withoutSystem);
      } catch (again) {
        throw new ChatTemplateError(`${model}'s chat template ${chosen} failed: ${(again as Error).message}`);
      }
    }
    rendered.set(messages, text);
    return text;
  };
}
