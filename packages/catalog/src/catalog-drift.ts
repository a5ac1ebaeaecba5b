import { figureValue, formatCount } from "./figure.ts";
import type { HubReading } from "./hub-facts.ts";
import { mapHubLicense } from "./hub-license.ts";
import type { Modality, ModelEntry, OpennessLevel } from "./model-schema.ts";

export const DRIFT_FIELDS = ["license", "openness.weights", "parameters.total", "modalities", "run.dtype"] as const;
export type DriftField = (typeof DRIFT_FIELDS)[number];

/**
 * Where the catalogue and the Hub disagree. `missing`: the catalogue lacks a fact the Hub has, and `--write` fills
 * it; `differs`: both state it differently, and only `--force` overwrites the catalogue's; `review`: a person must
 * decide (the Hub's value has no catalogue form, or the field is not the Hub's to set).
 */
export interface Drift {
  field: DriftField;
  catalogue: string;
  hub: string;
  kind: "missing" | "differs" | "review";
  /** The catalogue value the Hub's fact becomes, when sync may write it. */
  value?: string;
}

/** Shown where the catalogue has no value. */
export const NO_VALUE = "—";

/** Compares one entry with what the Hub said of it, field by field. `licenseIds` are the catalogue's licenses. */
export function findDrift(entry: ModelEntry, reading: HubReading, licenseIds: readonly string[]): Drift[] {
  const drift: Drift[] = [];
  const { model, onnx } = reading;
  if (model) {
    const license = mapHubLicense({ tags: model.licenses, name: model.licenseName }, licenseIds);
    if (license.shown !== "" && !license.ids.includes(entry.license)) {
      const known = license.ids.length === 1;
      drift.push({
        field: "license",
        catalogue: entry.license,
        hub: license.ids.length === 0 ? `${license.shown} (no catalogue license)` : license.shown,
        kind: known ? "differs" : "review",
        ...(known ? { value: license.ids[0]! } : {}),
      });
    }

    const weights: OpennessLevel = model.gated === false ? "open" : "gated";
    if (!model.private && entry.openness.weights !== weights) {
      drift.push({
        field: "openness.weights",
        catalogue: entry.openness.weights,
        hub: weights,
        kind: "differs",
        value: weights,
      });
    }

    if (model.parameters) drift.push(...parameterDrift(entry, model.parameters.total));

    const implied = model.pipelineTag ? PIPELINE_MODALITIES[model.pipelineTag] : undefined;
    const lacking =
      implied &&
      ((implied.input ?? []).some((modality) => !entry.modalities.input.includes(modality)) ||
        (implied.output ?? []).some((modality) => !entry.modalities.output.includes(modality)));
    if (lacking) {
      drift.push({
        field: "modalities",
        catalogue: `${entry.modalities.input.join(", ")} → ${entry.modalities.output.join(", ")}`,
        hub: model.pipelineTag!,
        kind: "review",
      });
    }
  }

  const run = entry.run?.adapter === "transformers-js" ? entry.run : undefined;
  if (run && onnx && (onnx.dtypes.length === 0 || (run.dtype !== undefined && !onnx.dtypes.includes(run.dtype)))) {
    drift.push({
      field: "run.dtype",
      catalogue: run.dtype ?? NO_VALUE,
      hub: onnx.dtypes.length === 0 ? `no ONNX weights in ${onnx.repo}` : onnx.dtypes.join(", "),
      kind: "review",
    });
  }
  return drift;
}

function parameterDrift(entry: ModelEntry, hubTotal: number): Drift[] {
  const hub = `${formatCount(hubTotal)} (${hubTotal.toLocaleString("en-US")})`;
  const total = entry.parameters?.total;
  if (!total)
    return [{ field: "parameters.total", catalogue: NO_VALUE, hub, kind: "missing", value: formatCount(hubTotal) }];
  const stated = total.status === "stated" ? total.value : undefined;
  if (stated !== undefined && agreesAtPrecision(stated, hubTotal)) return [];
  const shown =
    total.status === "undisclosed"
      ? "undisclosed"
      : `${total.status === "estimate" ? "~" : ""}${formatCount(figureValue(total)!)}`;
  return [{ field: "parameters.total", catalogue: shown, hub, kind: "differs", value: formatCount(hubTotal) }];
}

/**
 * Whether an exact count agrees with the catalogue's figure to the precision the catalogue gives: "7B" is one
 * significant digit, so 6,738,415,616 agrees with it; "6.7B" is two, and 6,738,415,616 agrees with it too; "46.7B"
 * and 46,702,792,704 agree, "7B" and 8,030,261,248 do not.
 */
export function agreesAtPrecision(catalogue: number, exact: number): boolean {
  const digits = String(catalogue).replace(/0+$/, "").replace(/^0+/, "").replace(".", "").length;
  return Number(exact.toPrecision(digits)) === catalogue;
}

/** The modalities a Hub pipeline tag implies: a text-to-image model outputs images, whatever else it does. */
const PIPELINE_MODALITIES: Record<string, { input?: Modality[]; output?: Modality[] }> = {
  "text-generation": { input: ["text"], output: ["text"] },
  "text2text-generation": { input: ["text"], output: ["text"] },
  "image-text-to-text": { input: ["image", "text"], output: ["text"] },
  "image-to-text": { input: ["image"], output: ["text"] },
  "visual-question-answering": { input: ["image", "text"], output: ["text"] },
  "text-to-image": { input: ["text"], output: ["image"] },
  "image-to-image": { input: ["image"], output: ["image"] },
  "text-to-video": { input: ["text"], output: ["video"] },
  "text-to-speech": { input: ["text"], output: ["audio"] },
  "text-to-audio": { input: ["text"], output: ["audio"] },
  "automatic-speech-recognition": { input: ["audio"], output: ["text"] },
  "audio-text-to-text": { input: ["audio", "text"], output: ["text"] },
};
