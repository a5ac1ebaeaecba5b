/** One thing wrong in one catalogue file, located precisely enough to jump to it in an editor. */
export interface Problem {
  /** The file, as a path relative to where zoo was asked to look (e.g. "catalog/models/gpt-4.yaml"). */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  /** The field path, e.g. "parameters.total" or "sources[1].url"; empty when the problem is the whole file. */
  path: string;
  /** What was expected and what was found. */
  message: string;
  /** A near-miss correction: a known key, enum value or id close to what was written. */
  suggestion?: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : index === 0 ? String(segment) : `.${String(segment)}`,
    )
    .join("");
}

/** The problem's message with its suggestion, without the location. */
export function problemText(problem: Problem): string {
  const suggestion = problem.suggestion === undefined ? "" : ` (did you mean "${problem.suggestion}"?)`;
  return `${problem.path ? `${problem.path}: ` : ""}${problem.message}${suggestion}`;
}

/** `file:line:column: path: message (did you mean "x"?)`, the form compilers use, so terminals and editors link it. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problemText(problem)}`;
}

/** Problems in file order, then by position, so output is stable whatever order files were read in. */
export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
