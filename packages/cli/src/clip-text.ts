const LONGEST_WORD = 400;
const KEPT = 80;

/**
 * A message with every overlong run of non-space characters cut to its start and its length: an error that echoes
 * a 100 KB argument stays one readable line, while any real path fits.
 */
export function clipLongWords(message: string): string {
  return message.replace(
    new RegExp(`\\S{${LONGEST_WORD + 1},}`, "gu"),
    (word) => `${[...word].slice(0, KEPT).join("")}… (${[...word].length.toLocaleString("en-US")} characters)`,
  );
}
