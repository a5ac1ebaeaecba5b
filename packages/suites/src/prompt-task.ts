import { JinjaTemplate } from "./jinja-template.ts";
import { argmax } from "./metrics/document-scores.ts";
import { filterChain } from "./response-filters.ts";
import type { ChatMessage, LoglikelihoodResponse, Request, Response } from "./request.ts";
import type { PromptOptions } from "./suite-options.ts";
import { DataError, SuiteError, describeValue } from "./suite-errors.ts";
import { taskConfigSchema, type MetricConfig, type TaskConfig, type TaskConfigInput } from "./task-config.ts";
import type { TaskDoc } from "./task-doc.ts";

/** A text field of the config: a field name stands for that field, anything else is a template. */
class Field {
  private readonly template: JinjaTemplate;
  constructor(
    readonly source: string,
    private readonly name: string,
  ) {
    this.template = new JinjaTemplate(source, name);
  }

  missingFields(doc: TaskDoc): string[] {
    return this.source in doc.fields ? [] : this.template.missingFields(doc.fields);
  }

  // A document is rendered once however often it is asked for: a few-shot example is in every prompt of its subject.
  private readonly rendered = new WeakMap<TaskDoc, unknown>();

  value(doc: TaskDoc): unknown {
    if (this.source in doc.fields) return doc.fields[this.source];
    if (!this.rendered.has(doc))
      this.rendered.set(
        doc,
        this.run(doc, () => this.template.render(doc.fields)),
      );
    return this.rendered.get(doc);
  }

  evaluate(doc: TaskDoc): unknown {
    return this.source in doc.fields
      ? doc.fields[this.source]
      : this.run(doc, () => this.template.evaluate(doc.fields));
  }

  private run(doc: TaskDoc, render: () => unknown): unknown {
    try {
      return render();
    } catch (error) {
      throw new DataError(doc.file, `${this.name} cannot be rendered: ${(error as Error).message}`, doc.location);
    }
  }
}

// Python's string.punctuation, which exact_match's ignore_punctuation removes.
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** lm-evaluation-harness's exact_match (after Hugging Face evaluate): 1 when the texts are equal after the options. */
function exactMatch(prediction: string, reference: string, options: MetricConfig): number {
  const normalise = (text: string) => {
    let result = text;
    for (const pattern of options.regexes_to_ignore) result = result.replace(new RegExp(pattern, "g"), "");
    if (options.ignore_case) result = result.toLowerCase();
    if (options.ignore_punctuation) result = result.replace(PUNCTUATION, "");
    return result;
  };
  return normalise(prediction) === normalise(reference) ? 1 : 0;
}

/**
 * A task config made ready to run: it turns documents into lm-evaluation-harness's exact contexts and requests,
 * checks each document against what the config needs from it, and scores responses with the config's metrics.
 */
export class PromptTask {
  readonly config: TaskConfig;
  private readonly description: JinjaTemplate;
  private readonly text: Field;
  private readonly choice: Field | undefined;
  private readonly target: Field | undefined;
  readonly metrics: MetricConfig[];
  private readonly filters: { name: string; apply: (responses: string[]) => string }[];

  constructor(input: TaskConfigInput, suite: string) {
    const parsed = taskConfigSchema.safeParse(input);
    if (!parsed.success) throw new SuiteError(`${suite}: ${parsed.error.issues[0]!.message}`);
    const config = parsed.data;
    this.config = config;
    this.description = new JinjaTemplate(config.description, "description");
    this.text = new Field(config.doc_to_text, "doc_to_text");
    this.choice =
      typeof config.doc_to_choice === "string" ? new Field(config.doc_to_choice, "doc_to_choice") : undefined;
    this.target =
      typeof config.doc_to_target === "string" ? new Field(config.doc_to_target, "doc_to_target") : undefined;
    if (config.output_type === "multiple_choice" && config.doc_to_choice === undefined)
      throw new SuiteError(`${suite}: a multiple_choice task needs doc_to_choice`);
    const fallback = config.output_type === "generate_until" ? "exact_match" : "acc";
    this.metrics = config.metric_list ?? [
      { metric: fallback, ignore_case: false, ignore_punctuation: false, regexes_to_ignore: [] },
    ];
    if (config.filter_list && config.output_type !== "generate_until")
      throw new SuiteError(`${suite}: filter_list applies to generate_until tasks`);
    this.filters = (config.filter_list ?? []).map(({ name, filter }) => ({ name, apply: filterChain(filter) }));
    for (const { metric } of this.metrics) {
      const allowed =
        config.output_type === "generate_until"
          ? ["exact_match"]
          : config.output_type === "loglikelihood"
            ? ["acc"]
            : ["acc", "acc_norm"];
      if (!allowed.includes(metric))
        throw new SuiteError(`${suite}: metric ${metric} does not apply to ${config.output_type}`);
    }
  }

  /** The names `score` gives its metrics: `metric,chain` when several filter chains each score them. */
  get metricNames(): string[] {
    const names = this.metrics.map(({ metric }) => metric);
    return this.filters.length > 1
      ? this.filters.flatMap((filter) => names.map((name) => `${name},${filter.name}`))
      : names;
  }

  /** Checks that `doc` has what the templates read and that its choices and target make sense; else a DataError. */
  check(doc: TaskDoc): void {
    const missing = new Set([
      ...this.description.missingFields(doc.fields),
      ...this.text.missingFields(doc),
      ...(this.choice?.missingFields(doc) ?? []),
      ...(this.target?.missingFields(doc) ?? []),
    ]);
    if (missing.size > 0) {
      const fields = Object.keys(doc.fields);
      this.fail(
        doc,
        `no ${[...missing].map((name) => `"${name}"`).join(", ")} field${missing.size === 1 ? "" : "s"} (the record has ${fields.length === 0 ? "no fields" : fields.join(", ")})`,
      );
    }
    const text = this.text.value(doc);
    if (typeof text !== "string") this.fail(doc, `doc_to_text gives ${describeValue(text)}, not text`);
    if (this.config.output_type === "multiple_choice") this.gold(doc);
    else this.targetText(doc);
  }

  private fail(doc: TaskDoc, problem: string): never {
    throw new DataError(doc.file, problem, doc.location);
  }

  choices(doc: TaskDoc): string[] {
    const choices = Array.isArray(this.config.doc_to_choice) ? this.config.doc_to_choice : this.choice!.evaluate(doc);
    if (!Array.isArray(choices) || choices.length === 0 || !choices.every((choice) => typeof choice === "string"))
      this.fail(doc, `expected a non-empty list of text choices, found ${describeValue(choices)}`);
    return choices;
  }

  /** The index of the right choice (multiple_choice). */
  gold(doc: TaskDoc): number {
    const choices = this.choices(doc);
    let target: unknown = this.config.doc_to_target;
    if (this.target !== undefined) {
      target = this.target.value(doc);
      // lm-evaluation-harness reads a rendered all-digit target as an index when there are choices.
      if (typeof target === "string" && /^\d+$/.test(target)) target = Number(target);
    }
    if (typeof target === "string") {
      const index = choices.indexOf(target);
      if (index < 0) this.fail(doc, `the target ${describeValue(target)} is not one of the choices`);
      return index;
    }
    if (typeof target !== "number" || !Number.isInteger(target) || target < 0 || target >= choices.length)
      this.fail(doc, `the target ${describeValue(target)} is not an index into the ${choices.length} choices`);
    return target;
  }

  /** The target as text: the continuation (loglikelihood), the reference (generate_until) or the right choice. */
  targetText(doc: TaskDoc): string {
    if (this.config.output_type === "multiple_choice") return this.choices(doc)[this.gold(doc)]!;
    const target = this.target === undefined ? this.config.doc_to_target : this.target.value(doc);
    if (typeof target !== "string") this.fail(doc, `the target ${describeValue(target)} is not text`);
    return target;
  }

  /**
   * lm-evaluation-harness's fewshot_context: the system instruction (followed by the few-shot delimiter when a
   * description follows), the description, the examples with their answers, the document.
   */
  context(doc: TaskDoc, examples: readonly TaskDoc[], systemInstruction?: string): string {
    const { target_delimiter: targetDelimiter, fewshot_delimiter: fewshotDelimiter } = this.config;
    const shots = examples.map(
      (example) => `${this.text.value(example) as string}${targetDelimiter}${this.targetText(example)}`,
    );
    const labeled = shots.length === 0 ? "" : `${shots.join(fewshotDelimiter)}${fewshotDelimiter}`;
    return `${this.systemPrompt(doc, systemInstruction)}${labeled}${this.text.value(doc) as string}`;
  }

  /** The system instruction and the description, joined by the few-shot delimiter when both are there. */
  private systemPrompt(doc: TaskDoc, systemInstruction: string | undefined): string {
    const description = this.description.render(doc.fields);
    if (systemInstruction === undefined) return description;
    return description === ""
      ? systemInstruction
      : `${systemInstruction}${this.config.fewshot_delimiter}${description}`;
  }

  /**
   * lm-evaluation-harness's fewshot_context with apply_chat_template: a system turn of the system instruction and
   * the description (joined by the few-shot delimiter), then the examples, as one user turn of the plain labeled
   * examples or, with fewshotAsMultiturn, as a user and an assistant turn each (the target alone, no delimiter),
   * then the document, appended to the last user turn unless it follows a system or assistant turn.
   */
  chatMessages(doc: TaskDoc, examples: readonly TaskDoc[], chat: PromptOptions): ChatMessage[] {
    const { fewshot_delimiter: fewshotDelimiter, target_delimiter: targetDelimiter } = this.config;
    const system = this.systemPrompt(doc, chat.systemInstruction);
    const messages: ChatMessage[] = system === "" ? [] : [{ role: "system", content: system }];
    if (examples.length > 0) {
      if (chat.fewshotAsMultiturn)
        for (const example of examples)
          messages.push(
            { role: "user", content: this.text.value(example) as string },
            { role: "assistant", content: this.targetText(example) },
          );
      else
        messages.push({
          role: "user",
          content: examples
            .map(
              (example) =>
                `${this.text.value(example) as string}${targetDelimiter}${this.targetText(example)}${fewshotDelimiter}`,
            )
            .join(""),
        });
    }
    const question = this.text.value(doc) as string;
    const last = messages.at(-1);
    if (last?.role === "user" && !chat.fewshotAsMultiturn) last.content += question;
    else messages.push({ role: "user", content: question });
    return messages;
  }

  /** The document's requests; with a chat transcript, the choices follow the rendered prompt with no delimiter. */
  requests(docId: number, doc: TaskDoc, prompt: string | ChatMessage[]): Request[] {
    const { output_type: outputType } = this.config;
    const chat = typeof prompt !== "string";
    const promptFields = chat ? { context: "", messages: prompt } : { context: prompt };
    // lm-evaluation-harness drops the target delimiter when it applies a chat template.
    const targetDelimiter = chat ? "" : this.config.target_delimiter;
    if (outputType === "multiple_choice")
      return this.choices(doc).map((choice, index) => ({
        type: "loglikelihood",
        docId,
        index,
        ...promptFields,
        continuation: `${targetDelimiter}${choice}`,
      }));
    if (outputType === "loglikelihood")
      return [{ type: "loglikelihood", docId, index: 0, ...promptFields, continuation: this.targetText(doc) }];
    const kwargs = this.config.generation_kwargs;
    return [
      {
        type: "generation",
        docId,
        index: 0,
        ...promptFields,
        until: kwargs?.until ?? [this.config.fewshot_delimiter],
        maxTokens: kwargs?.max_gen_toks ?? 256,
      },
    ];
  }

  /** The config's metrics for one document, from its responses in request order. */
  score(doc: TaskDoc, responses: readonly Response[]): Record<string, number> {
    const scores: Record<string, number> = {};
    if (this.config.output_type === "generate_until") {
      const texts = (responses as { text: string }[]).map(({ text }) => text);
      const reference = this.targetText(doc);
      if (this.filters.length === 0)
        for (const metric of this.metrics) scores[metric.metric] = exactMatch(texts[0]!, reference, metric);
      for (const filter of this.filters) {
        const filtered = filter.apply(texts);
        for (const metric of this.metrics) {
          const name = this.filters.length === 1 ? metric.metric : `${metric.metric},${filter.name}`;
          scores[name] = exactMatch(filtered, reference, metric);
        }
      }
      return scores;
    }
    const loglikelihoods = responses as LoglikelihoodResponse[];
    if (this.config.output_type === "loglikelihood") {
      scores.acc = loglikelihoods[0]!.isGreedy ? 1 : 0;
      return scores;
    }
    const gold = this.gold(doc);
    const logprobs = loglikelihoods.map((response) => response.logprob);
    for (const { metric } of this.metrics) {
      if (metric === "acc") scores.acc = argmax(logprobs) === gold ? 1 : 0;
      if (metric === "acc_norm") {
        // Normalised by the choice's length in characters, as lm-evaluation-harness does.
        const lengths = this.choices(doc).map((choice) => choice.length);
        scores.acc_norm = argmax(logprobs.map((logprob, index) => logprob / lengths[index]!)) === gold ? 1 : 0;
      }
    }
    return scores;
  }
}
