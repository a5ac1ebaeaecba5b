import { problemText, type Problem } from "@zoo/catalog";

// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also escape : and ,.
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** A GitHub Actions `::error` command, which GitHub shows as an annotation on the pull request's diff. */
export function githubAnnotation(problem: Problem): string {
  const properties = `file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column},title=${escapeProperty("zoo catalog check")}`;
  return `::error ${properties}::${escapeData(problemText(problem))}`;
}
