import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runZoo } from "../testing/run-zoo.ts";

const CHECKOUT = fileURLToPath(new URL("../../../..", import.meta.url));
const LM_EVAL = fileURLToPath(
  new URL("../../../runner/fixtures/lm-eval/results_mmlu_truthfulqa.json", import.meta.url),
);

describe("zoo results import and export", () => {
  it("imports lm-evaluation-harness's results as records, and exports them back", async () => {
    const output = await mkdtemp(join(tmpdir(), "zoo-import-"));
    const imported = await runZoo(
      ["results", "import", LM_EVAL, "--model", "gpt-2-124m", "--output", output],
      CHECKOUT,
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.err).toBe("skipped tasks zoo has no suite for: gsm8k\n");
    const files = (await readdir(join(output, "gpt-2-124m"))).sort();
    expect(files).toEqual(
      expect.arrayContaining([expect.stringMatching(/^mmlu-\dshot/), expect.stringMatching(/^truthfulqa_mc2-/)]),
    );
    expect(imported.out.split("\n").filter(Boolean)).toHaveLength(files.length);

    const exported = await runZoo(
      ["results", "export", ...files.map((file) => join(output, "gpt-2-124m", file))],
      CHECKOUT,
    );
    expect(exported.code, exported.err).toBe(0);
    const lmEval = JSON.parse(exported.out) as { results: Record<string, Record<string, unknown>> };
    const original = JSON.parse(await readFile(LM_EVAL, "utf8")) as typeof lmEval;
    for (const task of ["mmlu", "truthfulqa_mc2", "arithmetic_2da"])
      expect(lmEval.results[task]!["acc,none"], task).toBe(original.results[task]!["acc,none"]);
  });

  it("says in one line what is wrong with a file it cannot read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-import-"));
    await writeFile(join(dir, "broken.json"), "{");
    await writeFile(join(dir, "other.json"), JSON.stringify({ results: { gsm8k: { alias: "gsm8k" } } }));
    const broken = await runZoo(["results", "import", "broken.json", "--label", "m"], dir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^zoo: broken\.json: not valid JSON: /);
    expect((await runZoo(["results", "import", "missing.json", "--label", "m"], dir)).err).toBe(
      "zoo: missing.json: cannot read it (ENOENT)\n",
    );
    const other = await runZoo(["results", "import", "other.json", "--label", "m", "--output", dir], dir);
    expect(other.code).toBe(1);
    expect(other.err.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it.each([
    [
      ["--model", "gpt2"],
      1,
      'zoo: no model "gpt2" in the catalogue (did you mean "gpt-2-124m"?): name a catalogue id, or use --label for a model the catalogue does not list\n',
    ],
    [[], 2, "zoo: name the model with --model (a catalogue id) or --label (a model the catalogue lacks)\n"],
    [
      ["--label", "My Model"],
      2,
      "zoo: option '--label <name>' argument 'My Model' is invalid. expected lower-case letters, digits, '.', '-' or '_', such as my-model-7b\n",
    ],
  ])("refuses %j in one line", async (args, code, err) => {
    expect(await runZoo(["results", "import", LM_EVAL, ...args], CHECKOUT)).toEqual({ code, out: "", err });
  });
});
