#!/usr/bin/env node
// The zoo command runs its TypeScript sources directly: tsx compiles them on load, so there is no build step.
import { register } from "tsx/esm/api";

// A reader that stops early (`zoo catalog list | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main, processIo } = await import("../src/main.ts");
// Exit as soon as the command is done: a request still queued in a library (a DNS lookup, a socket) must not keep
// the process alive after its one-line answer.
process.exit(await main(process.argv.slice(2), processIo));
