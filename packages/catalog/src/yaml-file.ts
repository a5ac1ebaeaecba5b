import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLError } from "yaml";
import { describeInput } from "./describe-input.ts";
import { formatPath, type Problem } from "./problem.ts";

/** Catalogue files are small, hand-written documents; anything this big is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Enough for every honest use of anchors, far too few for an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;
/** An anchor (&a) or alias (*a) token; also matches some quoted text, which only costs the slower, guarded parse. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:-])[&*][^\s,\]}]/m;

interface Located {
  document: Document.Parsed;
  lines: LineCounter;
}

/** A parsed YAML file that can say where in the text any field path sits. */
export class YamlSource {
  constructor(
    readonly file: string,
    readonly data: Record<string, unknown>,
    private readonly text: string,
    private located?: Located,
  ) {}

  /**
   * A problem at `path`: at the key when `at` is "key" (an unknown key), else at the value. A path that stops
   * short (a missing field) points at the nearest enclosing key that exists.
   */
  problem(
    path: readonly PropertyKey[],
    message: string,
    options: { at?: "key" | "value"; suggestion?: string | undefined } = {},
  ): Problem {
    const { document, lines } = this.locate();
    const { line, col } = lines.linePos(offsetOf(document, path, options.at ?? "value"));
    return {
      file: this.file,
      line,
      column: col,
      path: formatPath(path),
      message,
      ...(options.suggestion === undefined ? {} : { suggestion: options.suggestion }),
    };
  }

  /** Source positions come from the yaml package's Document, built only once a problem needs one. */
  private locate(): Located {
    this.located ??= parseLocated(this.text);
    return this.located;
  }
}

function parseLocated(text: string): Located & { documents: Document.Parsed[] } {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  return { document: documents[0]!, lines, documents: [...documents] };
}

function offsetOf(document: Document.Parsed, path: readonly PropertyKey[], at: "key" | "value"): number {
  let node: unknown = document.contents;
  let keyOffset = (node as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === segment);
      if (!pair) return keyOffset;
      keyOffset = (pair.key as Node).range?.[0] ?? keyOffset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
      node = node.items[segment];
      keyOffset = (node as Node).range?.[0] ?? keyOffset;
    } else {
      return keyOffset;
    }
  }
  return at === "key" ? keyOffset : ((node as Node | null)?.range?.[0] ?? keyOffset);
}

export type YamlReadResult = { source: YamlSource; problems: [] } | { source?: undefined; problems: Problem[] };

function fileProblem(file: string, message: string, line = 1, column = 1): Problem {
  return { file, line, column, path: "", message };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Reads one catalogue file as a single YAML mapping. Whatever the bytes hold — nothing, binary, a list, a syntax
 * error, an alias bomb, 50 MB — the answer is a list of problems, never an exception. Synchronous on purpose: for
 * thousands of small files it is several times faster than the promise API's open/stat/read/close round trips.
 */
export function readYamlFile(path: string, file: string): YamlReadResult {
  const descriptor = openSync(path, "r");
  try {
    const size = fstatSync(descriptor).size;
    if (size > MAX_FILE_BYTES) {
      return {
        problems: [
          fileProblem(file, `file is ${sizeText(size)}; a catalogue file may be at most ${sizeText(MAX_FILE_BYTES)}`),
        ],
      };
    }
    const bytes = Buffer.alloc(size);
    readSync(descriptor, bytes, 0, size, 0);
    return parseYamlText(bytes, file);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * js-yaml reads the common case, a plain mapping, about three times faster than the yaml package. Anything
 * else (anchors, errors, several documents, a non-mapping) goes through the yaml package, which limits alias
 * expansion and says exactly where a problem is. Both read the YAML 1.2 core schema, so they agree on values.
 */
function fastMapping(text: string): Record<string, unknown> | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    const data = load(text, { schema: CORE_SCHEMA });
    return data !== null && typeof data === "object" && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function parseYamlText(bytes: Uint8Array, file: string): YamlReadResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problems: [fileProblem(file, `binary data, not YAML text: NUL byte at offset ${nul}`)] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problems: [fileProblem(file, "binary data, not YAML text: the bytes are not valid UTF-8")] };
  }

  const fast = fastMapping(text);
  if (fast) return { source: new YamlSource(file, fast, text), problems: [] };

  const { document, lines, documents } = parseLocated(text);
  if (documents.length === 0) return { problems: [fileProblem(file, "empty file: expected a mapping of fields")] };
  if (documents.length > 1) {
    const { line, col } = lines.linePos(documents[1]!.range[0]);
    return { problems: [fileProblem(file, `expected one YAML document, found ${documents.length}`, line, col)] };
  }
  const syntaxProblems = [...document.errors, ...document.warnings].map((error) => {
    const { offset, message } = explainSyntaxError(text, error);
    const { line, col } = lines.linePos(offset);
    return fileProblem(file, `YAML syntax: ${message}`, line, col);
  });
  if (syntaxProblems.length > 0) return { problems: syntaxProblems };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return {
        problems: [
          fileProblem(file, `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`),
        ],
      };
    }
    throw error;
  }
  if (data === null || data === undefined)
    return { problems: [fileProblem(file, "empty file: expected a mapping of fields")] };
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      problems: [fileProblem(file, `expected a mapping of fields at the top level, found ${describeInput(data)}`)],
    };
  }
  return { source: new YamlSource(file, data as Record<string, unknown>, text, { document, lines }), problems: [] };
}

/**
 * The yaml package's error, said where the writer can act on it: a duplicate key by name, and a quote never closed
 * at the quote that opens it (the parser notices only at the end of the file).
 */
function explainSyntaxError(text: string, error: YAMLError): { offset: number; message: string } {
  const at = error.pos[0];
  if (error.code === "DUPLICATE_KEY") {
    const key = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:\n]+?)\s*:/.exec(text.slice(at))?.[1];
    if (key !== undefined) return { offset: at, message: `the key ${key.replace(/^['"]|['"]$/g, "")} appears twice` };
  }
  const quote = error.code === "MISSING_CHAR" ? /Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
  if (quote !== undefined) {
    const opening = openingQuote(text, at, quote);
    if (opening !== undefined) return { offset: opening, message: `the ${quote} opened here is never closed` };
  }
  return { offset: at, message: firstLine(error.message) };
}

/** The quote that opens a quoted scalar running to `end`: the last one before it that no escape pairs away. */
function openingQuote(text: string, end: number, quote: string): number | undefined {
  for (let index = Math.min(end, text.length) - 1; index >= 0; index--) {
    if (text[index] !== quote) continue;
    const escaped = quote === '"' ? text[index - 1] === "\\" : text[index - 1] === "'";
    if (quote === "'" && escaped) {
      index -= 1;
      continue;
    }
    if (!escaped) return index;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
