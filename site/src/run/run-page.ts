import { countAnswers } from "./answer-store.ts";
import { estimateText, planText, plannedTokens } from "./estimate.ts";
import { boardRows, boardView } from "./board-rows.ts";
import { element } from "./element.ts";
import { progressLine } from "./progress.ts";
import { resultView } from "./result-view.ts";
import { required, runForm } from "./run-form.ts";
import type { RunMessage, RunRequest } from "./run-messages.ts";

/** How long Stop waits for the worker to stop by itself before terminating it. */
const STOP_GRACE_MS = 10_000;

/** The run going on: its worker, the model's key in the answer store once the worker has said it, and Stop. */
interface Running {
  worker: Worker;
  model?: string;
  stop: () => void;
}

const savedLine = (answers: number) => `${answers} answers of this model are saved in this browser`;

/**
 * The /run/ page: Run reads the form's plan and starts a worker (run-worker.ts) that loads the runtime
 * (transformers.js, ONNX Runtime, the scoring core) and runs it, while the page shows its progress (a bar, items/s,
 * the time left, what the store answered), the forward tokens the run is and the time they will take at the speed
 * measured, and each suite's result as it comes. Stop asks the worker to stop after
 * the forward pass that is running.
 */
export function initRunPage(root: Document = document): void {
  const form = runForm(root);
  const runButton = required<HTMLButtonElement>(root, "#run-start");
  const stopButton = required<HTMLButtonElement>(root, "#run-stop");
  const bar = required<HTMLProgressElement>(root, "#run-bar");
  const progressText = required<HTMLElement>(root, "#run-progress-text");
  const status = required<HTMLElement>(root, "#run-status");
  const stored = required<HTMLElement>(root, "#run-stored");
  const estimate = required<HTMLElement>(root, "#run-estimate");
  const progressEstimate = required<HTMLElement>(root, "#run-tokens");
  const errorLine = required<HTMLElement>(root, "#run-error");
  const results = required<HTMLElement>(root, "#run-results");

  const showError = (message: string) => {
    errorLine.textContent = message;
    errorLine.hidden = false;
  };
  let running: Running | undefined;
  stopButton.addEventListener("click", () => running?.stop());
  const finish = (text: string) => {
    status.textContent = text;
    running = undefined;
    runButton.disabled = false;
    stopButton.disabled = true;
  };

  required<HTMLFormElement>(root, "#run-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (running) return;
    errorLine.hidden = true;
    errorLine.textContent = "";
    const plan = await form.readPlan();
    if (typeof plan === "string") return showError(plan);
    runButton.disabled = true;
    stopButton.disabled = false;
    // The last run's downloads go, and the memory their links held with them.
    for (const link of results.querySelectorAll<HTMLAnchorElement>("a[data-download]")) URL.revokeObjectURL(link.href);
    results.replaceChildren();
    bar.value = 0;
    bar.hidden = false;
    progressText.textContent = "";
    stored.textContent = "";
    estimate.textContent = "";
    progressEstimate.textContent = "";
    let total: number | undefined;
    status.textContent = "loading the runtime (transformers.js and ONNX Runtime)…";
    const worker = new Worker(new URL("./run-worker.ts", import.meta.url), { type: "module" });
    // Stop asks the worker to stop after the forward pass that is running, and it says how many answers are saved;
    // a worker still busy after STOP_GRACE_MS (a model's download, a very long pass) is terminated, and the store
    // counted here.
    const run: Running = {
      worker,
      stop: () => {
        stopButton.disabled = true;
        status.textContent = "stopping after the forward pass that is running…";
        worker.postMessage({ type: "stop" } satisfies RunRequest);
        setTimeout(() => {
          if (running !== run) return;
          worker.terminate();
          finish("Stopped.");
          if (run.model !== undefined)
            void countAnswers(run.model).then((answers) => {
              if (running === undefined && status.textContent === "Stopped.")
                status.textContent = `Stopped. ${savedLine(answers)}: Run resumes from them.`;
            });
        }, STOP_GRACE_MS);
      },
    };
    running = run;
    const fail = (message: string) => {
      worker.terminate();
      finish("");
      showError(message);
    };
    let saved = 0;
    worker.onerror = (event) => fail(`the runtime failed to start: ${event.message || "the worker could not load"}`);
    worker.onmessage = ({ data: message }: MessageEvent<RunMessage>) => {
      if (running !== run) return;
      switch (message.type) {
        case "status":
          status.textContent = `${message.text}…`;
          break;
        case "stored":
          run.model = message.model;
          stored.textContent =
            message.answers > 0
              ? `${savedLine(message.answers)}: this run resumes from them.`
              : "No answers of this model are saved in this browser yet: this run computes them all.";
          break;
        case "plan":
          total = plannedTokens(message.suites);
          estimate.textContent = planText(message.suites, form.titleOf);
          break;
        case "progress": {
          const { progress } = message;
          if (total !== undefined && total > 0)
            progressEstimate.textContent = estimateText(total, message.forwardTokens, message.seconds);
          const line = progressLine(progress);
          bar.value = line.fraction;
          Object.assign(bar.dataset, {
            suite: progress.suite,
            done: String(progress.documentsDone),
            documents: String(progress.documents),
            cached: String(progress.documentsCached),
          });
          const of = plan.suites.length > 1 ? ` (${message.suite + 1} of ${plan.suites.length})` : "";
          progressText.textContent = `${form.titleOf(progress.suite)}${of}: ${line.text}`;
          break;
        }
        case "result": {
          const suite = message.result.record.suite.id;
          const view = resultView(message.result, form.titleOf(suite));
          results.append(view);
          boardRows(plan.pageUrl, suite, plan.model.id).then(
            (rows) => view.append(boardView(rows, plan.model.id, form.titleOf(suite), plan.pageUrl)),
            (error: Error) =>
              view.append(
                element("p", `The leaderboard could not be read: ${error.message}`, { class: "muted small" }),
              ),
          );
          break;
        }
        case "saved":
          saved = message.answers;
          break;
        case "stopped":
          worker.terminate();
          finish(`Stopped. ${savedLine(saved)}: Run resumes from them.`);
          break;
        case "done":
          worker.terminate();
          finish(
            `Done: ${plan.suites.length} suite${plan.suites.length === 1 ? "" : "s"} scored; ${savedLine(saved)}.`,
          );
          break;
        case "failed":
          fail(message.message);
          break;
      }
    };
    worker.postMessage({ type: "run", plan } satisfies RunRequest);
  });
}
