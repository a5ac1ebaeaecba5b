import { describe, expect, it } from "vitest";
import { memoryFiles, type FileSource } from "./file-source.ts";
import { MMLU_SUBJECTS } from "./mmlu-subjects.ts";
import type { SuiteIo } from "./suite-options.ts";
import { loadSuiteRun } from "./suite-registry.ts";

const io = (files: FileSource): SuiteIo => ({ files, samplesDir: "samples", suitesDir: "suites" });

/** A complete local MMLU copy (one test and five dev questions a subject) with some files replaced. */
function mmluCopy(replace: Record<string, string> = {}): FileSource {
  const files: Record<string, string> = {};
  for (const subject of MMLU_SUBJECTS) {
    files[`mmlu/data/test/${subject}_test.csv`] = "Which is right?,a,b,c,d,A\n";
    files[`mmlu/data/dev/${subject}_dev.csv`] = "Example?,a,b,c,d,B\n".repeat(5);
  }
  for (const [path, content] of Object.entries(replace)) {
    if (content === "") delete files[path];
    else files[path] = content;
  }
  return memoryFiles(files);
}

const loadMmlu = (files: FileSource, dir = "mmlu") =>
  loadSuiteRun("mmlu", { io: io(files), data: { kind: "local", dir } });

describe("a local MMLU copy with bad data is reported by file and line", () => {
  it("loads a good copy, from the folder holding data/ or from data/ itself", async () => {
    expect((await loadMmlu(mmluCopy())).documents).toHaveLength(57);
    expect((await loadMmlu(mmluCopy(), "mmlu/data")).documents).toHaveLength(57);
  });

  it.each([
    [
      "data/test/anatomy_test.csv",
      "Q?,a,b,c,d,A\nWhich?,a,b,c,A\n",
      "mmlu/data/test/anatomy_test.csv:2: expected 6 fields (question, choices A–D, answer letter), found 5",
    ],
    [
      "data/test/anatomy_test.csv",
      "Q?,a,b,c,d,E\n",
      'mmlu/data/test/anatomy_test.csv:1: expected the answer letter A, B, C or D, found "E"',
    ],
    [
      "data/dev/virology_dev.csv",
      "Q?,a,b,c,d,b\n",
      'mmlu/data/dev/virology_dev.csv:1: expected the answer letter A, B, C or D, found "b"',
    ],
    [
      "data/test/anatomy_test.csv",
      ",a,b,c,d,A\n",
      "mmlu/data/test/anatomy_test.csv:1: expected the question as text, found an empty string",
    ],
    [
      "data/test/anatomy_test.csv",
      'Q?,"a,b,c,d,A\n',
      "mmlu/data/test/anatomy_test.csv:1: a quoted field opened here never closes",
    ],
    [
      "data/test/virology_test.csv",
      "",
      "mmlu/data/test/virology_test.csv: no such file (mmlu asks 57 subjects: data/test and data/dev files for each; this copy lacks 1)",
    ],
    ["data/dev/virology_dev.csv", "", "mmlu/data/dev/virology_dev.csv: no such file"],
  ])("%s: %j", async (file, content, message) => {
    await expect(loadMmlu(mmluCopy({ [`mmlu/${file}`]: content }))).rejects.toThrow(message);
  });

  it("refuses an empty data file, naming it, rather than reading a subject without questions", async () => {
    const copy = mmluCopy();
    const emptied: FileSource = {
      read: async (path) => (path.endsWith("test/virology_test.csv") ? new Uint8Array() : copy.read(path)),
    };
    await expect(loadMmlu(emptied)).rejects.toThrow("mmlu/data/test/virology_test.csv: empty file");
  });

  it("runs a subject or a category from a copy that holds only what it asks, and refuses more in one line", async () => {
    const twoSubjects = memoryFiles(
      Object.fromEntries(
        ["abstract_algebra", "anatomy"].flatMap((subject) => [
          [`mmlu/data/test/${subject}_test.csv`, "Which is right?,a,b,c,d,A\n"],
          [`mmlu/data/dev/${subject}_dev.csv`, "Example?,a,b,c,d,B\n".repeat(5)],
        ]),
      ),
    );
    const run = (suite: string, files: FileSource) =>
      loadSuiteRun(suite, { io: io(files), data: { kind: "local", dir: "mmlu" } });
    const algebra = await run("mmlu_abstract_algebra", twoSubjects);
    expect(algebra.id).toBe("mmlu_abstract_algebra");
    expect(algebra.documents.map((document) => document.group)).toEqual(["abstract_algebra"]);
    expect((await run("mmlu_anatomy_generative", twoSubjects)).documents[0]!.requests[0]).toMatchObject({
      type: "generation",
      until: ["</s>", "\n"],
    });
    await expect(run("mmlu", twoSubjects)).rejects.toThrow(
      "mmlu/data/test/astronomy_test.csv: no such file (mmlu asks 57 subjects: data/test and data/dev files for each; this copy lacks 55)",
    );
    await expect(run("mmlu_stem", twoSubjects)).rejects.toThrow(
      "mmlu/data/test/astronomy_test.csv: no such file (mmlu_stem asks 19 subjects: data/test and data/dev files for each; this copy lacks 17)",
    );
    const stem = await run("mmlu_stem", mmluCopy());
    expect(new Set(stem.documents.map((document) => document.group)).size).toBe(19);
  });

  it("names a folder that holds no MMLU at all", async () => {
    await expect(loadMmlu(memoryFiles({ "elsewhere/x.csv": "" }))).rejects.toThrow(
      "mmlu: no MMLU copy here: expected data/test/<subject>_test.csv and data/dev/<subject>_dev.csv for the subjects asked",
    );
  });

  it("names a subject with too few dev questions for the shots asked", async () => {
    await expect(loadMmlu(mmluCopy({ "mmlu/data/dev/anatomy_dev.csv": "Example?,a,b,c,d,B\n" }))).rejects.toThrow(
      "mmlu: 5-shot needs 5 few-shot examples for anatomy, the data has 1",
    );
  });
});

describe("a local TruthfulQA copy with bad data is reported by file and line", () => {
  const header = "Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\n";
  const load = (suite: string, files: Record<string, string>) =>
    loadSuiteRun(suite, { io: io(memoryFiles(files)), data: { kind: "local", dir: "tqa" } });
  const mc = (targets: string) =>
    `[\n  {"question": "Q?", "mc1_targets": ${targets}, "mc2_targets": {"a": 1, "b": 0}}\n]`;

  it.each([
    [
      "truthfulqa_gen",
      { "tqa/TruthfulQA.csv": "Type,Category,Question,Best Answer,Correct,Incorrect Answers\nA,B,Q?,x,y,z\n" },
      'tqa/TruthfulQA.csv:1: no "Correct Answers" column (the header has "Type", "Category", "Question", "Best Answer", "Correct", "Incorrect Answers")',
    ],
    [
      "truthfulqa_gen",
      { "tqa/TruthfulQA.csv": `${header}A,B,,x,y,z,s\n` },
      "tqa/TruthfulQA.csv:2: expected the question as text, found an empty string",
    ],
    [
      "truthfulqa_gen",
      { "tqa/TruthfulQA.csv": `${header}A,B,Q?,x,y,; ;,s\n` },
      "tqa/TruthfulQA.csv:2: no incorrect answers to score against",
    ],
    ["truthfulqa_gen", {}, "tqa/TruthfulQA.csv: no such file"],
    ["truthfulqa_mc1", { "tqa/data/mc_task.json": mc("{}") }, "tqa/data/mc_task.json:2: mc1_targets has no choices"],
    [
      "truthfulqa_mc1",
      { "tqa/data/mc_task.json": mc('{"a": "yes", "b": 0}') },
      'tqa/data/mc_task.json:2: mc1_targets choice 1 has the label "yes", not 0 or 1',
    ],
    [
      "truthfulqa_mc1",
      { "tqa/data/mc_task.json": mc('{"a": 0, "b": 1}') },
      "tqa/data/mc_task.json:2: mc1_targets must list its one true answer first",
    ],
    [
      "truthfulqa_mc2",
      { "tqa/mc_task.json": '[\n  {"question": 7}\n]' },
      "tqa/mc_task.json:2: expected the question as text, found 7",
    ],
    [
      "truthfulqa_mc2",
      { "tqa/data/mc_task.json": '[\n  {"question": "Q?",\n' },
      /^tqa\/data\/mc_task\.json(:\d+)?: not valid JSON/,
    ],
    ["truthfulqa_mc2", {}, "tqa/data/mc_task.json: no such file"],
  ])("%s %j", async (suite, files, message) => {
    await expect(load(suite, files)).rejects.toThrow(message);
  });
});

describe("local arithmetic files with bad data are reported by file and line", () => {
  it.each([
    [
      '{"context": "Q: What is 1 plus 1?\\n\\nA:", "completion": " 2"}\n{"context": "Q: What is 2 plus 2?"}\n',
      'arith/two_digit_addition.jsonl:2: expected "completion" as text, found nothing',
    ],
    ['{"context": 5, "completion": " 2"}\n', 'arith/two_digit_addition.jsonl:1: expected "context" as text, found 5'],
    ["\n{not json}\n", /^arith\/two_digit_addition\.jsonl:2: not valid JSON/],
  ])("%j", async (content, message) => {
    const files = memoryFiles({ "arith/two_digit_addition.jsonl": content });
    await expect(
      loadSuiteRun("arithmetic_2da", { io: io(files), data: { kind: "local", dir: "arith" } }),
    ).rejects.toThrow(message);
  });

  it("reads the original files from a folder or its data/ folder", async () => {
    const line = '{"context": "Q: What is 1 plus 1?\\n\\nA:", "completion": " 2"}\n';
    for (const path of ["arith/two_digit_addition.jsonl", "arith/data/two_digit_addition.jsonl"]) {
      const run = await loadSuiteRun("arithmetic_2da", {
        io: io(memoryFiles({ [path]: line })),
        data: { kind: "local", dir: "arith" },
      });
      expect(run.documents[0]!.requests[0]).toMatchObject({
        context: "Question: What is 1 plus 1?\nAnswer:",
        continuation: " 2",
      });
    }
  });
});
