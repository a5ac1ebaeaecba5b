export { checkCatalog, loadCatalog, CatalogError } from "./catalog-loader.ts";
export type { Catalog, CatalogCheck, CatalogFileKind, LoadOptions } from "./catalog-loader.ts";
export { deriveFacts, BYTES_PER_WEIGHT, CHINCHILLA_TOKENS_PER_PARAMETER } from "./derived-facts.ts";
export type { ChinchillaBand, DerivedFacts, DerivedNumber, WeightPrecision } from "./derived-facts.ts";
export { didYouMean } from "./did-you-mean.ts";
export { figureValue, formatCount, parseCount } from "./figure.ts";
export { formatBytes, formatScientific } from "./format-units.ts";
export type { Figure } from "./figure.ts";
export { ID_PATTERN, recordId } from "./ids.ts";
export { catalogJsonSchemas } from "./json-schema.ts";
export { LICENSE_CLASSES, LICENSE_CLASS_INFO } from "./license-class.ts";
export type { LicenseClass, LicenseClassInfo } from "./license-class.ts";
export { COMMERCIAL_USE } from "./license-schema.ts";
export type { CommercialUse, License } from "./license-schema.ts";
export type { Milestone } from "./milestone-schema.ts";
export {
  ACCESS_MODES,
  ARCHITECTURE_TYPES,
  ATTENTION_VARIANTS,
  MODALITIES,
  MODEL_KINDS,
  NORM_KINDS,
  OPENNESS_COMPONENTS,
  OPENNESS_LEVELS,
  POSITIONAL_ENCODINGS,
  SOURCED_FACTS,
  TOKENIZER_KINDS,
  modelSchema,
} from "./model-schema.ts";
export type {
  AccessMode,
  Architecture,
  Modality,
  ModelEntry,
  ModelInput,
  ModelKind,
  ModelSource,
  OpennessComponent,
  OpennessLevel,
  SourcedFact,
} from "./model-schema.ts";
export { countryName } from "./organization-schema.ts";
export type { Organization } from "./organization-schema.ts";
export { compareProblems, formatProblem, problemText } from "./problem.ts";
export type { Problem } from "./problem.ts";
export { dateStart, datePrecision, dateYear } from "./release-date.ts";
export type { DatePrecision, PartialDate } from "./release-date.ts";
export { BENCHMARK_INFO, describeSetting, REPORTED_BENCHMARKS, SCORE_REPORTERS, settingKey } from "./reported-score.ts";
export type { BenchmarkInfo, ReportedBenchmark, ReportedScore, ScoreMethod, ScoreSetting } from "./reported-score.ts";
export { DTYPES } from "./run-spec.ts";
export type { Dtype, RunSpec } from "./run-spec.ts";
export type { Seed } from "./seed-schema.ts";
export { MAX_FILE_BYTES } from "./yaml-file.ts";
export { describeModels, matchesFilter } from "./model-filter.ts";
export type { DescribedModel, ModelFilter } from "./model-filter.ts";
export { CATALOG_EXPORT_VERSION, exportCatalog } from "./catalog-export.ts";
export type { CatalogExport } from "./catalog-export.ts";
export { agreesAtPrecision, DRIFT_FIELDS, findDrift, NO_VALUE } from "./catalog-drift.ts";
export type { Drift, DriftField } from "./catalog-drift.ts";
export { hubSources, syncCatalog } from "./catalog-sync.ts";
export type { EntrySync, SyncOptions, SyncReport } from "./catalog-sync.ts";
export { HubRepoError, readHubEntry } from "./hub-facts.ts";
export type { HubFailure, HubModelFacts, HubReadOptions, HubReading, OnnxSource, OnnxVariants } from "./hub-facts.ts";
export { createHubFetch, HubUnreachableError, retryAfterMs } from "./hub-fetch.ts";
export type { HubFetchOptions } from "./hub-fetch.ts";
export { mapHubLicense } from "./hub-license.ts";
export type { HubLicense, MappedLicense } from "./hub-license.ts";
export { formatHubStats, HUB_STATS_VERSION, hubStatsSchema, mergeHubStats, parseHubStats } from "./hub-stats.ts";
export type { HubStats, HubStatsEntry } from "./hub-stats.ts";
export { modelFiles } from "./model-files.ts";
export { ONNX_DTYPE_SUFFIXES, onnxDtypes } from "./onnx-dtypes.ts";
export { applySync, hubPageUrl, planSync } from "./sync-edits.ts";
export type { SyncPlan, SyncResult } from "./sync-edits.ts";
export { editYaml, YamlEditError } from "./yaml-update.ts";
export type { YamlEdit, YamlPath } from "./yaml-update.ts";
