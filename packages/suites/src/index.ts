export { aggregateScores } from "./aggregate-scores.ts";
export type { ScoredDocument } from "./aggregate-scores.ts";
export {
  ARITHMETIC_FILES,
  ARITHMETIC_ITEMS,
  ARITHMETIC_TASKS,
  DEFAULT_ARITHMETIC_SEED,
  generateArithmetic,
} from "./arithmetic-generator.ts";
export type { ArithmeticItem, ArithmeticTask } from "./arithmetic-generator.ts";
export { ARITHMETIC_GEN_TASK, ARITHMETIC_TASK, normaliseArithmeticContext } from "./arithmetic.ts";
export { customSuiteSchema } from "./custom-suite.ts";
export { httpFiles, joinPath, memoryCache, memoryFiles } from "./file-source.ts";
export type { CacheStore, FileSource } from "./file-source.ts";
export { DEFAULT_HUB_URL, downloadHubDataset } from "./hub-dataset.ts";
export type { HubOptions, HubSnapshot } from "./hub-dataset.ts";
export { JinjaTemplate } from "./jinja-template.ts";
export { argmax, firstInteger, mc2Score, truthfulqaGenScores } from "./metrics/document-scores.ts";
export { mean, meanStderr, pooledSampleStderr, sampleStddev, weightedMean } from "./metrics/mean-stderr.ts";
export { rougeScores, rougeTokenize } from "./metrics/rouge-score.ts";
export type { RougeScores } from "./metrics/rouge-score.ts";
export { intlTokenize, sentenceBleu } from "./metrics/sacrebleu.ts";
export { MMLU_GENERATIVE_TASK, MMLU_TASK } from "./mmlu.ts";
export { MMLU_CATEGORY, MMLU_SUBJECTS } from "./mmlu-subjects.ts";
export { requestRecord } from "./request.ts";
export type {
  ChatMessage,
  GenerationRequest,
  GenerationResponse,
  LoglikelihoodRequest,
  LoglikelihoodResponse,
  Request,
  Response,
} from "./request.ts";
export { RESULT_RECORD_VERSION, resultRecordSchema } from "./result-record.ts";
export type { MetricValue, ResultGroup, ResultRecord } from "./result-record.ts";
export { parseSampleLines, sampleLine, sampleLineSchema } from "./sample-line.ts";
export { mulberry32 } from "./seeded-random.ts";
export { sha256Hex } from "./sha256.ts";
export type { SampleLine } from "./sample-line.ts";
export { DataError, HubRefusedError, HubUnreachableError, SuiteError } from "./suite-errors.ts";
export type { DataLocation } from "./suite-errors.ts";
export type { DataKind, DataSource, LoadSuiteOptions, PromptOptions, SuiteIo } from "./suite-options.ts";
export {
  BUILTIN_SUITES,
  SUITE_GROUPS,
  UnknownSuiteError,
  expandSuites,
  listSuites,
  loadSuiteRun,
} from "./suite-registry.ts";
export type { SuiteInfo } from "./suite-registry.ts";
export type { DatasetInfo, SuiteDocument, SuiteRun } from "./suite-run.ts";
export { CONFIG_METRICS, OUTPUT_TYPES, taskConfigSchema } from "./task-config.ts";
export type { OutputType, TaskConfig, TaskConfigInput } from "./task-config.ts";
export { TRUTHFULQA_PRIMER, TRUTHFULQA_TASKS } from "./truthfulqa.ts";
