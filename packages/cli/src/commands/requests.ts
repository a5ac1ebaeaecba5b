import { requestRecord } from "@zoo/suites";
import { nodeSuiteIo } from "@zoo/suites/node";
import { Command } from "commander";
import type { Context } from "../context.ts";
import { nonNegativeIntegerOption, positiveIntegerOption } from "../option-parsers.ts";
import { addDataOptions, dataSource, loadSuiteForCli, type DataFlags } from "../suite-loading.ts";

interface RequestsOptions extends DataFlags {
  suite: string;
  shots?: number;
  limit?: number;
}

export function requestsCommand(context: Context): Command {
  const command = new Command("requests")
    .description(
      "print a suite's requests as JSONL, exactly as lm-evaluation-harness builds them, to check byte parity",
    )
    .requiredOption("--suite <suite>", "the suite, e.g. mmlu, truthfulqa_mc2, arithmetic_2da");
  return addDataOptions(command)
    .option("--shots <k>", "few-shot examples per prompt (MMLU: 0 to 5, default 5)", nonNegativeIntegerOption)
    .option(
      "--limit <n>",
      "only the first N documents (of each subject, as lm-evaluation-harness limits)",
      positiveIntegerOption,
    )
    .action(async (options: RequestsOptions) => {
      const data = dataSource(options);
      const { io } = context;
      const run = await loadSuiteForCli(nodeSuiteIo({ cwd: io.cwd, env: io.env }), options.suite, {
        ...(data === undefined ? {} : { data }),
        ...(options.shots === undefined ? {} : { shots: options.shots }),
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      });
      for (const document of run.documents)
        context.io.out(document.requests.map((request) => `${JSON.stringify(requestRecord(request))}\n`).join(""));
    });
}
