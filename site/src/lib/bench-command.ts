import type { ResultRecord } from "@zoo/suites";

/** Quotes a word for a POSIX shell only when it needs it, so the usual command reads plainly. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `pnpm bench` command that reproduces a run: the model, suite and shots it ran with, and every setting the
 * record shows was chosen (sample data, limit, dtype, device, shard). A browser run is reproduced in Node: on the CPU
 * for WebAssembly, on WebGPU for WebGPU.
 */
export function benchCommand(record: ResultRecord): string {
  const flags: [string, string | number | undefined | null][] = [
    ["--model", record.model.id],
    ["--suite", record.suite.id],
    ["--shots", record.shots],
    ["--sample", record.suite.dataset.sample ? "" : undefined],
    ["--limit", record.limit],
    ["--dtype", record.model.dtype],
    // A browser's WebAssembly runs on the CPU, zoo bench's default; wasm is no device of onnxruntime-node.
    [
      "--device",
      record.environment.browser !== undefined && record.model.device === "wasm" ? undefined : record.model.device,
    ],
    ["--shard", record.shard && `${record.shard.index}/${record.shard.count}`],
  ];
  const words = flags.flatMap(([flag, value]) =>
    value === undefined || value === null ? [] : value === "" ? [flag] : [flag, shellWord(String(value))],
  );
  return ["pnpm", "bench", ...words].join(" ");
}

/** How a run can be made again: zoo's command, or for a result imported from lm-evaluation-harness, what ran it. */
export function reproduction(record: ResultRecord): { kind: "command" | "imported"; text: string } {
  const origin = record.imported_from;
  if (origin === undefined) return { kind: "command", text: benchCommand(record) };
  const args = origin.model_args ? ` (${origin.model_args})` : "";
  return {
    kind: "imported",
    text: `lm-evaluation-harness${origin.version ? ` ${origin.version}` : ""}, model ${origin.model_type}${args}, task ${origin.task}`,
  };
}
