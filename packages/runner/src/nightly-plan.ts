import type { ModelEntry } from "@zoo/catalog";
import type { ResultRecord, SuiteInfo } from "@zoo/suites";

/** One job of the nightly matrix: a model, a suite and a shard of it, and the secret its API needs. */
export interface NightlyJob {
  model: string;
  suite: string;
  /** "i/n" for `zoo bench --shard`. */
  shard: string;
  /** The environment variable (and repository secret) holding the model's API key; "" for local models. */
  key: string;
  /** A label for the job's name and its artifact. */
  name: string;
}

export interface NightlySkip {
  model: string;
  suite?: string;
  reason: string;
}

export interface NightlyPlanInput {
  entries: readonly ModelEntry[];
  /** Suites for models that can score loglikelihoods (the leaderboard), and for those that can only generate. */
  suites: readonly SuiteInfo[];
  generationSuites: readonly SuiteInfo[];
  /** Shards per suite id; a suite not named runs whole. */
  shards: Readonly<Record<string, number>>;
  /** Baseline models (random, first) to run on `suites` too: the chance rows of the leaderboards. */
  baselines: readonly string[];
  /** The result records already in benchmarks/results. */
  results: readonly ResultRecord[];
  zooVersion: string;
  /** The commit a Hub repo's revision names now; undefined when it cannot be told (the job then runs). */
  hubCommit(repo: string, revision: string | undefined): Promise<string | undefined>;
}

/** What the model is, as a record states it: a Hub commit or an API model name. */
function sameModel(record: ResultRecord, run: NonNullable<ModelEntry["run"]>, commit: string | undefined): boolean {
  if (run.adapter === "transformers-js")
    return commit !== undefined && record.model.revision === commit && record.model.dtype === (run.dtype ?? "fp32");
  return record.model.api_model === run.model;
}

/** Whether the entry's adapter can score loglikelihoods: local models and self-hosted OpenAI-compatible servers. */
function scoresLoglikelihoods(run: NonNullable<ModelEntry["run"]>): boolean {
  return run.adapter === "transformers-js" || (run.adapter === "openai" && run.base_url !== undefined);
}

/**
 * The nightly refresh's matrix: every suite for every entry whose `run:` marks it nightly, split into shards,
 * except where benchmarks/results already holds a full, ranked result for the same model revision, suite version
 * and zoo version. Generation-only models (Anthropic, OpenAI's own API) get the generation suites instead; the
 * baselines get the suites too, as the leaderboards' chance rows.
 */
export async function planNightly(input: NightlyPlanInput): Promise<{ jobs: NightlyJob[]; skipped: NightlySkip[] }> {
  const jobs: NightlyJob[] = [];
  const skipped: NightlySkip[] = [];
  const isCurrent = (model: string, suite: SuiteInfo, sameRun: (record: ResultRecord) => boolean) =>
    input.results.some(
      (record) =>
        record.model.id === model &&
        record.suite.id === suite.id &&
        record.shots === suite.shots.default &&
        !record.suite.dataset.sample &&
        !record.limited &&
        record.shard === undefined &&
        record.imported_from === undefined &&
        record.suite.version === suite.version &&
        record.environment.zoo_version === input.zooVersion &&
        sameRun(record),
    );
  const plan = (
    model: string,
    suite: SuiteInfo,
    key: string,
    sameRun: (record: ResultRecord) => boolean,
    count = input.shards[suite.id] ?? 1,
  ) => {
    if (isCurrent(model, suite, sameRun)) {
      skipped.push({ model, suite: suite.id, reason: "up to date" });
      return;
    }
    for (let index = 0; index < count; index++)
      jobs.push({
        model,
        suite: suite.id,
        shard: `${index}/${count}`,
        key,
        name: `${model} ${suite.id} ${index + 1} of ${count}`,
      });
  };
  for (const entry of input.entries) {
    const run = entry.run;
    if (run?.nightly !== true) continue;
    const commit = run.adapter === "transformers-js" ? await input.hubCommit(run.repo, run.revision) : undefined;
    const suites = scoresLoglikelihoods(run) ? input.suites : input.generationSuites;
    const key =
      run.adapter === "transformers-js"
        ? ""
        : (run.api_key_env ?? (run.adapter === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY"));
    for (const suite of suites) plan(entry.id, suite, key, (record) => sameModel(record, run, commit));
  }
  // A baseline's answers depend only on the suite (and the seed, fixed for the nightly), and take no time: one
  // job a suite, no Hub, no key.
  for (const baseline of input.baselines)
    for (const suite of input.suites)
      plan(baseline, suite, "", (record) => record.model.adapter === baseline.split(":")[0], 1);
  return { jobs, skipped };
}
