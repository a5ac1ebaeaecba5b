import type { Io } from "./io.ts";

/** What every command gets: where to write, and where to leave its exit status. */
export interface Context {
  io: Io;
  exitCode: number;
}
