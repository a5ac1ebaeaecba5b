import { describe, expect, it } from "vitest";
import { memoryFiles } from "./file-source.ts";
import { nodeSuiteIo } from "./node-io.ts";
import type { LoglikelihoodResponse } from "./request.ts";
import { expandSuites, listSuites, loadSuiteRun, SUITE_GROUPS, UnknownSuiteError } from "./suite-registry.ts";
import type { SuiteIo } from "./suite-options.ts";

const ll = (...logprobs: number[]): LoglikelihoodResponse[] =>
  logprobs.map((logprob) => ({ logprob, isGreedy: false }));

describe("the custom suites in benchmarks/suites", () => {
  it("capitals: a multiple-choice suite with few-shot examples from its own file", async () => {
    const run = await loadSuiteRun("capitals", { io: nodeSuiteIo() });
    expect(run.shots).toBe(2);
    expect(run.dataset).toMatchObject({ id: "../samples/capitals/test.jsonl", revision: null, sample: true });
    expect(
      run.documents[0]!.requests.map((request) => request.type === "loglikelihood" && request.continuation),
    ).toEqual([" Toronto", " Ottawa", " Vancouver", " Montreal"]);
    expect(run.documents[0]!.requests[0]!.context).toBe(
      "The following are questions about capital cities.\n\n" +
        "Question: What is the capital of Japan?\nAnswer: Tokyo\n\n" +
        "Question: What is the capital of Kenya?\nAnswer: Nairobi\n\n" +
        "Question: What is the capital of Canada?\nAnswer:",
    );
    // acc takes the raw argmax, Ottawa (−6); acc_norm divides by length in characters: Vancouver −6.3/9 beats −6/6.
    expect(run.score(run.documents[0]!, ll(-10, -6, -6.3, -10))).toEqual({ acc: 1, acc_norm: 0 });
    expect(run.chance).toBe(0.25);
    expect((await loadSuiteRun("capitals", { io: nodeSuiteIo(), shots: 0 })).documents[2]!.requests[0]!.context).toBe(
      "The following are questions about capital cities.\n\nQuestion: What is the capital of Brazil?\nAnswer:",
    );
  });

  it("unit_conversions: a generation suite over CSV with exact-match options", async () => {
    const run = await loadSuiteRun("unit_conversions", { io: nodeSuiteIo() });
    expect(run.documents[2]!.requests).toEqual([
      {
        type: "generation",
        docId: 2,
        index: 0,
        context: "Q: How many grams are in 1.5 kilograms?\nA:",
        until: ["\n"],
        maxTokens: 16,
      },
    ]);
    expect(run.score(run.documents[0]!, [{ text: " 3000." }])).toEqual({ exact_match: 1 });
    expect(run.score(run.documents[0]!, [{ text: " 3000 metres" }])).toEqual({ exact_match: 0 });
    expect(run.primaryMetric).toBe("exact_match");
    expect(run.chance).toBeUndefined();
  });

  it("are listed after the built-in suites", async () => {
    const suites = await listSuites(nodeSuiteIo());
    expect(
      suites.slice(-2).map(({ id, outputType, file }) => [id, outputType, file?.split("/").slice(-2).join("/")]),
    ).toEqual([
      ["capitals", "multiple_choice", "suites/capitals.yaml"],
      ["unit_conversions", "generate_until", "suites/unit_conversions.yaml"],
    ]);
  });
});

describe("suite groups and names", () => {
  it("expands groups in order, each suite once", async () => {
    expect(await expandSuites(["arithmetic", "arithmetic_2da", "mmlu"])).toEqual([...SUITE_GROUPS.arithmetic!, "mmlu"]);
    expect(SUITE_GROUPS.leaderboard).toEqual([
      "mmlu",
      "truthfulqa_mc1",
      "truthfulqa_mc2",
      ...["1dc", "2da", "2ds", "2dm", "3da", "3ds", "4da", "4ds", "5da", "5ds"].map((task) => `arithmetic_${task}`),
    ]);
  });

  it("reports an unknown name with what is known", async () => {
    const error = await loadSuiteRun("mmlu_pro", { io: nodeSuiteIo() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownSuiteError);
    expect((error as UnknownSuiteError).message).toBe('no suite or suite group "mmlu_pro"');
    expect((error as UnknownSuiteError).known).toContain("capitals");
    await expect(loadSuiteRun("arithmetic", { io: nodeSuiteIo() })).rejects.toThrow(
      "arithmetic is a group of suites (arithmetic_1dc, arithmetic_2da, arithmetic_2ds, arithmetic_2dm, arithmetic_3da, arithmetic_3ds, arithmetic_4da, arithmetic_4ds, arithmetic_5da, arithmetic_5ds): name one",
    );
  });

  it("refuses shots and data sources a suite does not take", async () => {
    await expect(loadSuiteRun("mmlu", { io: nodeSuiteIo(), shots: 6, data: { kind: "sample" } })).rejects.toThrow(
      "mmlu takes 0 to 5 shots, not 6",
    );
    await expect(loadSuiteRun("truthfulqa_mc2", { io: nodeSuiteIo(), shots: 1 })).rejects.toThrow(
      "truthfulqa_mc2 is 0-shot, as lm-evaluation-harness runs it",
    );
    await expect(loadSuiteRun("mmlu", { io: nodeSuiteIo(), data: { kind: "generated" } })).rejects.toThrow(
      "mmlu takes its data from hub, local, sample, not generated",
    );
    await expect(loadSuiteRun("capitals", { io: nodeSuiteIo(), data: { kind: "sample" } })).rejects.toThrow(
      "capitals reads the file its YAML names (../samples/capitals/test.jsonl): it takes no data source",
    );
  });
});

describe("bad custom suites are reported by file and line", () => {
  const suite = (yaml: string, data: Record<string, string> = {}): SuiteIo => ({
    files: memoryFiles({ "suites/quiz.yaml": yaml, ...data }),
    samplesDir: "samples",
    suitesDir: "suites",
  });
  const base = [
    "task: quiz",
    "output_type: multiple_choice",
    "dataset:",
    "  path: quiz.jsonl",
    'doc_to_text: "{{question}}"',
    'doc_to_choice: "{{choices}}"',
    "doc_to_target: answer",
  ];
  const quiz = (lines: string[], data = '{"question": "Q?", "choices": ["a", "b"], "answer": 1}\n') =>
    loadSuiteRun("quiz", { io: suite(lines.join("\n"), { "suites/quiz.jsonl": data }) });

  it("loads a good one", async () => {
    expect((await quiz(base)).documents[0]!.requests).toHaveLength(2);
  });

  it.each([
    [[...base, "doc_to_txet: x"], "suites/quiz.yaml:1: unknown key doc_to_txet"],
    [
      [...base.slice(0, 1), "output_type: ranking", ...base.slice(2)],
      'suites/quiz.yaml:2: output_type: Invalid option: expected one of "multiple_choice"|"loglikelihood"|"generate_until"',
    ],
    [
      base.map((line) => line.replace("quiz.jsonl", "quiz.txt")),
      "suites/quiz.yaml:4: dataset.path: expected a .jsonl or .csv file",
    ],
    [
      base.map((line) => line.replace("task: quiz", "task: other")),
      'suites/quiz.yaml: task is "other" but the file is named quiz.yaml',
    ],
    [[...base, "  - broken: [yaml"], /^suites\/quiz\.yaml:7: /],
    [base.map((line) => line.replace("{{question}}", "{{ question( }}")), /^doc_to_text: not a valid Jinja template/],
  ])("%j", async (lines, message) => {
    await expect(quiz(lines)).rejects.toThrow(message);
  });

  it.each([
    [
      '{"question": "Q?", "choices": ["a", "b"], "answer": 1}\n{"questoin": "Q?", "choices": ["a"], "answer": 0}\n',
      'suites/quiz.jsonl:2: no "question" field (the record has questoin, choices, answer)',
    ],
    [
      '{"question": "Q?", "choices": [], "answer": 0}\n',
      "suites/quiz.jsonl:1: expected a non-empty list of text choices, found an empty list",
    ],
    [
      '{"question": "Q?", "choices": ["a", "b"], "answer": 2}\n',
      "suites/quiz.jsonl:1: the target 2 is not an index into the 2 choices",
    ],
    [
      '{"question": "Q?", "choices": ["a", "b"], "answer": "c"}\n',
      'suites/quiz.jsonl:1: the target "c" is not one of the choices',
    ],
    ['["not", "an", "object"]\n', "suites/quiz.jsonl:1: expected an object of fields"],
    ["", "suites/quiz.jsonl: empty file"],
    ["\n", "suites/quiz.jsonl: no records"],
  ])("data %j", async (data, message) => {
    await expect(quiz(base, data)).rejects.toThrow(message);
  });

  it("declares lm-evaluation-harness's filters, each chain scoring the metrics under its own name", async () => {
    const generation = [
      "task: quiz",
      "output_type: generate_until",
      "dataset:",
      "  path: quiz.jsonl",
      'doc_to_text: "{{question}}"',
      "doc_to_target: answer",
      "metric_list: [{ metric: exact_match, ignore_case: true }]",
      "filter_list:",
      "  - name: strict",
      "    filter: [{ function: regex, regex_pattern: '^([A-D])$' }, { function: take_first }]",
      "  - name: flexible",
      "    filter:",
      "      - { function: regex, regex_pattern: '([A-D])\\)?\\W*$', group_select: -1 }",
      "      - { function: take_first }",
      "primary_metric: exact_match,flexible",
    ];
    const run = await quiz(generation, '{"question": "Q?", "answer": "B"}\n');
    expect(run.primaryMetric).toBe("exact_match,flexible");
    expect(run.score(run.documents[0]!, [{ text: "It is B)" }])).toEqual({
      "exact_match,strict": 0,
      "exact_match,flexible": 1,
    });
    await expect(
      quiz(
        [...generation.slice(0, 9), "    filter: [{ function: regex, regex_pattern: '(?x)a' }]"],
        '{"question": "Q?", "answer": "B"}\n',
      ),
    ).rejects.toThrow('regex "(?x)a": the inline flag x has no JavaScript equivalent');
    await expect(quiz([...base, "filter_list: [{ name: f, filter: [{ function: take_first }] }]"])).rejects.toThrow(
      "quiz: filter_list applies to generate_until tasks",
    );
  });

  it("needs doc_to_text to give text", async () => {
    const lines = base.map((line) => line.replace('"{{question}}"', "question"));
    await expect(quiz(lines, '{"question": ["Q?"], "choices": ["a", "b"], "answer": 0}\n')).rejects.toThrow(
      "suites/quiz.jsonl:1: doc_to_text gives a list of 1, not text",
    );
  });

  it("checks CSV rows against the header", async () => {
    const lines = base.map((line) => line.replace("quiz.jsonl", "quiz.csv").replace("{{choices}}", "{{ [a, b] }}"));
    await expect(
      loadSuiteRun("quiz", { io: suite(lines.join("\n"), { "suites/quiz.csv": "question,a,b,answer\nQ?,x,y\n" }) }),
    ).rejects.toThrow("suites/quiz.csv:2: expected 4 fields as the header has, found 3");
    const run = await loadSuiteRun("quiz", {
      io: suite(lines.join("\n"), { "suites/quiz.csv": "question,a,b,answer\nQ?,x,y,1\n" }),
    });
    expect(
      run.documents[0]!.requests.map((request) => request.type === "loglikelihood" && request.continuation),
    ).toEqual([" x", " y"]);
  });
});
