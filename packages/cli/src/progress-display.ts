import type { RunProgress } from "@zoo/runner";
import type { Io } from "./io.ts";

const BAR_WIDTH = 24;
/** How often a terminal bar is redrawn, and how often plain progress lines are printed. */
const TTY_INTERVAL_MS = 100;
const LINE_INTERVAL_MS = 10_000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const whole = Math.round(seconds);
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  return h > 0
    ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`
    : `${m}:${String(s).padStart(2, "0")}`;
}

/** Documents a second, counting only those answered by this run (not from the cache), and the time left. */
function pace(progress: RunProgress): { rate: number; eta: number } {
  const worked = progress.documentsDone - progress.documentsCached;
  const rate = progress.elapsedSeconds > 0 ? worked / progress.elapsedSeconds : 0;
  return { rate, eta: rate > 0 ? (progress.documents - progress.documentsDone) / rate : Infinity };
}

/** The progress line: on a terminal a bar with items/s and ETA, redrawn in place; otherwise a plain line. */
export function progressLine(progress: RunProgress, bar: boolean): string {
  const { rate, eta } = pace(progress);
  const share = progress.documents === 0 ? 1 : progress.documentsDone / progress.documents;
  const counts = `${progress.documentsDone.toLocaleString("en-US")}/${progress.documents.toLocaleString("en-US")}`;
  const worked = progress.documentsDone - progress.documentsCached;
  // No speed from documents the cache answered: a resumed run would claim thousands a second, a cached one 0.
  const cached =
    progress.documentsCached > 0
      ? `answered from the cache: ${progress.documentsCached.toLocaleString("en-US")} of ${progress.documents.toLocaleString("en-US")}`
      : undefined;
  const speed = worked > 0 || cached === undefined ? `${rate.toFixed(1)} items/s` : undefined;
  const left =
    progress.documentsDone === progress.documents
      ? `done in ${duration(progress.elapsedSeconds)}`
      : `ETA ${duration(eta)}`;
  const parts = [cached, speed, left].filter((part) => part !== undefined);
  if (!bar) return `${progress.suite}: ${counts} documents (${(share * 100).toFixed(1)}%), ${parts.join(", ")}`;
  const filled = Math.round(share * BAR_WIDTH);
  return `${progress.suite} ${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${counts} ${parts.join(" ")}`;
}

/** Shows a run's progress on stderr, without flooding it: a redrawn bar on a terminal, a line every 10 s elsewhere. */
export function progressReporter(io: Io, clock: () => number = () => performance.now()) {
  const bar = io.errIsTTY === true;
  let shownAt = -Infinity;
  let last: RunProgress | undefined;
  let pending = false;
  const show = (progress: RunProgress) => {
    shownAt = clock();
    pending = false;
    io.err(bar ? `\r\x1b[2K${progressLine(progress, true)}` : `${progressLine(progress, false)}\n`);
  };
  return {
    update(progress: RunProgress): void {
      // Plain lines start only once a run has gone on a while: a short run prints just its last line.
      if (last === undefined && !bar) shownAt = clock();
      last = progress;
      pending = true;
      const finished = progress.documentsDone === progress.documents;
      if (clock() - shownAt >= (bar ? TTY_INTERVAL_MS : LINE_INTERVAL_MS) && !finished) show(progress);
    },
    /** The last state, shown once more, and the bar's line ended. */
    finish(): void {
      if (last !== undefined && (pending || bar)) show(last);
      if (bar && last !== undefined) io.err("\n");
      last = undefined;
      shownAt = -Infinity;
    },
  };
}
