import { describe, expect, it } from "vitest";
import { JinjaTemplate } from "./jinja-template.ts";

describe("JinjaTemplate", () => {
  it("renders lm-evaluation-harness's MMLU template", () => {
    const template = new JinjaTemplate(
      "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:",
      "doc_to_text",
    );
    expect(template.render({ question: "  Why?\n", choices: [" a ", "b", "c", "d"] })).toBe(
      "Why?\nA.  a \nB. b\nC. c\nD. d\nAnswer:",
    );
    expect(template.variables).toEqual(["choices", "question"]);
  });

  it("keeps whitespace as Jinja2 does with lm-evaluation-harness's settings", () => {
    expect(new JinjaTemplate("{% if x %}\n  {{x}}\n{% endif %}\n", "t").render({ x: 1 })).toBe("\n  1\n\n");
  });

  it("renders set blocks and string concatenation (TruthfulQA's template)", () => {
    const template = new JinjaTemplate("{% set p = 'Q: a?\n\nA: b.'%}{{p + '\n\nQ: ' + question + '\nA:'}}", "t");
    expect(template.render({ question: "Why?" })).toBe("Q: a?\n\nA: b.\n\nQ: Why?\nA:");
    expect(template.variables).toEqual(["question"]);
  });

  it("names the fields a document lacks", () => {
    const template = new JinjaTemplate(
      "{% for c in choices %}{{ c | upper }}{{ loop.index }}{% endfor %}{{ doc.x }}",
      "t",
    );
    expect(template.missingFields({ choices: [] })).toEqual(["doc"]);
  });

  it("evaluates a single expression to its value", () => {
    const template = new JinjaTemplate("{{mc1_targets.choices}}", "doc_to_choice");
    expect(template.evaluate({ mc1_targets: { choices: ['He said "no"\n', "1945", "ünï"] } })).toEqual([
      'He said "no"\n',
      "1945",
      "ünï",
    ]);
  });

  it("reports a template that does not parse, with its name", () => {
    expect(() => new JinjaTemplate("{{ oops( }}", "doc_to_text")).toThrow(
      /^doc_to_text: not a valid Jinja template \(.*\): "\{\{ oops\( \}\}"$/,
    );
  });
});
