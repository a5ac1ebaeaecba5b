import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resultRecordSchema, type ResultRecord } from "@zoo/suites";
import { startFakeApi } from "@zoo/runner/testing";
import { describe, expect, it } from "vitest";
import { CHECKOUT, runZoo } from "../testing/run-zoo.ts";

const temp = (name: string) => mkdtemp(join(tmpdir(), `zoo-chat-${name}-`));
const RUNNER_GOLDEN = fileURLToPath(new URL("../../../runner/src/golden/", import.meta.url));
const KEY = "sk-test-chat";

describe("zoo requests with a chat template", () => {
  it("prints the prompts rendered by the model's template, byte for byte as the reference renders them", async () => {
    const args = ["requests", "--suite", "mmlu", "--sample", "--model", "zoo:tiny-lm"];
    const rendered = await runZoo([...args, "--apply-chat-template", "llama-3"], CHECKOUT);
    expect(rendered.code, rendered.err).toBe(0);
    expect(rendered.out).toBe(await readFile(join(RUNNER_GOLDEN, "mmlu-chat-llama-3.jsonl"), "utf8"));
    const instructed = await runZoo(
      [
        ...args,
        ...["--apply-chat-template", "gemma", "--fewshot-as-multiturn"],
        ...["--system-instruction", "Answer with the letter of the right choice."],
      ],
      CHECKOUT,
    );
    expect(instructed.out).toBe(await readFile(join(RUNNER_GOLDEN, "mmlu-chat-gemma-system-multiturn.jsonl"), "utf8"));
  });

  it("prints the chat turns themselves without a model", async () => {
    const result = await runZoo(
      ["requests", "--suite", "mmlu_generative", "--sample", "--shots", "1", "--apply-chat-template"],
      CHECKOUT,
    );
    const first = JSON.parse(result.out.split("\n")[0]!);
    expect(first).toEqual({
      doc_id: 0,
      type: "generation",
      messages: [
        { role: "system", content: "The following are multiple choice questions (with answers) about astronomy.\n\n" },
        {
          role: "user",
          content: expect.stringMatching(/^Which planet is closest to the Sun\?\n.*Answer: B\n\n.*Answer:$/s),
        },
      ],
      until: ["</s>", "\n"],
      max_tokens: 256,
    });
  });

  it.each([
    [["--fewshot-as-multiturn"], 2, "zoo: --fewshot-as-multiturn needs --apply-chat-template"],
    [["--model", "zoo:tiny-lm"], 2, "zoo: --model renders chat templates: give it with --apply-chat-template"],
    [
      ["--model", "zoo:tiny-lm", "--apply-chat-template", "zephyr"],
      1,
      'zoo: tiny-lm has no chat template named "zephyr"; it has "default", "llama-3", "gemma"',
    ],
  ])("refuses %j in one line", async (args, code, err) => {
    expect(await runZoo(["requests", "--suite", "mmlu", "--sample", ...args], CHECKOUT)).toEqual({
      code,
      out: "",
      err: `${err}\n`,
    });
  });
});

/** Scripted answers to mmlu_generative's sample, by the text of the last user turn: what each document asks. */
async function replies(): Promise<Record<string, string>> {
  const result = await runZoo(
    ["requests", "--suite", "mmlu_generative", "--sample", "--apply-chat-template", "--fewshot-as-multiturn"],
    CHECKOUT,
  );
  const questions = result.out
    .trimEnd()
    .split("\n")
    .map((line) => (JSON.parse(line) as { messages: { content: string }[] }).messages.at(-1)!.content);
  // Letters bare, decorated and lower-case, an explanation, a letter on a second line, nothing, and not a letter.
  const answers = [" B", "C.", "b\n", "The answer is A", "\nD", "", "A", "x", "B", "C"];
  return Object.fromEntries(questions.map((question, index) => [question, answers[index]!]));
}

describe("mmlu_generative on chat APIs, through their chat turns", () => {
  it.each(["openai", "anthropic"] as const)(
    "%s: sends the turns, survives faults, and scores the replies exactly as lm-evaluation-harness's filters do",
    async (provider) => {
      const server = await startFakeApi({ apiKey: KEY, replies: await replies() });
      const path = provider === "openai" ? "/v1/chat/completions" : "/v1/messages";
      server.fail(path, { status: provider === "openai" ? 500 : 529 }, "malformed");
      try {
        const output = await temp("out");
        const result = await runZoo(
          [
            "bench",
            ...[
              "--model",
              `${provider}:chat-test`,
              "--base-url",
              provider === "openai" ? `${server.url}/v1` : server.url,
            ],
            ...["--suite", "mmlu_generative", "--sample", "--apply-chat-template", "--fewshot-as-multiturn"],
            ...["--timeout", "1", "--output", output],
          ],
          CHECKOUT,
          { [provider === "openai" ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY"]: KEY },
        );
        expect(result.code, result.err).toBe(0);
        const [file] = await readdir(join(output, `${provider}--chat-test`));
        expect(file).toBe("mmlu_generative-sample-5shot-chat-multiturn.json");
        const record: ResultRecord = resultRecordSchema.parse(
          JSON.parse(await readFile(join(output, `${provider}--chat-test`, file!), "utf8")),
        );
        expect(record.suite.dataset.sample).toBe(true);
        expect(record.prompt).toEqual({ system_instruction: null, chat_template: "api", fewshot_as_multiturn: true });
        // Against the sample's letters B B C A B B C B B B, once filtered: " B" and "B" match; "C." and "C" are
        // wrong letters; "b\n" is B against C; "The answer is A" is not a letter; "\nD" and "" are empty; "A" is
        // wrong; "x" is not a letter. Two of ten, with the subjects' standard errors pooled as for MMLU.
        expect(record.metrics.exact_match).toEqual({ value: 0.2, stderr: expect.closeTo(0.13944, 5) });
        expect(record.usage!.input_tokens).toBeGreaterThan(0);
        expect(result.out).toMatch(/tokens: [\d,]+ in, [\d,]+ out \(no price in the catalogue entry\)/);
        const sent = server.requests.filter((request) => request.path === path).at(-1)!.body as {
          messages: { role: string }[];
          system?: string;
        };
        // Five examples as user and assistant turns, then the question; the description as the system prompt.
        const roles = sent.messages.map(({ role }) => role);
        if (provider === "anthropic") {
          expect(sent.system).toMatch(/^The following are multiple choice questions/);
          expect(roles).toEqual([...Array(5).fill(["user", "assistant"]).flat(), "user"]);
        } else expect(roles).toEqual(["system", ...Array(5).fill(["user", "assistant"]).flat(), "user"]);
      } finally {
        await server.close();
      }
    },
  );
});

describe("zoo bench with a chat template", () => {
  it("renders a local model's transcripts with its template and files the record apart", async () => {
    const output = await temp("local");
    const args = ["bench", "--suite", "mmlu", "--output", output, "--apply-chat-template", "llama-3"];
    const result = await runZoo(args, CHECKOUT);
    expect(result.code, result.err).toBe(0);
    expect(await readdir(join(output, "zoo--tiny-lm"))).toEqual(["mmlu-sample-5shot-chat.json"]);
    const record = resultRecordSchema.parse(
      JSON.parse(await readFile(join(output, "zoo--tiny-lm", "mmlu-sample-5shot-chat.json"), "utf8")),
    );
    expect(record.prompt).toEqual({ system_instruction: null, chat_template: "llama-3", fewshot_as_multiturn: false });
    expect(record.usage).toBeUndefined();
  });

  it("prints an API run's cost at the price its catalogue entry states", async () => {
    const server = await startFakeApi({ apiKey: KEY, replies: await replies() });
    try {
      const result = await runZoo(
        [
          "bench",
          ...["--model", "claude-haiku-4.5", "--base-url", server.url, "--suite", "mmlu_generative", "--sample"],
          ...["--apply-chat-template", "--output", await temp("priced")],
        ],
        CHECKOUT,
        { ANTHROPIC_API_KEY: KEY },
      );
      expect(result.code, result.err).toBe(0);
      const [, input, output] = /tokens: ([\d,]+) in, ([\d,]+) out/
        .exec(result.out)!
        .map((n) => Number(n.replaceAll(",", "")));
      const dollars = ((input! * 1 + output! * 5) / 1e6).toFixed(2);
      expect(result.out).toContain(
        `about $${dollars} at $1/$5 per million (https://platform.claude.com/docs/pt-BR/models/haiku-4-5/overview.md, 2026-12)`,
      );
    } finally {
      await server.close();
    }
  });
});
