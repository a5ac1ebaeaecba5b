/** Where in a data file a problem is: a 1-based line of a text file, or a 0-based row of a parquet table. */
export type DataLocation = { line: number } | { row: number };

/**
 * A data file that cannot be used: missing, unreadable, or holding a record that does not fit the suite. The
 * message names the file and, where there is one, the line or row, so it can be fixed without a debugger.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly location?: DataLocation,
  ) {
    super(
      location === undefined
        ? `${file}: ${problem}`
        : "line" in location
          ? `${file}:${location.line}: ${problem}`
          : `${file}: row ${location.row}: ${problem}`,
    );
    this.name = "DataError";
  }
}

/** A suite asked for in a way it cannot be run: an unknown id, a shot count it does not offer, a bad definition. */
export class SuiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SuiteError";
  }
}

/** How to show a value that does not belong where it was found, in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return value === "" ? "an empty string" : JSON.stringify(value);
  if (typeof value === "bigint") return `${value}`;
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}
