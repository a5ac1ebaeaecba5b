import { findall, pythonRegex } from "./python-regex.ts";
import type { FilterStep } from "./task-config.ts";

/** One step of a filter chain, over the responses of a document (one each, for zoo's greedy generations). */
type Step = (responses: string[]) => string[];

/**
 * lm-evaluation-harness's filters (lm_eval/filters): `regex` keeps the `group_select`-th match of re.findall (the
 * first non-empty group of a tuple), stripped, or `fallback` when nothing matches; `remove_whitespace` drops one
 * leading space; `take_first` keeps the first response.
 */
function step(config: FilterStep): Step {
  switch (config.function) {
    case "regex": {
      const regex = pythonRegex(config.regex_pattern);
      return (responses) =>
        responses.map((response) => {
          const matches = findall(regex, response);
          if (matches.length === 0) return config.fallback;
          // Python indexes from the end for a negative group_select, as lm-evaluation-harness's -1 asks.
          const match = matches.at(config.group_select);
          if (match === undefined) return config.fallback;
          const text = Array.isArray(match) ? match.find((group) => group !== "") : match;
          return (text ?? "").trim();
        });
    }
    case "remove_whitespace":
      return (responses) => responses.map((response) => (response.startsWith(" ") ? response.slice(1) : response));
    case "take_first":
      return (responses) => responses.slice(0, 1);
  }
}

/** A named filter chain, applied in order: what a task's metrics are computed on. */
export function filterChain(steps: readonly FilterStep[]): (responses: string[]) => string {
  const chain = steps.map(step);
  return (responses) => chain.reduce((current, apply) => apply(current), responses)[0] ?? "";
}
