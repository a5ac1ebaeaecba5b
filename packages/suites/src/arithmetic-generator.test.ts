import { describe, expect, it } from "vitest";
import { ARITHMETIC_TASKS, generateArithmetic } from "./arithmetic-generator.ts";

describe("generateArithmetic", () => {
  it("draws the same items for the same seed, and different ones per task and seed", () => {
    expect(generateArithmetic("2da", 1234, 3)).toEqual(generateArithmetic("2da", 1234, 3));
    expect(generateArithmetic("2da", 1234, 3)).not.toEqual(generateArithmetic("2da", 1235, 3));
    expect(generateArithmetic("2da", 1234, 3)).not.toEqual(generateArithmetic("3da", 1234, 3));
  });

  it("makes 2,000 correct items per task with operands in range", () => {
    for (const task of ARITHMETIC_TASKS) {
      const items = generateArithmetic(task);
      expect(items).toHaveLength(2000);
      for (const { context, completion } of items) {
        const [, expression] = /^Q: What is (.*)\?\n\nA:$/.exec(context)!;
        const code = expression!.replace(" plus ", " + ").replace(" minus ", " - ").replace(" times ", " * ");
        expect(completion).toBe(` ${Function(`return ${code}`)()}`);
        const operands = expression!.match(/\d+/g)!.map(Number);
        const limit = task === "1dc" ? 10 : 10 ** Number(task[0]);
        expect(operands.every((operand) => operand < limit)).toBe(true);
        if (task === "1dc") expect(expression).toMatch(/^\(\d [-+*] \d\) [-+*] \d$/);
      }
    }
  });

  it("uses the whole operand range", () => {
    const operands = generateArithmetic("2dm").flatMap(({ context }) => context.match(/\d+/g)!.map(Number));
    expect(Math.min(...operands)).toBe(0);
    expect(Math.max(...operands)).toBe(99);
  });
});
