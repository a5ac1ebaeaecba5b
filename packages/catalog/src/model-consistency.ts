import type { z } from "zod";
import { figureValue } from "./figure.ts";
import type { ModelFields, SourcedFact } from "./model-schema.ts";
import { settingKey } from "./reported-score.ts";

type Report = (path: PropertyKey[], message: string) => void;

/** Checks across the fields of one entry: what a schema of single fields cannot say. */
export function checkModelConsistency(entry: ModelFields, context: z.RefinementCtx<ModelFields>): void {
  const report: Report = (path, message) => context.addIssue({ code: "custom", path, message, input: undefined });
  checkParameters(entry, report);
  checkArchitecture(entry, report);
  checkAccess(entry, report);
  checkLineage(entry, report);
  checkSources(entry, report);
  checkReported(entry, report);
}

function checkParameters({ parameters, architecture }: ModelFields, report: Report): void {
  if (!parameters?.active) return;
  const total = figureValue(parameters.total);
  const active = figureValue(parameters.active);
  if (total !== undefined && active !== undefined && active > total) {
    report(["parameters", "active"], `active parameters (${active}) exceed total parameters (${total})`);
  }
  if (architecture && !architecture.experts) {
    report(["parameters", "active"], "active parameters are for mixture-of-experts models: add architecture.experts");
  }
}

function checkArchitecture({ architecture }: ModelFields, report: Report): void {
  if (!architecture) return;
  const { experts, heads, kv_heads: kvHeads, attention = [] } = architecture;
  if (experts && experts.active > experts.total) {
    report(
      ["architecture", "experts", "active"],
      `active experts (${experts.active}) exceed total experts (${experts.total})`,
    );
  }
  if (heads === undefined || kvHeads === undefined) return;
  if (kvHeads > heads) {
    report(["architecture", "kv_heads"], `key/value heads (${kvHeads}) exceed attention heads (${heads})`);
  } else if (attention.includes("mqa") && kvHeads !== 1) {
    report(["architecture", "kv_heads"], `multi-query attention has 1 key/value head, found ${kvHeads}`);
  } else if (attention.includes("gqa") && (kvHeads === 1 || kvHeads === heads)) {
    report(
      ["architecture", "kv_heads"],
      `grouped-query attention has between 1 and ${heads} key/value heads, found ${kvHeads}`,
    );
  } else if (attention.includes("mha") && kvHeads !== heads) {
    report(
      ["architecture", "kv_heads"],
      `multi-head attention has one key/value head per head (${heads}), found ${kvHeads}`,
    );
  }
}

function checkAccess({ access, openness }: ModelFields, report: Report): void {
  const downloadable = openness.weights === "open" || openness.weights === "gated";
  if ((access === "open-weights" || access === "both") && !downloadable) {
    report(["access"], `access "${access}" needs downloadable weights, but openness.weights is "${openness.weights}"`);
  }
  if ((access === "api" || access === "none") && downloadable) {
    report(
      ["access"],
      `access "${access}" contradicts openness.weights "${openness.weights}": use "open-weights" or "both"`,
    );
  }
}

function checkLineage({ id, kind, base_model: baseModels = [] }: ModelFields, report: Report): void {
  baseModels.forEach((base, index) => {
    if (base === id) report(["base_model", index], "a model cannot derive from itself");
    if (baseModels.indexOf(base) !== index) report(["base_model", index], `"${base}" is listed twice`);
  });
  if (kind === "merge" && baseModels.length < 2) {
    report(["kind"], `a merge derives from at least two models, found ${baseModels.length} in base_model`);
  }
}

/** Which sourced facts the entry states, so that a source must vouch for each one. */
function statedFacts(entry: ModelFields): Set<SourcedFact> {
  const stated = new Set<SourcedFact>(["released", "license", "openness"]);
  const { parameters } = entry;
  if (parameters && (parameters.total.status === "stated" || parameters.active?.status === "stated"))
    stated.add("parameters");
  if (entry.context_length !== undefined) stated.add("context_length");
  if (entry.training_tokens?.status === "stated") stated.add("training_tokens");
  if (entry.architecture) stated.add("architecture");
  if (entry.base_model) stated.add("base_model");
  return stated;
}

function checkSources(entry: ModelFields, report: Report): void {
  const stated = statedFacts(entry);
  const vouched = new Set<SourcedFact>();
  entry.sources.forEach((source, sourceIndex) => {
    source.facts.forEach((fact, factIndex) => {
      if (!stated.has(fact)) {
        report(
          ["sources", sourceIndex, "facts", factIndex],
          `"${fact}" is not stated by this entry, so no source can vouch for it`,
        );
      }
      vouched.add(fact);
    });
  });
  for (const fact of stated) {
    if (!vouched.has(fact)) report([fact], `no source vouches for ${fact}: name it in the facts of one of the sources`);
  }
}

function checkReported({ reported = [] }: ModelFields, report: Report): void {
  const seen = new Map<string, number>();
  reported.forEach((score, index) => {
    if (score.method === "other" && score.note === undefined) {
      report(["reported", index, "method"], 'method "other" needs a note that names the protocol');
    }
    const key = `${settingKey(score)}|${score.source}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report(["reported", index], `repeats reported[${first}]: the same benchmark, setting and source`);
    } else {
      seen.set(key, index);
    }
  });
}
