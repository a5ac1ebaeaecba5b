/**
 * Python's idea of whitespace (`str.isspace`), which `str.strip()` and `str.split()` use. JavaScript's `trim()` and
 * `\s` differ (they include U+FEFF and leave out U+001C–U+001F and U+0085), and lm-evaluation-harness, sacrebleu
 * and the Hugging Face dataset scripts all strip and split the Python way.
 */
const PYTHON_WHITESPACE =
  "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const LEADING = new RegExp(`^[${PYTHON_WHITESPACE}]+`);
const TRAILING = new RegExp(`[${PYTHON_WHITESPACE}]+$`);
const RUNS = new RegExp(`[${PYTHON_WHITESPACE}]+`);

/** `text.strip()` in Python. */
export function pyStrip(text: string): string {
  return text.replace(LEADING, "").replace(TRAILING, "");
}

/** `text.rstrip()` in Python. */
export function pyRstrip(text: string): string {
  return text.replace(TRAILING, "");
}

/** `text.split()` in Python: runs of whitespace separate words, and there are no empty words. */
export function pySplit(text: string): string[] {
  const stripped = pyStrip(text);
  return stripped === "" ? [] : stripped.split(RUNS);
}
