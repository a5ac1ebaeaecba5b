import { DEVICE_NAMES, defaultDtype, detectDevice, type RunDevice } from "./device.ts";
import { typedRepo, type ModelChoice } from "./model-choice.ts";
import type { RunData, RunPlan } from "./run-plan.ts";

/** The model select's option for a typed Hub repo (catalogue ids never hold a colon). */
const HUB_CHOICE = "hf:other";

export function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the run page has no ${selector}`);
  return found;
}

export interface RunForm {
  /** The plan the form states, or a one-line message saying what is wrong with it; waits for the device. */
  readPlan(): Promise<RunPlan | string>;
  /** A suite's title, as the form lists it. */
  titleOf(id: string): string;
}

/**
 * The /run/ page's form: the model (the tiny LM, a catalogue entry, or a typed Hub repo), its dtype (what the model
 * has: the entry's by default, else q8 on WebAssembly and fp16 on WebGPU), the device (WebGPU where the browser
 * gives an adapter, stated beside it), the suites with their shots, their data (the samples or the Hub's
 * datasets), and a limit.
 */
export function runForm(root: Document = document): RunForm {
  const form = required<HTMLFormElement>(root, "#run-form");
  const model = required<HTMLSelectElement>(form, "#run-model");
  const repoField = required<HTMLElement>(form, "#run-repo-field");
  const repo = required<HTMLInputElement>(form, "#run-repo");
  const dtype = required<HTMLSelectElement>(form, "#run-dtype");
  const device = required<HTMLSelectElement>(form, "#run-device");
  const deviceNote = required<HTMLElement>(root, "#run-device-note");
  const limit = required<HTMLInputElement>(form, "#run-limit");
  const data = required<HTMLSelectElement>(form, "#run-data");
  const samples = JSON.parse(required<HTMLScriptElement>(root, "#run-samples").textContent ?? "[]") as string[];
  const { zooVersion = "", tinyLmRevision = "", tinyLmFiles = "" } = form.dataset;

  let dtypeChosen = false;
  const selected = () => model.selectedOptions[0]!;
  const deviceValue = () => device.value as RunDevice;

  /** The dtype select offers what the model has: the tiny LM only fp32; a Hub model any, its entry's first. */
  const syncDtype = () => {
    const option = selected();
    const only = option.dataset.kind === "tiny-lm" ? option.dataset.dtype : undefined;
    for (const choice of dtype.options) choice.disabled = only !== undefined && choice.value !== only;
    if (only !== undefined) dtype.value = only;
    else if (!dtypeChosen) dtype.value = defaultDtype(option.dataset.dtype, deviceValue());
    repoField.hidden = option.value !== HUB_CHOICE;
  };
  model.addEventListener("change", () => {
    dtypeChosen = false;
    syncDtype();
  });
  dtype.addEventListener("change", () => (dtypeChosen = true));
  device.addEventListener("change", syncDtype);

  const detected = detectDevice().then(({ device: found, reason }) => {
    const webgpu = [...device.options].find((option) => option.value === "webgpu")!;
    webgpu.disabled = found !== "webgpu";
    device.value = found;
    deviceNote.textContent = `Runs on ${DEVICE_NAMES[found]}: ${reason}.`;
    syncDtype();
  });
  syncDtype();

  const chosenModel = (): ModelChoice | string => {
    const option = selected();
    if (option.value === HUB_CHOICE) return typedRepo(repo.value);
    const { kind, revision, dtype: entryDtype } = option.dataset;
    return {
      id: option.value,
      kind: kind === "tiny-lm" ? "tiny-lm" : "hub",
      repo: option.dataset.repo!,
      ...(revision ? { revision } : {}),
      ...(entryDtype ? { dtype: entryDtype } : {}),
      chat: option.dataset.chat === "true",
    };
  };

  return {
    readPlan: async () => {
      await detected;
      const choice = chosenModel();
      if (typeof choice === "string") return choice;
      const suites = [...form.querySelectorAll<HTMLInputElement>("input[name=suite]:checked")].map((box) => {
        const shots = form.querySelector<HTMLInputElement>(`input[name="shots-${box.value}"]`);
        return { id: box.value, shots: shots ? Number(shots.value) : 0 };
      });
      if (suites.length === 0) return "choose at least one suite";
      for (const suite of suites) {
        const input = form.querySelector<HTMLInputElement>(`input[name="shots-${suite.id}"]`);
        if (input && (!input.checkValidity() || input.value === "" || !Number.isInteger(suite.shots)))
          return `${suite.id} takes ${input.min} to ${input.max} shots, not "${input.value}"`;
      }
      const limitValue = limit.value.trim();
      if (limitValue !== "" && (!limit.checkValidity() || !Number.isInteger(Number(limitValue))))
        return `the limit is a whole number of documents, 1 or more, not "${limitValue}"`;
      return {
        model: choice,
        dtype: dtype.value,
        device: deviceValue(),
        suites,
        data: data.value as RunData,
        ...(limitValue === "" ? {} : { limit: Number(limitValue) }),
        pageUrl: location.href.replace(/[?#].*$/, ""),
        samples,
        tinyLm: { revision: tinyLmRevision, files: tinyLmFiles },
        zooVersion,
      };
    },
    titleOf: (id) => form.querySelector<HTMLElement>(`[data-suite-title="${id}"]`)?.dataset.title ?? id,
  };
}
