import type { Figure } from "./figure.ts";
import type { LicenseClass } from "./license-class.ts";
import type { CommercialUse, License } from "./license-schema.ts";
import type { ModelEntry } from "./model-schema.ts";

/** Hoffmann et al. (2022), "Training Compute-Optimal Large Language Models": about 20 tokens per parameter. */
export const CHINCHILLA_TOKENS_PER_PARAMETER = 20;

/** Bytes per weight at each precision a model is commonly run in. */
export const BYTES_PER_WEIGHT = { fp32: 4, fp16: 2, int8: 1, int4: 0.5 } as const;
export type WeightPrecision = keyof typeof BYTES_PER_WEIGHT;

/** A computed number, marked as an estimate when any figure it was computed from is one. */
export interface DerivedNumber {
  value: number;
  estimate: boolean;
}

/** Where the training-token budget sits against Chinchilla's compute-optimal 20 tokens per parameter. */
export type ChinchillaBand = "below" | "near" | "beyond";

export interface DerivedFacts {
  licenseClass: LicenseClass;
  commercialUse: CommercialUse;
  /** What commercial use is conditional on, when it is. */
  commercialConditions?: string;
  /** Weights can be downloaded, openly or behind a gate. */
  openWeights: boolean;
  tokensPerParameter?: DerivedNumber;
  /** tokensPerParameter ÷ 20: 1 is Chinchilla-optimal. */
  chinchillaRatio?: DerivedNumber;
  chinchillaBand?: ChinchillaBand;
  /** 6·N·D, with N the parameters active per token (all of them for a dense model). */
  trainingComputeFlops?: DerivedNumber;
  /** Memory for the weights alone (no activations or KV cache) at each precision. */
  weightMemoryBytes?: Record<WeightPrecision, DerivedNumber>;
}

function known(figure: Figure | undefined): DerivedNumber | undefined {
  return figure && figure.status !== "undisclosed"
    ? { value: figure.value, estimate: figure.status === "estimate" }
    : undefined;
}

function combine(a: DerivedNumber, b: DerivedNumber, operation: (x: number, y: number) => number): DerivedNumber {
  return { value: operation(a.value, b.value), estimate: a.estimate || b.estimate };
}

/** Within a factor of two of 20 tokens per parameter counts as near the optimum. */
function chinchillaBand(ratio: number): ChinchillaBand {
  return ratio < 0.5 ? "below" : ratio > 2 ? "beyond" : "near";
}

/**
 * Facts computed from an entry, never typed by hand. `license` is the entry's license record, which the loader has
 * already checked to exist.
 */
export function deriveFacts(entry: ModelEntry, license: License): DerivedFacts {
  const total = known(entry.parameters?.total);
  const active = known(entry.parameters?.active) ?? total;
  const tokens = known(entry.training_tokens);
  const facts: DerivedFacts = {
    licenseClass: license.class,
    commercialUse: license.commercial_use,
    ...(license.conditions === undefined ? {} : { commercialConditions: license.conditions }),
    openWeights: entry.openness.weights === "open" || entry.openness.weights === "gated",
  };
  if (total && tokens) {
    facts.tokensPerParameter = combine(tokens, total, (d, n) => d / n);
    facts.chinchillaRatio = {
      ...facts.tokensPerParameter,
      value: facts.tokensPerParameter.value / CHINCHILLA_TOKENS_PER_PARAMETER,
    };
    facts.chinchillaBand = chinchillaBand(facts.chinchillaRatio.value);
  }
  if (active && tokens) facts.trainingComputeFlops = combine(active, tokens, (n, d) => 6 * n * d);
  if (total) {
    facts.weightMemoryBytes = Object.fromEntries(
      Object.entries(BYTES_PER_WEIGHT).map(([precision, bytes]) => [
        precision,
        { value: total.value * bytes, estimate: total.estimate },
      ]),
    ) as Record<WeightPrecision, DerivedNumber>;
  }
  return facts;
}
