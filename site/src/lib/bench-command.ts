import type { ResultRecord } from "@zoo/suites";

/** Quotes a word for a POSIX shell only when it needs it, so the usual command reads plainly. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `pnpm bench` command that reproduces a run: the model, suite and shots it ran with, and every setting the
 * record shows was chosen (limit, dtype, device, shard).
 */
export function benchCommand(record: ResultRecord): string {
  const flags: [string, string | number | undefined | null][] = [
    ["--model", record.model.id],
    ["--suite", record.suite.id],
    ["--shots", record.shots],
    ["--limit", record.limit],
    ["--dtype", record.model.dtype],
    ["--device", record.model.device],
    ["--shard", record.shard && `${record.shard.index}/${record.shard.count}`],
  ];
  const words = flags.flatMap(([flag, value]) =>
    value === undefined || value === null ? [] : [flag, shellWord(String(value))],
  );
  return ["pnpm", "bench", ...words].join(" ");
}
