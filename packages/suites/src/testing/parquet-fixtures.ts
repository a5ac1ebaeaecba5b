import { parquetWriteBuffer } from "hyparquet-writer";

// Parquet files shaped as the Hub's datasets are (pyarrow's nested LIST and struct columns), for tests.

const text = (name: string) =>
  ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" }) as const;
const list = (name: string, element: "BYTE_ARRAY" | "INT32" | "INT64") => [
  { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  element === "BYTE_ARRAY"
    ? { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" }
    : { name: "element", type: element, repetition_type: "OPTIONAL" },
];

type Schema = Parameters<typeof parquetWriteBuffer>[0]["schema"];

/** cais/mmlu rows: question, subject, choices, answer (int64). `answer` may be of another type, to test checks. */
export function mmluParquet(
  rows: { question: string; subject: string; choices: string[]; answer: number | string }[],
): Uint8Array {
  const answersAreText = rows.some((row) => typeof row.answer === "string");
  const schema = [
    { name: "schema", num_children: 4 },
    text("question"),
    text("subject"),
    ...list("choices", "BYTE_ARRAY"),
    answersAreText ? text("answer") : { name: "answer", type: "INT64", repetition_type: "OPTIONAL" },
  ] as Schema;
  return new Uint8Array(
    parquetWriteBuffer({
      schema,
      columnData: [
        { name: "question", data: rows.map((row) => row.question) },
        { name: "subject", data: rows.map((row) => row.subject) },
        { name: "choices", data: rows.map((row) => row.choices) },
        { name: "answer", data: rows.map((row) => (answersAreText ? String(row.answer) : BigInt(row.answer))) },
      ],
    }),
  );
}

type Targets = { choices: string[]; labels: number[] };

/** truthfulqa/truthful_qa multiple_choice rows: question, mc1_targets and mc2_targets structs of lists. */
export function truthfulqaMcParquet(
  rows: { question: string; mc1_targets: Targets; mc2_targets: Targets }[],
): Uint8Array {
  const targets = (name: string) => [
    { name, repetition_type: "OPTIONAL", num_children: 2 },
    ...list("choices", "BYTE_ARRAY"),
    ...list("labels", "INT32"),
  ];
  const schema = [
    { name: "schema", num_children: 3 },
    text("question"),
    ...targets("mc1_targets"),
    ...targets("mc2_targets"),
  ] as Schema;
  return new Uint8Array(
    parquetWriteBuffer({
      schema,
      columnData: [
        { name: "question", data: rows.map((row) => row.question) },
        { name: "mc1_targets", data: rows.map((row) => row.mc1_targets) },
        { name: "mc2_targets", data: rows.map((row) => row.mc2_targets) },
      ],
    }),
  );
}

/** truthfulqa/truthful_qa generation rows. */
export function truthfulqaGenParquet(
  rows: {
    type: string;
    category: string;
    question: string;
    best_answer: string;
    correct_answers: string[];
    incorrect_answers: string[];
    source: string;
  }[],
): Uint8Array {
  const schema = [
    { name: "schema", num_children: 7 },
    text("type"),
    text("category"),
    text("question"),
    text("best_answer"),
    ...list("correct_answers", "BYTE_ARRAY"),
    ...list("incorrect_answers", "BYTE_ARRAY"),
    text("source"),
  ] as Schema;
  const column = (name: keyof (typeof rows)[number]) => ({ name, data: rows.map((row) => row[name]) });
  return new Uint8Array(
    parquetWriteBuffer({
      schema,
      columnData: ["type", "category", "question", "best_answer", "correct_answers", "incorrect_answers", "source"].map(
        (name) => column(name as keyof (typeof rows)[number]),
      ),
    }),
  );
}
