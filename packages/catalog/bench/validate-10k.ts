// Generates a synthetic catalogue of 10,000 model entries in a temp folder and times `checkCatalog` on it: the
// figure the README quotes. Run with `pnpm --filter @zoo/catalog bench [count]`.
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCatalog } from "../src/index.ts";

const count = Number(process.argv[2] ?? 10_000);
const fixture = fileURLToPath(new URL("../fixtures/catalog", import.meta.url));

function syntheticEntry(index: number): string {
  const id = `synthetic-${index}`;
  return `# yaml-language-server: $schema=../schema/model.json
id: ${id}
name: Synthetic ${index}
organization: ${index % 2 === 0 ? "acme" : "lab"}
family: synthetic-${index % 50}
released: 20${String(10 + (index % 14)).padStart(2, "0")}-0${1 + (index % 9)}-1${index % 9}
description: A synthetic entry generated to time the catalogue loader.
modalities:
  input: [text]
  output: [text]
kind: ${index % 3 === 0 ? "base" : "chat"}
${index % 3 === 0 ? "" : "base_model: [synthetic-0]\n"}parameters:
  total: ${1 + (index % 70)}B
context_length: ${2048 * (1 + (index % 8))}
training_tokens: ${1 + (index % 15)}T
license: ${index % 4 === 0 ? "CC-BY-NC-4.0" : "Apache-2.0"}
architecture:
  type: decoder-only
  attention: [gqa]
  positional_encoding: rope
  norm: rmsnorm
  tokenizer: { kind: sentencepiece-bpe, vocab_size: 32000 }
  layers: 32
  hidden_size: 4096
  heads: 32
  kv_heads: 8
openness:
  weights: open
  inference_code: open
  training_code: closed
  training_data: described
access: open-weights
links:
  huggingface: synthetic/${id}
sources:
  - url: https://example.org/${id}
    facts: [released, parameters, context_length, training_tokens, license, architecture, openness${index % 3 === 0 ? "" : ", base_model"}]
reported:
  - benchmark: mmlu
    value: ${(25 + (index % 60)).toFixed(1)}
    shots: 5
    source: https://example.org/${id}/scores
    date: 2024-01
`;
}

const dir = await mkdtemp(join(tmpdir(), "zoo-bench-"));
try {
  await cp(fixture, dir, { recursive: true });
  for (let index = 0; index < count; index += 1)
    await writeFile(join(dir, "models", `synthetic-${index}.yaml`), syntheticEntry(index));

  const started = performance.now();
  const { problems, files } = await checkCatalog(dir);
  const seconds = (performance.now() - started) / 1000;

  if (problems.length > 0)
    throw new Error(`the synthetic catalogue should be valid, found ${problems.length} problems`);
  console.log(
    `validated ${files.models} model entries (${Object.values(files).reduce((a, b) => a + b, 0)} files) in ${seconds.toFixed(2)} s`,
  );
  console.log(
    `${Math.round(files.models / seconds).toLocaleString("en-US")} entries/s; target: 10,000 entries under 2 s`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
