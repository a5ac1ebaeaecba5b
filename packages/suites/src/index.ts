export { requestRecord } from "./request.ts";
export type {
  GenerationRequest,
  GenerationResponse,
  LoglikelihoodRequest,
  LoglikelihoodResponse,
  Request,
  Response,
} from "./request.ts";
export { RESULT_RECORD_VERSION, resultRecordSchema } from "./result-record.ts";
export type { DatasetInfo, SuiteDocument, SuiteRun } from "./suite-run.ts";
export type { MetricValue, ResultGroup, ResultRecord } from "./result-record.ts";
