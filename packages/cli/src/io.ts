/** Where a command writes: the process's streams, or buffers in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The working directory that relative paths and the catalogue search start from. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal: progress is then a bar redrawn in place, else plain lines. */
  errIsTTY?: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // Package scripts run at the workspace root; INIT_CWD is where the user typed `pnpm zoo …`.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
  errIsTTY: process.stderr.isTTY === true,
};
