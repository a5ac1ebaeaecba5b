import { Environment, Interpreter, parse, tokenize } from "@huggingface/jinja";
import { SuiteError } from "./suite-errors.ts";

type Program = ReturnType<typeof parse>;
type Node = { type: string; [field: string]: unknown };

/** Names every template may use without the document providing them. */
const GLOBALS = new Set([
  "true",
  "false",
  "none",
  "True",
  "False",
  "None",
  "range",
  "namespace",
  "loop",
  "raise_exception",
]);

/**
 * Collects the variables a template reads from its context, so that a document lacking one is reported by name,
 * as lm-evaluation-harness's StrictUndefined would, instead of rendering as an empty string.
 */
function freeVariables(program: Program): string[] {
  const used = new Set<string>();
  const declared = new Set<string>();
  const declare = (target: unknown) => {
    const node = target as Node;
    if (node?.type === "Identifier") declared.add(node.value as string);
    else if (node?.type === "TupleLiteral") (node.value as unknown[]).forEach(declare);
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value instanceof Map) return value.forEach((item, key) => (visit(key), visit(item)));
    if (value === null || typeof value !== "object" || typeof (value as Node).type !== "string") return;
    const node = value as Node;
    switch (node.type) {
      case "Identifier":
        used.add(node.value as string);
        return;
      case "MemberExpression":
        visit(node.object);
        if (node.computed) visit(node.property);
        return;
      case "FilterExpression":
        visit(node.operand);
        if ((node.filter as Node).type === "CallExpression") visit((node.filter as Node).args);
        return;
      case "TestExpression":
        visit(node.operand);
        return;
      case "KeywordArgumentExpression":
        visit(node.value);
        return;
      case "Set":
        declare(node.assignee);
        visit(node.value);
        visit(node.body);
        return;
      case "For":
        declare(node.loopvar);
        visit(node.iterable);
        visit(node.body);
        visit(node.defaultBlock);
        return;
      case "Macro":
        declare(node.name);
        (node.args as Node[]).forEach((argument) => declare(argument.type === "Identifier" ? argument : argument.key));
        visit(node.body);
        return;
      default:
        for (const [key, child] of Object.entries(node)) if (key !== "type") visit(child);
    }
  };
  visit(program.body);
  return [...used].filter((name) => !declared.has(name) && !GLOBALS.has(name)).sort();
}

function compile(source: string, name: string): Program {
  try {
    // Jinja2's defaults as lm-evaluation-harness configures them: no trim_blocks or lstrip_blocks, and
    // keep_trailing_newline, which the extra newline achieves since the lexer always drops one.
    return parse(tokenize(`${source}\n`, { lstrip_blocks: false, trim_blocks: false }));
  } catch (error) {
    throw new SuiteError(
      `${name}: not a valid Jinja template (${(error as Error).message}): ${JSON.stringify(source)}`,
    );
  }
}

/** A Jinja template as lm-evaluation-harness renders it, named (e.g. "doc_to_text") for error messages. */
export class JinjaTemplate {
  private readonly program: Program;
  private readonly valueProgram: Program | undefined;
  /** The document fields the template reads. */
  readonly variables: string[];

  constructor(
    readonly source: string,
    readonly name: string,
  ) {
    this.program = compile(source, name);
    this.variables = freeVariables(this.program);
    const expression = /^\{\{(.*)\}\}$/s.exec(source);
    this.valueProgram = expression ? compile(`{{ (${expression[1]}) | tojson }}`, name) : undefined;
  }

  /** The fields the template reads that `doc` lacks. */
  missingFields(doc: Record<string, unknown>): string[] {
    return this.variables.filter((variable) => !(variable in doc));
  }

  render(doc: Record<string, unknown>): string {
    return run(this.program, doc);
  }

  /**
   * The value the template computes, for templates that yield a list (doc_to_choice: "{{mc1_targets.choices}}"):
   * a single expression is evaluated as such, other templates must render JSON.
   */
  evaluate(doc: Record<string, unknown>): unknown {
    const text = run(this.valueProgram ?? this.program, doc);
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
}

function run(program: Program, doc: Record<string, unknown>): string {
  const environment = new Environment();
  for (const [name, value] of [
    ["true", true],
    ["false", false],
    ["none", null],
    ["True", true],
    ["False", false],
    ["None", null],
  ] as const)
    environment.set(name, value);
  for (const [key, value] of Object.entries(doc)) if (!environment.variables.has(key)) environment.set(key, value);
  return (new Interpreter(environment).run(program) as { value: string }).value;
}
