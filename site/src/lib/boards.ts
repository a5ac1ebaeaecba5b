import { suiteBoard, type SuiteBoard } from "./leaderboard.ts";
import type { SiteData } from "./site-data.ts";

/** Every suite's leaderboard, in suite title order. */
export function boards(data: SiteData): SuiteBoard[] {
  const results = new Map(data.results.map((result) => [result.id, result]));
  const context = { modelName: (id: string) => data.model(id)?.entry.name, result: (runId: string) => results.get(runId) };
  return data.suites.map((suite) => suiteBoard(suite, data.scores, context));
}
