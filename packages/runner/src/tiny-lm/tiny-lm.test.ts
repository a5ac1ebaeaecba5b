import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AutoTokenizer } from "@huggingface/transformers";
import { describe, expect, it } from "vitest";
import { tinyLmFixture } from "../testing/tiny-lm-fixture.ts";
import { tinyLmVocabulary } from "./tiny-lm-tokenizer.ts";
import { writeTinyLm } from "./tiny-lm.ts";

const BASE_SIZE = tinyLmVocabulary().length;
const TEXT =
  "The following are multiple choice questions (with answers) about the world.\n\n" +
  "What is 2+2? [unused0] [unused767] unused0 ##unused1 Zebra-crossing, naïve café!\nAnswer: B";

const folder = async (name: string) => join(await mkdtemp(join(tmpdir(), "zoo-tiny-lm-test-")), name);
const readJson = async (dir: string, file: string) => JSON.parse(await readFile(join(dir, file), "utf8"));

describe("writeTinyLm with a vocabulary size", () => {
  it("pads the vocabulary with placeholders, and config.json, tokenizer.json and the weights follow", async () => {
    const lm = await writeTinyLm(await folder("padded"), { vocabSize: 1000 });
    expect(lm.vocabulary).toHaveLength(1000);
    expect(lm.vocabulary.slice(0, BASE_SIZE)).toEqual(tinyLmVocabulary());
    expect(lm.vocabulary.slice(BASE_SIZE, BASE_SIZE + 2)).toEqual(["[unused0]", "[unused1]"]);
    expect((await readJson(lm.dir, "config.json")).vocab_size).toBe(1000);
    expect(Object.keys((await readJson(lm.dir, "tokenizer.json")).model.vocab)).toHaveLength(1000);
    expect(lm.weights.shape.vocabSize).toBe(1000);
    expect(lm.weights.tokenEmbedding).toHaveLength(1000 * lm.weights.shape.hidden);
    expect(lm.weights.unembedding).toHaveLength(1000 * lm.weights.shape.hidden);
  });

  it("encodes text to the same ids as the unpadded model, never to a placeholder", async () => {
    const padded = await AutoTokenizer.from_pretrained(
      (await writeTinyLm(await folder("padded"), { vocabSize: 1000 })).dir,
    );
    const { tokenizer } = await tinyLmFixture();
    const ids = padded.encode(TEXT, { add_special_tokens: false });
    expect(ids).toEqual(tokenizer.encode(TEXT, { add_special_tokens: false }));
    expect(Math.max(...ids)).toBeLessThan(BASE_SIZE);
  });

  it("writes the default model byte for byte when the size is the tiny LM's own", async () => {
    const plain = await writeTinyLm(await folder("plain"));
    const same = await writeTinyLm(await folder("same"), { vocabSize: BASE_SIZE });
    const files = async (dir: string) => (await readdir(dir, { recursive: true })).sort();
    expect(await files(same.dir)).toEqual(await files(plain.dir));
    for (const file of ["config.json", "tokenizer.json", join("onnx", "model.onnx")])
      expect(await readFile(join(same.dir, file))).toEqual(await readFile(join(plain.dir, file)));
  });

  it("refuses a size smaller than the tiny LM's own vocabulary", async () => {
    await expect(writeTinyLm(await folder("small"), { vocabSize: 100 })).rejects.toThrow(
      `vocabulary size 100 is smaller than the tiny LM's own vocabulary of ${BASE_SIZE} tokens`,
    );
  });
});
