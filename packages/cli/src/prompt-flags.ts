import type { PromptOptions } from "@zoo/suites";
import type { Command } from "commander";
import { UsageError } from "./cli-error.ts";

/** lm-evaluation-harness's prompt flags, as `zoo bench` and `zoo requests` take them. */
export interface PromptFlags {
  /** true for the model's default template, a string for a named one. */
  applyChatTemplate?: boolean | string;
  systemInstruction?: string;
  fewshotAsMultiturn?: boolean;
}

export function addPromptOptions(command: Command): Command {
  return command
    .option(
      "--apply-chat-template [name]",
      "build chat turns and render them with the model's chat template (its default, or the one named); chat APIs take the turns as they are",
    )
    .option("--system-instruction <text>", "a system instruction before the description (a system turn in chat)")
    .option(
      "--fewshot-as-multiturn",
      "each few-shot example its own user and assistant turns (needs --apply-chat-template)",
    );
}

/** The suites' prompt options for the flags given, or undefined for lm-evaluation-harness's plain prompt. */
export function promptOptions(flags: PromptFlags): PromptOptions | undefined {
  const chat = flags.applyChatTemplate !== undefined && flags.applyChatTemplate !== false;
  if (flags.fewshotAsMultiturn && !chat) throw new UsageError("--fewshot-as-multiturn needs --apply-chat-template");
  if (!chat && flags.systemInstruction === undefined) return undefined;
  return {
    chat,
    fewshotAsMultiturn: flags.fewshotAsMultiturn ?? false,
    ...(flags.systemInstruction === undefined ? {} : { systemInstruction: flags.systemInstruction }),
  };
}

/** The chat template named by --apply-chat-template NAME; undefined for the model's default. */
export function chatTemplateName(flags: PromptFlags): string | undefined {
  return typeof flags.applyChatTemplate === "string" ? flags.applyChatTemplate : undefined;
}
