import type { z } from "zod";
import type { $ZodErrorMap, $ZodIssue, $ZodType } from "zod/v4/core";
import { didYouMean } from "./did-you-mean.ts";
import { describeInput } from "./describe-input.ts";
import { knownKeysAt } from "./known-keys.ts";
import type { Problem } from "./problem.ts";
import type { YamlSource } from "./yaml-file.ts";

const EXPECTED_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  never: "nothing here",
};

function expectedName(expected: string): string {
  return EXPECTED_NAMES[expected] ?? expected;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

/**
 * The wording for every kind of schema issue, as "expected …, found …". Schemas that know better (counts,
 * dates, ids) set their own messages, which take precedence over these.
 */
export const catalogErrorMap: $ZodErrorMap = (issue) => {
  const found = describeInput(issue.input);
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `missing required field (expected ${expectedName(issue.expected)})`
        : `expected ${expectedName(issue.expected)}, found ${found}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}, found ${found}`
        : `expected one of ${quoteAll(issue.values)}, found ${found}`;
    case "too_small":
      if (issue.origin === "array")
        return `expected at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}, found none`;
      if (issue.origin === "string") return "expected non-empty text, found empty text";
      return `expected a number ${issue.inclusive ? "≥" : ">"} ${issue.minimum}, found ${found}`;
    case "too_big":
      if (issue.origin === "array") return `expected at most ${issue.maximum} items`;
      return `expected a number ${issue.inclusive ? "≤" : "<"} ${issue.maximum}, found ${found}`;
    case "invalid_format":
      return issue.format === "url"
        ? `expected a URL, found ${found}`
        : `expected ${issue.format} format, found ${found}`;
    case "unrecognized_keys":
      return "unknown key";
    case "invalid_union":
      return `expected one of the allowed forms, found ${found}`;
    default:
      return undefined;
  }
};

/** Parses `source.data` with `schema`, turning every issue into a located problem. */
export function parseWithProblems<Schema extends z.ZodType>(
  schema: Schema,
  source: YamlSource,
): { data: z.output<Schema>; problems: [] } | { data?: undefined; problems: Problem[] } {
  const result = schema.safeParse(source.data, { error: catalogErrorMap, reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((issue) => problemsFromIssue(schema, source, issue)) };
}

function problemsFromIssue(schema: $ZodType, source: YamlSource, issue: $ZodIssue): Problem[] {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, issue.path);
      return issue.keys.map((key) =>
        source.problem([...issue.path, key], "unknown key", { at: "key", suggestion: didYouMean(key, known) }),
      );
    }
    case "invalid_value": {
      const candidates = issue.values.filter((value): value is string => typeof value === "string");
      const suggestion = typeof issue.input === "string" ? didYouMean(issue.input, candidates) : undefined;
      return [source.problem(issue.path, issue.message, { suggestion })];
    }
    case "invalid_union":
      return unionProblems(schema, source, issue);
    default:
      return [source.problem(issue.path, issue.message)];
  }
}

/**
 * A failed union is reported through the branch that got furthest: the one whose issues are not all "this is the
 * wrong type of thing". A mapping meant as an estimate then gets the estimate's own complaints, not the union's.
 */
function unionProblems(
  schema: $ZodType,
  source: YamlSource,
  issue: Extract<$ZodIssue, { code: "invalid_union" }>,
): Problem[] {
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    const input = issue.input as Record<string, unknown> | undefined;
    const found = input?.[issue.discriminator];
    const options = ((issue as { options?: unknown[] }).options ?? []).filter(
      (option): option is string => typeof option === "string",
    );
    return [
      source.problem(
        issue.path.at(-1) === issue.discriminator ? issue.path : [...issue.path, issue.discriminator],
        `expected one of ${quoteAll(options)}, found ${describeInput(found)}`,
        {
          suggestion: typeof found === "string" ? didYouMean(found, options) : undefined,
        },
      ),
    ];
  }
  const isWrongShape = (branchIssue: $ZodIssue) =>
    branchIssue.path.length === 0 &&
    (branchIssue.code === "invalid_type" ||
      branchIssue.code === "invalid_value" ||
      branchIssue.code === "invalid_union");
  const furthest = issue.errors.find((branch) => branch.length > 0 && !branch.some(isWrongShape));
  if (!furthest) return [source.problem(issue.path, issue.message)];
  return furthest.flatMap((branchIssue) =>
    problemsFromIssue(schema, source, { ...branchIssue, path: [...issue.path, ...branchIssue.path] } as $ZodIssue),
  );
}
