import type { TokenUsage } from "../adapter.ts";

/** Adds up the tokens an API reports in its answers' usage fields. */
export class UsageMeter {
  private input = 0;
  private output = 0;

  /** One answer's counts, where the API gave them as numbers; anything else counts as none. */
  add(input: unknown, output: unknown): void {
    if (typeof input === "number" && Number.isFinite(input)) this.input += input;
    if (typeof output === "number" && Number.isFinite(output)) this.output += output;
  }

  read(): TokenUsage {
    return { input_tokens: this.input, output_tokens: this.output };
  }
}
