/** A score placed at its model's release date, for the best-score-to-date timeline. */
export interface DatedScore {
  modelId: string;
  /** The model's release date as an ISO day (its partial date's first day). */
  released: string;
  value: number;
  openWeights: boolean;
}

/** A new best: the model that set it, and when. */
export interface BestRecord {
  modelId: string;
  released: string;
  value: number;
}

/**
 * The best score to date among open-weight models and among closed ones: each list holds only the scores that
 * beat every earlier one, in release order (a tie with the record does not count as a new record).
 */
export function bestToDate(scores: readonly DatedScore[]): { open: BestRecord[]; closed: BestRecord[] } {
  const frontier = (openWeights: boolean): BestRecord[] => {
    const ordered = scores
      .filter((score) => score.openWeights === openWeights)
      .sort((a, b) => a.released.localeCompare(b.released) || b.value - a.value || a.modelId.localeCompare(b.modelId));
    const records: BestRecord[] = [];
    for (const { modelId, released, value } of ordered) {
      if (records.length === 0 || value > records.at(-1)!.value) records.push({ modelId, released, value });
    }
    return records;
  };
  return { open: frontier(true), closed: frontier(false) };
}
