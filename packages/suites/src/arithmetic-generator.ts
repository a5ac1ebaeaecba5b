import { mulberry32 } from "./seeded-random.ts";

/** The GPT-3 arithmetic tasks (Brown et al. 2020, §3.9.1), as lm-evaluation-harness names them. */
export const ARITHMETIC_TASKS = ["1dc", "2da", "2ds", "2dm", "3da", "3ds", "4da", "4ds", "5da", "5ds"] as const;
export type ArithmeticTask = (typeof ARITHMETIC_TASKS)[number];

export const DEFAULT_ARITHMETIC_SEED = 1234;
/** As many items per task as the original files hold. */
export const ARITHMETIC_ITEMS = 2000;

/** The original data file of each task, in github.com/openai/gpt-3 and EleutherAI/arithmetic (data/). */
export const ARITHMETIC_FILES: Record<ArithmeticTask, string> = {
  "1dc": "single_digit_three_ops.jsonl",
  "2da": "two_digit_addition.jsonl",
  "2ds": "two_digit_subtraction.jsonl",
  "2dm": "two_digit_multiplication.jsonl",
  "3da": "three_digit_addition.jsonl",
  "3ds": "three_digit_subtraction.jsonl",
  "4da": "four_digit_addition.jsonl",
  "4ds": "four_digit_subtraction.jsonl",
  "5da": "five_digit_addition.jsonl",
  "5ds": "five_digit_subtraction.jsonl",
};

/** One item in the original files' raw form, before lm-evaluation-harness normalises the context. */
export interface ArithmeticItem {
  context: string;
  completion: string;
}

/** FNV-1a, to give each task its own stream from one seed. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

const OPERATORS = ["+", "-", "*"] as const;
const apply = (a: number, operator: (typeof OPERATORS)[number], b: number) =>
  operator === "+" ? a + b : operator === "-" ? a - b : a * b;

/**
 * `count` items of `task`, drawn as GPT-3's were: operands uniform on [0, 10^digits), and for 1dc three one-digit
 * numbers with two operators from +, −, × ("(2 * 4) * 6"). The same seed gives the same items everywhere.
 */
export function generateArithmetic(
  task: ArithmeticTask,
  seed = DEFAULT_ARITHMETIC_SEED,
  count = ARITHMETIC_ITEMS,
): ArithmeticItem[] {
  const random = mulberry32(seed ^ fnv1a(task));
  const below = (limit: number) => Math.floor(random() * limit);
  const items: ArithmeticItem[] = [];
  for (let index = 0; index < count; index++) {
    let question: string;
    let answer: number;
    if (task === "1dc") {
      const [a, b, c] = [below(10), below(10), below(10)];
      const [first, second] = [OPERATORS[below(3)]!, OPERATORS[below(3)]!];
      question = `(${a} ${first} ${b}) ${second} ${c}`;
      answer = apply(apply(a, first, b), second, c);
    } else {
      const limit = 10 ** Number(task[0]);
      const [a, b] = [below(limit), below(limit)];
      const operation = task[2] === "a" ? "plus" : task[2] === "s" ? "minus" : "times";
      question = `${a} ${operation} ${b}`;
      answer = operation === "plus" ? a + b : operation === "minus" ? a - b : a * b;
    }
    items.push({ context: `Q: What is ${question}?\n\nA:`, completion: ` ${answer}` });
  }
  return items;
}
