/** How an error message names a value that was found where something else was expected. */
export function describeInput(input: unknown): string {
  if (input === null || input === undefined) return "nothing";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  if (typeof input === "string") return JSON.stringify(input);
  return `${typeof input} ${String(input)}`;
}
