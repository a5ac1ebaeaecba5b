import { appendFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { HubModelError, HubModelUnreachableError, MAX_JOBS, planNightly, resolveHubRevision } from "@zoo/runner";
import { expandSuites, listSuites, type SuiteInfo } from "@zoo/suites";
import { defaultCacheDir, nodeSuiteIo } from "@zoo/suites/node";
import { Command, InvalidArgumentError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { checkoutRoot } from "../catalog-dir.ts";
import { CliError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import { hubUrlFromEnvironment, hubUrlOption } from "../hub-url.ts";
import { loadValidCatalog } from "../load-catalog.ts";
import { positiveIntegerOption } from "../option-parsers.ts";
import { readResultsForCli } from "../read-results.ts";
import { suiteErrorLine } from "../suite-loading.ts";

interface PlanOptions {
  suite: string;
  generationSuite: string;
  shards: Record<string, number>;
  baselines: string;
  results?: string;
  hubUrl?: string;
  maxJobs: number;
  offline?: boolean;
  githubOutput?: string;
}

/** "mmlu=4,truthfulqa_mc2=2": shards per suite. */
function shardsOption(value: string): Record<string, number> {
  const shards: Record<string, number> = {};
  for (const part of value.split(",").filter(Boolean)) {
    const match = /^([a-z0-9_]+)=([1-9]\d*)$/.exec(part.trim());
    if (!match) throw new InvalidArgumentError("expected suite=count pairs, such as mmlu=4,truthfulqa_mc2=2");
    shards[match[1]!] = Number(match[2]);
  }
  return shards;
}

export function nightlyCommand(context: Context): Command {
  const plan = new Command("plan")
    .description(
      "print the nightly matrix as JSON ({include: [{model, suite, shard, key, flags, name}]}): the nightly models' suites not yet up to date, in jobs sized to fit one night",
    )
    .option("--suite <suites>", "suites for models that score loglikelihoods", "leaderboard")
    .option(
      "--generation-suite <suites>",
      "suites for models that only generate (Anthropic, OpenAI's API)",
      "leaderboard_gen",
    )
    .option(
      "--shards <suite=n,…>",
      "shards per suite, overriding the count sized from each model's parameters",
      shardsOption,
      {},
    )
    .option(
      "--max-jobs <n>",
      `jobs one night holds (GitHub Actions runs at most ${MAX_JOBS} a matrix); the stalest runs go first`,
      positiveIntegerOption,
      MAX_JOBS,
    )
    .option("--baselines <models>", "baselines run on the suites too, the leaderboards' chance rows", "random,first")
    .option("--results <dir>", "the result records to compare with (default: benchmarks/results)")
    .option(
      "--hub-url <url>",
      "the Hugging Face Hub's address (default: $HF_ENDPOINT, else https://huggingface.co)",
      hubUrlOption,
    )
    .option("--offline", "never touch the network: plan from the revisions earlier runs resolved (the cache)")
    .option("--github-output <file>", "also append matrix=… and count=… to this file ($GITHUB_OUTPUT)")
    .action(async (options: PlanOptions) => {
      const { io } = context;
      const catalog = await loadValidCatalog(io, undefined);
      const suiteIo = nodeSuiteIo({ cwd: io.cwd, env: io.env });
      const infos = new Map((await listSuites(suiteIo)).map((suite) => [suite.id, suite]));
      const suitesOf = async (names: string) => {
        try {
          return (await expandSuites(names.split(","), suiteIo)).map((id) => infos.get(id)!) as SuiteInfo[];
        } catch (error) {
          throw suiteErrorLine(error) ?? error;
        }
      };
      const resultsDir = options.results
        ? resolve(io.cwd, options.results)
        : join(checkoutRoot(io.cwd) ?? io.cwd, "benchmarks", "results");
      const results = (await readResultsForCli(resultsDir, options.results ?? "benchmarks/results")).map(
        ({ record }) => record,
      );
      const hubUrl = options.hubUrl ?? hubUrlFromEnvironment(io.env.HF_ENDPOINT);
      const unresolved: string[] = [];
      const { jobs, skipped, deferred } = await planNightly({
        entries: catalog.models,
        suites: await suitesOf(options.suite),
        generationSuites: await suitesOf(options.generationSuite),
        shards: options.shards,
        baselines: options.baselines
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
        results,
        zooVersion: packageJson.version,
        maxJobs: options.maxJobs,
        hubCommit: async (repo, revision) => {
          try {
            return await resolveHubRevision(repo, revision, {
              hubUrl,
              offline: options.offline ?? false,
              cacheDir: defaultCacheDir(io.env),
              ...(io.env.HF_TOKEN ? { accessToken: io.env.HF_TOKEN } : {}),
            });
          } catch (error) {
            // Online, a Hub that does not answer ends the plan at once; --offline plans from the cache instead.
            if (error instanceof HubModelUnreachableError) throw new CliError(error.message);
            // Without the Hub's answer the job runs: the bench job then says what is wrong.
            if (error instanceof HubModelError) {
              unresolved.push(`${repo}@${revision ?? "main"}`);
              if (!options.offline) io.err(`zoo nightly plan: ${error.message}\n`);
              return undefined;
            }
            throw error;
          }
        },
      });
      if (options.offline && unresolved.length > 0)
        io.err(
          `zoo nightly plan: offline, and these revisions were never resolved here, so their jobs are planned: ${unresolved.join(", ")}\n`,
        );
      const matrix = JSON.stringify({ include: jobs });
      io.out(`${matrix}\n`);
      for (const skip of skipped)
        io.err(`skipped ${skip.model}${skip.suite ? ` ${skip.suite}` : ""}: ${skip.reason}\n`);
      for (const { model, suites, lastRun } of deferred)
        io.err(
          `deferred to a later night: ${model} ${suites.join(",")} (${lastRun ? `last run ${lastRun.slice(0, 10)}` : "never run"})\n`,
        );
      const runs = new Set(jobs.flatMap((job) => job.suite.split(",").map((suite) => `${job.model} ${suite}`))).size;
      io.err(
        `planned ${jobs.length} job(s) for ${runs} model-suite run(s)${deferred.length > 0 ? `; deferred ${deferred.length} group(s) of runs` : ""}\n`,
      );
      if (options.githubOutput)
        await appendFile(resolve(io.cwd, options.githubOutput), `matrix=${matrix}\ncount=${jobs.length}\n`);
    });
  return new Command("nightly").description("the nightly leaderboard refresh's logic").addCommand(plan);
}
