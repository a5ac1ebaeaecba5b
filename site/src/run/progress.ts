/** What the progress bar shows of one suite's run (the runner's RunProgress). */
export interface SuiteProgress {
  documents: number;
  documentsDone: number;
  /** Documents answered from the store when the run began: neither computed now nor counted in the speed. */
  documentsCached: number;
  elapsedSeconds: number;
}

export interface ProgressLine {
  /** 0 to 1. */
  fraction: number;
  /** Documents computed by this run a second; undefined until one is. */
  itemsPerSecond: number | undefined;
  secondsLeft: number | undefined;
  text: string;
}

/** "4 s", "2 min 5 s", "1 h 3 min". */
export function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The progress bar's line: documents done, the speed of this run (documents computed a second, never those
 * answered from the store), the time left at that speed, and how many the store answered.
 */
export function progressLine(progress: SuiteProgress): ProgressLine {
  const { documents, documentsDone, documentsCached, elapsedSeconds } = progress;
  const computed = documentsDone - documentsCached;
  const itemsPerSecond = computed > 0 && elapsedSeconds > 0 ? computed / elapsedSeconds : undefined;
  const left = documents - documentsDone;
  const secondsLeft = left === 0 ? 0 : itemsPerSecond === undefined ? undefined : left / itemsPerSecond;
  const parts = [`${documentsDone} of ${documents} documents`];
  if (itemsPerSecond !== undefined) parts.push(`${itemsPerSecond.toFixed(1)} items/s`);
  parts.push(secondsLeft === undefined ? "time left: measuring" : `${duration(secondsLeft)} left`);
  if (documentsCached > 0) parts.push(`answered from the store: ${documentsCached} of ${documents}`);
  return {
    fraction: documents === 0 ? 1 : documentsDone / documents,
    itemsPerSecond,
    secondsLeft,
    text: parts.join(" · "),
  };
}
