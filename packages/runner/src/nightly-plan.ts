import type { ModelEntry } from "@zoo/catalog";
import type { ResultRecord, SuiteInfo } from "@zoo/suites";
import { JOB_HOURS, MAX_JOBS, suiteHours } from "./nightly-cost.ts";

/** One job of the nightly matrix: a model, the suites it runs (comma-separated) and the shard of them. */
export interface NightlyJob {
  model: string;
  /** One suite, or several short ones packed into one job: `zoo bench --suite` takes the list as it is. */
  suite: string;
  /** "i/n" for `zoo bench --shard`. */
  shard: string;
  /** The environment variable (and repository secret) holding the model's API key; "" for local models. */
  key: string;
  /** Prompt flags for `zoo bench`: the chat settings of instruct models and chat APIs, "" for plain prompts. */
  flags: string;
  /** A label for the job's name and its artifact. */
  name: string;
}

/**
 * How the Open LLM Leaderboard v2 prompts instruct models, and how lm-evaluation-harness prompts chat APIs: the
 * model's chat template, each few-shot example a turn of its own.
 */
export const CHAT_FLAGS = "--apply-chat-template --fewshot-as-multiturn";

export interface NightlySkip {
  model: string;
  suite?: string;
  reason: string;
}

/** Runs left for a later night because this one was full, stalest first. */
export interface NightlyDeferral {
  model: string;
  suites: string[];
  /** The date of the newest record among these runs, or null when they never ran. */
  lastRun: string | null;
}

export interface NightlyPlanInput {
  entries: readonly ModelEntry[];
  /** Suites for models that can score loglikelihoods (the leaderboard), and for those that can only generate. */
  suites: readonly SuiteInfo[];
  generationSuites: readonly SuiteInfo[];
  /** Shards per suite id, overriding the count sized from the model's parameters. */
  shards: Readonly<Record<string, number>>;
  /** Baseline models (random, first) to run on `suites` too: the chance rows of the leaderboards. */
  baselines: readonly string[];
  /** The result records already in benchmarks/results. */
  results: readonly ResultRecord[];
  zooVersion: string;
  /** Jobs one night may hold; GitHub Actions runs at most 256 from one matrix. */
  maxJobs?: number;
  /** The commit a Hub repo's revision names now; undefined when it cannot be told (the job then runs). */
  hubCommit(repo: string, revision: string | undefined): Promise<string | undefined>;
}

export interface NightlyPlan {
  jobs: NightlyJob[];
  skipped: NightlySkip[];
  deferred: NightlyDeferral[];
}

/** What the model is, as a record states it: a Hub commit or an API model name. */
function sameModel(record: ResultRecord, run: NonNullable<ModelEntry["run"]>, commit: string | undefined): boolean {
  if (run.adapter === "transformers-js")
    return commit !== undefined && record.model.revision === commit && record.model.dtype === (run.dtype ?? "fp32");
  return record.model.api_model === run.model;
}

/** Whether the entry is prompted in chat turns: instruct models whose run says so, and chat APIs. */
function promptsInChat(run: NonNullable<ModelEntry["run"]>): boolean {
  return run.adapter === "transformers-js" ? run.chat_template === true : !scoresLoglikelihoods(run);
}

/** Whether a record's prompt was framed as the nightly frames it: chat turns as CHAT_FLAGS asks, or plainly. */
function samePrompt(record: ResultRecord, chat: boolean): boolean {
  if (!chat) return record.prompt === undefined;
  return (
    record.prompt !== undefined &&
    record.prompt.chat_template !== null &&
    record.prompt.fewshot_as_multiturn &&
    record.prompt.system_instruction === null
  );
}

/** Whether the entry's adapter can score loglikelihoods: local models and self-hosted OpenAI-compatible servers. */
function scoresLoglikelihoods(run: NonNullable<ModelEntry["run"]>): boolean {
  return run.adapter === "transformers-js" || (run.adapter === "openai" && run.base_url !== undefined);
}

/** A full, ranked record: what the leaderboards show and the nightly keeps current. */
function isRanked(record: ResultRecord, suite: SuiteInfo): boolean {
  return (
    record.suite.id === suite.id &&
    record.shots === suite.shots.default &&
    !record.suite.dataset.sample &&
    !record.limited &&
    record.shard === undefined &&
    record.imported_from === undefined
  );
}

/** Jobs that go together: a suite's shards (merged only when all arrived), or short suites packed into one job. */
interface JobGroup {
  model: string;
  key: string;
  flags: string;
  suites: SuiteInfo[];
  shards: number;
  lastRun: string | null;
}

/**
 * The nightly refresh's matrix. Every suite of every entry whose `run:` marks it nightly, and of the baselines, is
 * planned unless benchmarks/results holds a full, ranked record of it for the same model revision, suite version and
 * zoo version. A suite too long for one job (MMLU, mostly) is split into shards sized from the model's parameters
 * (see nightly-cost.ts); the others are packed together into as few jobs as fit. When one night cannot hold every
 * job, the runs whose newest record is oldest (never run first) go first and the rest are deferred to the next night.
 */
export async function planNightly(input: NightlyPlanInput): Promise<NightlyPlan> {
  const skipped: NightlySkip[] = [];
  const groups: JobGroup[] = [];
  const lastRun = (model: string, suite: SuiteInfo) =>
    input.results
      .filter((record) => record.model.id === model && isRanked(record, suite))
      .reduce<string | null>(
        (newest, record) => (newest === null || record.date > newest ? record.date : newest),
        null,
      );

  const planModel = (
    model: string,
    suites: readonly SuiteInfo[],
    key: string,
    flags: string,
    current: (record: ResultRecord) => boolean,
    hours: (suite: SuiteInfo) => number,
    shardable = true,
  ) => {
    const due = suites.filter((suite) => {
      const upToDate = input.results.some(
        (record) =>
          record.model.id === model &&
          isRanked(record, suite) &&
          record.suite.version === suite.version &&
          record.environment.zoo_version === input.zooVersion &&
          current(record),
      );
      if (upToDate) skipped.push({ model, suite: suite.id, reason: "up to date" });
      return !upToDate;
    });
    const packs: { suites: SuiteInfo[]; hours: number }[] = [];
    for (const suite of due) {
      const needed = hours(suite);
      const asked = shardable ? input.shards[suite.id] : undefined;
      const shards = asked ?? (needed > JOB_HOURS ? Math.ceil(needed / JOB_HOURS) : 1);
      if (shards > 1 || asked !== undefined) {
        groups.push({ model, key, flags, suites: [suite], shards, lastRun: lastRun(model, suite) });
        continue;
      }
      const pack = packs.find((candidate) => candidate.hours + needed <= JOB_HOURS);
      if (pack) {
        pack.suites.push(suite);
        pack.hours += needed;
      } else packs.push({ suites: [suite], hours: needed });
    }
    for (const pack of packs) {
      const dates = pack.suites.map((suite) => lastRun(model, suite));
      const oldest = dates.includes(null) ? null : dates.reduce((a, b) => (b! < a! ? b : a));
      groups.push({ model, key, flags, suites: pack.suites, shards: 1, lastRun: oldest });
    }
  };

  for (const entry of input.entries) {
    const run = entry.run;
    if (run?.nightly !== true) continue;
    const commit = run.adapter === "transformers-js" ? await input.hubCommit(run.repo, run.revision) : undefined;
    const key =
      run.adapter === "transformers-js"
        ? ""
        : (run.api_key_env ?? (run.adapter === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY"));
    const chat = promptsInChat(run);
    planModel(
      entry.id,
      scoresLoglikelihoods(run) ? input.suites : input.generationSuites,
      key,
      chat ? CHAT_FLAGS : "",
      (record) => sameModel(record, run, commit) && samePrompt(record, chat),
      (suite) => suiteHours(entry, suite),
    );
  }
  // A baseline's answers depend only on the suite (and the seed, fixed for the nightly), and take no time: one
  // job holds all its suites, with no Hub and no key.
  for (const baseline of input.baselines)
    planModel(
      baseline,
      input.suites,
      "",
      "",
      (record) => record.model.adapter === baseline.split(":")[0] && record.prompt === undefined,
      () => 0,
      false,
    );

  // Stalest first: never run before run long ago; the catalogue's order otherwise, as the sort is stable.
  const order = [...groups].sort((a, b) => (a.lastRun ?? "").localeCompare(b.lastRun ?? ""));
  const maxJobs = input.maxJobs ?? MAX_JOBS;
  const planned = new Set<JobGroup>();
  let count = 0;
  for (const group of order)
    if (count + group.shards <= maxJobs) {
      planned.add(group);
      count += group.shards;
    }

  const jobs = groups
    .filter((group) => planned.has(group))
    .flatMap(({ model, key, flags, suites, shards }) => {
      const suite = suites.map(({ id }) => id).join(",");
      const label = suites.length > 1 ? `${suites.length} suites` : suite;
      return Array.from({ length: shards }, (_, index) => ({
        model,
        suite,
        shard: `${index}/${shards}`,
        key,
        flags,
        name: `${model} ${label} ${index + 1} of ${shards}`,
      }));
    });
  const deferred = order
    .filter((group) => !planned.has(group))
    .map(({ model, suites, lastRun }) => ({ model, suites: suites.map(({ id }) => id), lastRun }));
  return { jobs, skipped, deferred };
}
