import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { parseCsv } from "./csv-records.ts";
import { joinPath, parentPath, readTextFile, type FileSource } from "./file-source.ts";
import { PromptTask } from "./prompt-task.ts";
import { buildSuiteRun } from "./suite-run-builder.ts";
import { DataError, SuiteError } from "./suite-errors.ts";
import type { LoadSuiteOptions } from "./suite-options.ts";
import type { SuiteRun } from "./suite-run.ts";
import { taskConfigSchema, type TaskConfigInput } from "./task-config.ts";
import type { TaskDoc } from "./task-doc.ts";

/**
 * A suite declared in a YAML file of benchmarks/suites: lm-evaluation-harness's task-config keys (doc_to_text,
 * doc_to_choice, doc_to_target, …) over a local JSONL or CSV file.
 */
export const customSuiteSchema = taskConfigSchema.extend({
  /** The suite's id, equal to the file's name. */
  task: z.string().regex(/^[a-z0-9][a-z0-9_]*$/, "expected lowercase letters, digits and _"),
  title: z.string().min(1).optional(),
  version: z
    .union([z.string().min(1), z.number()])
    .transform(String)
    .default("1"),
  dataset: z.strictObject({
    /** A .jsonl file (one object a line) or a .csv file with a header row, relative to the YAML file. */
    path: z.string().regex(/\.(jsonl|csv)$/, "expected a .jsonl or .csv file"),
    /** Where few-shot examples come from, in order; the first num_fewshot are used. */
    fewshot_path: z
      .string()
      .regex(/\.(jsonl|csv)$/, "expected a .jsonl or .csv file")
      .optional(),
    /** What a result record names as the dataset; defaults to the path. */
    id: z.string().min(1).optional(),
    /** True for sample data, never shown as a real benchmark's score. */
    sample: z.boolean().default(false),
  }),
  num_fewshot: z.number().int().nonnegative().default(0),
  primary_metric: z.string().min(1).optional(),
});

export type CustomSuite = z.output<typeof customSuiteSchema> & { file: string };

/** Reads and checks a suite YAML file; any problem is a SuiteError naming the file, line and key. */
export async function readCustomSuite(files: FileSource, file: string): Promise<CustomSuite> {
  const text = await readTextFile(files, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new SuiteError(`${file}:${error.linePos?.[0].line ?? 1}: ${error.message.split("\n")[0]}`);
  }
  const parsed = customSuiteSchema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined;
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    const key = issue.path.join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
        : issue.message;
    throw new SuiteError(`${file}:${line}: ${key ? `${key}: ` : ""}${message}`);
  }
  const name = file
    .split("/")
    .at(-1)!
    .replace(/\.ya?ml$/, "");
  if (parsed.data.task !== name)
    throw new SuiteError(`${file}: task is "${parsed.data.task}" but the file is named ${name}.yaml`);
  return { ...parsed.data, file };
}

/** The records of a local JSONL or CSV file, each with its line. */
async function readRecords(files: FileSource, path: string): Promise<TaskDoc[]> {
  const text = await readTextFile(files, path);
  if (path.endsWith(".csv")) {
    const [header, ...rows] = parseCsv(text, path);
    if (header === undefined) throw new DataError(path, "empty file: expected a header row");
    return rows.map(({ line, fields }) => {
      if (fields.length !== header.fields.length)
        throw new DataError(path, `expected ${header.fields.length} fields as the header has, found ${fields.length}`, {
          line,
        });
      return {
        fields: Object.fromEntries(header.fields.map((name, index) => [name, fields[index]])),
        file: path,
        location: { line },
      };
    });
  }
  const docs: TaskDoc[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new DataError(path, `not valid JSON (${(error as Error).message})`, { line: index + 1 });
    }
    if (record === null || typeof record !== "object" || Array.isArray(record))
      throw new DataError(path, "expected an object of fields", { line: index + 1 });
    docs.push({ fields: record as Record<string, unknown>, file: path, location: { line: index + 1 } });
  });
  return docs;
}

/** The suite's prompt task and the metric it ranks by (its primary_metric, else its first metric). */
export function customSuiteTask(suite: CustomSuite): { task: PromptTask; primaryMetric: string } {
  const config = Object.fromEntries(Object.entries(suite).filter(([key]) => key in taskConfigSchema.shape));
  const task = new PromptTask(config as TaskConfigInput, suite.task);
  const metrics = task.metricNames;
  const primaryMetric = suite.primary_metric ?? metrics[0]!;
  if (!metrics.includes(primaryMetric))
    throw new SuiteError(
      `${suite.file}: primary_metric ${primaryMetric} is not one of its metrics (${metrics.join(", ")})`,
    );
  return { task, primaryMetric };
}

export async function loadCustomSuite(suite: CustomSuite, options: LoadSuiteOptions): Promise<SuiteRun> {
  if (options.data !== undefined)
    throw new SuiteError(
      `${suite.task} reads the file its YAML names (${suite.dataset.path}): it takes no data source`,
    );
  const { task, primaryMetric } = customSuiteTask(suite);
  const folder = parentPath(suite.file);
  const docs = await readRecords(options.io.files, joinPath(folder, suite.dataset.path));
  if (docs.length === 0) throw new DataError(joinPath(folder, suite.dataset.path), "no records");
  const fewshot =
    suite.dataset.fewshot_path === undefined
      ? []
      : await readRecords(options.io.files, joinPath(folder, suite.dataset.fewshot_path));
  return buildSuiteRun({
    id: suite.task,
    version: suite.version,
    primaryMetric,
    task,
    docs,
    fewshot: () => fewshot,
    shots: options.shots ?? suite.num_fewshot,
    limit: options.limit,
    prompt: options.prompt,
    dataset: { id: suite.dataset.id ?? suite.dataset.path, revision: null, sample: suite.dataset.sample },
    chance: (used) =>
      suite.output_type === "multiple_choice" && primaryMetric === "acc"
        ? used.reduce((sum, doc) => sum + 1 / task.choices(doc).length, 0) / used.length
        : undefined,
  });
}
