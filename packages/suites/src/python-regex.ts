import { SuiteError } from "./suite-errors.ts";

/*
 * Python's `re`, as lm-evaluation-harness's filters use it, on JavaScript's RegExp: leading inline flags become
 * RegExp flags, `$` keeps Python's meaning (the end, or just before a newline that ends the text), `.` matches all
 * but \n, `\Z` and `\A` keep their anchors, and named groups take their JavaScript spelling. `findall` returns what Python's re.findall returns.
 */

const INLINE_FLAGS: Record<string, string> = { i: "i", m: "m", s: "s" };

/** A Python pattern as a global JavaScript RegExp; a SuiteError naming the pattern when it cannot be one. */
export function pythonRegex(pattern: string): RegExp {
  let rest = pattern;
  let flags = "g";
  for (let inline = /^\(\?([a-zA-Z]+)\)/.exec(rest); inline; inline = /^\(\?([a-zA-Z]+)\)/.exec(rest)) {
    for (const flag of inline[1]!) {
      if (INLINE_FLAGS[flag] === undefined)
        throw new SuiteError(`regex ${JSON.stringify(pattern)}: the inline flag ${flag} has no JavaScript equivalent`);
      if (!flags.includes(INLINE_FLAGS[flag]!)) flags += INLINE_FLAGS[flag];
    }
    rest = rest.slice(inline[0].length);
  }
  const multiline = flags.includes("m");
  const dotAll = flags.includes("s");
  let source = "";
  let inClass = false;
  for (let index = 0; index < rest.length; index++) {
    const char = rest[index]!;
    if (char === "\\") {
      const next = rest[index + 1] ?? "";
      index += 1;
      if (!inClass && next === "Z") source += "(?![\\s\\S])";
      else if (!inClass && next === "A") source += "(?<![\\s\\S])";
      else source += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      source += char;
      continue;
    }
    if (char === "[") {
      inClass = true;
      source += char;
      // A ] first in a class is a literal in both languages.
      if (rest[index + 1] === "]") source += rest[++index];
    } else if (char === "$" && !multiline) source += "(?=\\n?(?![\\s\\S]))";
    // Python's . stops only at \n; JavaScript's also at \r, \u2028 and \u2029.
    else if (char === "." && !dotAll) source += "[^\\n]";
    else if (rest.startsWith("(?P<", index)) {
      source += "(?<";
      index += 3;
    } else if (rest.startsWith("(?P=", index)) {
      const end = rest.indexOf(")", index);
      source += `\\k<${rest.slice(index + 4, end)}>`;
      index = end;
    } else source += char;
  }
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new SuiteError(`regex ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

/** re.findall: every match's text with no groups, its group with one, the tuple of groups with more ("" unmatched). */
export function findall(regex: RegExp, text: string): (string | string[])[] {
  return [...text.matchAll(regex)].map((match) =>
    match.length === 1 ? match[0] : match.length === 2 ? (match[1] ?? "") : match.slice(1).map((group) => group ?? ""),
  );
}
