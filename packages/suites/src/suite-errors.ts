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

/**
 * The Hub answered that a dataset may not be read (401 or 403): it is gated or private, and no access token that may
 * read it was sent. Never taken for a network failure: the cache is not used in its place.
 */
export class HubRefusedError extends SuiteError {
  constructor(
    readonly repo: string,
    readonly status: number,
    readonly reason: string,
  ) {
    super(
      `the Hub refused ${repo} (${status}: ${reason}): it is gated or private, and needs an access token that may read it`,
    );
    this.name = "HubRefusedError";
  }
}

/** The Hub could not be reached for a dataset, and the cache holds no copy of the revision asked for. */
export class HubUnreachableError extends SuiteError {
  constructor(
    readonly repo: string,
    readonly revision: string,
    readonly reason: string,
  ) {
    super(
      `cannot download ${repo}@${revision} (${reason}) and it is not in the cache: run once with network access, or use a local copy or the samples`,
    );
    this.name = "HubUnreachableError";
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
