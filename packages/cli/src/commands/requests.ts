import type { ModelEntry } from "@zoo/catalog";
import {
  DEFAULT_API_OPTIONS,
  ModelOpenError,
  ModelSpecError,
  HubModelError,
  openChatRenderer,
  parseModelSpec,
} from "@zoo/runner";
import { requestRecord, type ChatMessage, type Request } from "@zoo/suites";
import { defaultCacheDir, nodeSuiteIo } from "@zoo/suites/node";
import { Command } from "commander";
import { checkoutRoot } from "../catalog-dir.ts";
import { CliError, UsageError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { hubUrlFromEnvironment } from "../hub-url.ts";
import { loadValidCatalog } from "../load-catalog.ts";
import { nonNegativeIntegerOption, positiveIntegerOption } from "../option-parsers.ts";
import { addPromptOptions, chatTemplateName, promptOptions, type PromptFlags } from "../prompt-flags.ts";
import { addDataOptions, dataSource, loadSuiteForCli, type DataFlags } from "../suite-loading.ts";

interface RequestsOptions extends DataFlags, PromptFlags {
  suite: string;
  shots?: number;
  limit?: number;
  model?: string;
  offline?: boolean;
}

export function requestsCommand(context: Context): Command {
  const command = new Command("requests")
    .description(
      "print a suite's requests as JSONL, exactly as lm-evaluation-harness builds them, to check byte parity",
    )
    .requiredOption("--suite <suite>", "the suite, e.g. mmlu, truthfulqa_mc2, arithmetic_2da");
  return addPromptOptions(addDataOptions(command))
    .option("--shots <k>", "few-shot examples per prompt (MMLU: 0 to 5, default 5)", nonNegativeIntegerOption)
    .option(
      "--limit <n>",
      "only the first N documents (of each subject, as lm-evaluation-harness limits)",
      positiveIntegerOption,
    )
    .option(
      "--model <model>",
      "with --apply-chat-template, a transformers.js model whose chat template renders the prompts (else the turns are printed)",
    )
    .option("--offline", "with --model, read its tokenizer from the cache only")
    .action(async (options: RequestsOptions) => {
      const data = dataSource(options);
      const prompt = promptOptions(options);
      const { io } = context;
      if (options.model !== undefined && !prompt?.chat)
        throw new UsageError("--model renders chat templates: give it with --apply-chat-template");
      const render = options.model === undefined ? undefined : await chatRenderer(context, options);
      const run = await loadSuiteForCli(nodeSuiteIo({ cwd: io.cwd, env: io.env }), options.suite, {
        ...(data === undefined ? {} : { data }),
        ...(options.shots === undefined ? {} : { shots: options.shots }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(prompt ? { prompt } : {}),
      });
      const rendered = (request: Request): Request =>
        render && request.messages
          ? (({ messages: _messages, ...rest }) => ({ ...rest, context: render(request.messages!) }))(request)
          : request;
      for (const document of run.documents)
        io.out(document.requests.map((request) => `${JSON.stringify(requestRecord(rendered(request)))}\n`).join(""));
    });
}

/** The chat template of the --model given, as `zoo bench` would render with it. */
async function chatRenderer(
  context: Context,
  options: RequestsOptions,
): Promise<(messages: readonly ChatMessage[]) => string> {
  const { io } = context;
  const entries: readonly ModelEntry[] =
    checkoutRoot(io.cwd) === undefined ? [] : (await loadValidCatalog(io, undefined)).models;
  const name = chatTemplateName(options);
  try {
    const spec = parseModelSpec(options.model!, entries, io.cwd);
    return await openChatRenderer(spec, {
      cacheDir: defaultCacheDir(io.env),
      batchSize: 1,
      offline: options.offline ?? false,
      hubUrl: hubUrlFromEnvironment(io.env.HF_ENDPOINT),
      env: io.env,
      api: DEFAULT_API_OPTIONS,
      limits: { concurrency: 1 },
      ...(io.env.HF_TOKEN ? { accessToken: io.env.HF_TOKEN } : {}),
      chatTemplate: name === undefined ? {} : { name },
    });
  } catch (error) {
    if (error instanceof ModelSpecError || error instanceof ModelOpenError || error instanceof HubModelError)
      throw new CliError(error.message);
    throw error;
  }
}
