import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { ResultRecord } from "@zoo/suites";

/**
 * A record's file name: one per suite, shot count, data kind and prompt framing (chat template, system
 * instruction), marked when limited or a shard. The same in Node (`zoo bench`) and a browser (the /run/ page).
 */
export function resultFileName(record: ResultRecord): string {
  const { prompt } = record;
  const parts = [
    record.suite.id,
    ...(record.suite.dataset.sample ? ["sample"] : []),
    `${record.shots}shot`,
    ...(prompt?.chat_template ? [prompt.fewshot_as_multiturn ? "chat-multiturn" : "chat"] : []),
    ...(prompt?.system_instruction
      ? [`system-${bytesToHex(sha256(utf8ToBytes(prompt.system_instruction))).slice(0, 8)}`]
      : []),
    ...(record.limit === null ? [] : [`limit${record.limit}`]),
    ...(record.shard ? [`shard${record.shard.index}of${record.shard.count}`] : []),
  ];
  return `${parts.join("-")}.json`;
}
