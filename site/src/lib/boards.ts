import { representativeRows, suiteBoard, type BoardRow, type SuiteBoard } from "./leaderboard.ts";
import type { SiteData } from "./site-data.ts";

const cache = new WeakMap<SiteData, SuiteBoard[]>();
const representatives = new WeakMap<SuiteBoard, Map<string, BoardRow>>();

/** The row that stands for a model on a board (see representativeRows), looked up once per board. */
export function representativeRow(board: SuiteBoard, modelId: string): BoardRow | undefined {
  let byModel = representatives.get(board);
  if (!byModel) {
    byModel = new Map(representativeRows(board).map((row) => [row.score.modelId, row]));
    representatives.set(board, byModel);
  }
  return byModel.get(modelId);
}

/** Every suite's leaderboard, in suite title order; computed once per build, as many pages show them. */
export function boards(data: SiteData): SuiteBoard[] {
  let computed = cache.get(data);
  if (!computed) {
    const results = new Map(data.results.map((result) => [result.id, result]));
    const context = {
      modelName: (id: string) => data.model(id)?.entry.name,
      result: (runId: string) => results.get(runId),
    };
    const bySuite = new Map<string, typeof data.scores>();
    for (const score of data.scores) {
      const list = bySuite.get(score.suite);
      if (list) list.push(score);
      else bySuite.set(score.suite, [score]);
    }
    computed = data.suites.map((suite) => suiteBoard(suite, bySuite.get(suite.id) ?? [], context));
    cache.set(data, computed);
  }
  return computed;
}
