import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node, type Pair } from "yaml";

export type YamlPath = readonly (string | number)[];

/**
 * A change to a YAML file: `set` replaces the value at a path, or adds the key to its (block) mapping, placed after
 * the keys that `order` lists before it; `append` adds an item to the end of the sequence at a path.
 */
export type YamlEdit =
  { set: YamlPath; value: unknown; order?: readonly string[] } | { append: YamlPath; value: unknown };

/** An edit that cannot be made without rewriting text the edit does not own. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "YamlEditError";
  }
}

/**
 * Applies edits to YAML text and changes nothing else: every comment, blank line, key order, quoting style and
 * folded line stays byte for byte. The yaml package's Document API locates each node; only the bytes of the nodes
 * an edit touches are rewritten. (Printing the whole Document again would re-fold long text and respace flow lists.)
 * The result is read back and must hold exactly the data the edits describe.
 */
export function editYaml(text: string, edits: readonly YamlEdit[]): string {
  let result = text;
  let expected: unknown = parse(text).toJS();
  for (const edit of edits) {
    result = applyEdit(result, edit);
    expected = applyToData(expected, edit);
  }
  const actual = parse(result).toJS();
  if (!isDeepStrictEqual(actual, expected)) {
    throw new YamlEditError(`editing the YAML gave ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
  }
  return result;
}

function parse(text: string): Document.Parsed {
  const document = parseDocument(text, { uniqueKeys: true });
  const error = document.errors[0];
  if (error) throw new YamlEditError(`cannot edit YAML with errors: ${error.message.split("\n")[0]}`);
  return document;
}

function applyEdit(text: string, edit: YamlEdit): string {
  const document = parse(text);
  if ("append" in edit) return appendItem(text, document, edit.append, edit.value);
  const parentPath = edit.set.slice(0, -1);
  const key = edit.set.at(-1)!;
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key) as
      Pair<Node, Node> | undefined;
    if (pair) return replaceValue(text, pair, edit.value);
    return insertPair(text, parent as ParsedMap, String(key), edit.value, edit.order);
  }
  if (isSeq(parent) && typeof key === "number" && parent.items[key]) {
    return splice(text, rangeOf(parent.items[key] as Node), render(edit.value, "inline"));
  }
  throw new YamlEditError(`no mapping at ${formatYamlPath(parentPath)} to set ${String(key)} in`);
}

type ParsedMap = Node & { items: Pair<Node, Node>[]; flow?: boolean };

/** The value's bytes are replaced; a value that spans lines (a block) is replaced from the colon on. */
function replaceValue(text: string, pair: Pair<Node, Node>, value: unknown): string {
  const node = pair.value;
  const inline = render(value, "inline");
  if (!node?.range) throw new YamlEditError(`cannot set the empty value of "${String(pair.key)}"`);
  const [start, end] = node.range;
  if (start === end) return splice(text, [start, end], ` ${inline}`);
  const spansLines =
    text.slice(start, end).trimEnd().includes("\n") || text.slice(pair.key.range![1], start).includes("\n");
  if (!spansLines) return splice(text, [start, end], inline);
  const colon = text.indexOf(":", pair.key.range![1]);
  const trailingNewline = text.slice(start, end).endsWith("\n") ? "\n" : "";
  return splice(text, [colon + 1, end], ` ${inline}${trailingNewline}`);
}

function insertPair(text: string, map: ParsedMap, key: string, value: unknown, order: readonly string[] = []): string {
  if (map.flow) throw new YamlEditError(`cannot add "${key}" to a flow mapping`);
  const keys = map.items.map((item) => (isScalar(item.key) ? String(item.key.value) : ""));
  const rank = order.indexOf(key);
  const before =
    rank === -1
      ? keys.length - 1
      : keys.findLastIndex((existing) => order.indexOf(existing) < rank && order.includes(existing));
  const column = columnOf(text, map.range![0]);
  const lines = pairText(key, value, " ".repeat(column));
  if (before === -1) {
    const first = map.items[0]!.key.range![0];
    return splice(text, [first - column, first - column], lines);
  }
  const previous = map.items[before]!;
  return insertAtLineStart(text, (previous.value ?? previous.key).range![2], lines);
}

function appendItem(text: string, document: Document.Parsed, path: YamlPath, value: unknown): string {
  const seq = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isSeq(seq)) throw new YamlEditError(`no list at ${formatYamlPath(path)} to append to`);
  const last = seq.items.at(-1) as Node | undefined;
  if (!last?.range) throw new YamlEditError(`cannot append to the empty list at ${formatYamlPath(path)}`);
  if (seq.flow) return splice(text, [last.range[1], last.range[1]], `, ${render(value, "inline")}`);
  const pad = " ".repeat(columnOf(text, seq.range![0]));
  const [first, ...rest] = render(value, "block").split("\n");
  const item = [`${pad}- ${first}`, ...rest.map((line) => `${pad}  ${line}`)].join("\n");
  return insertAtLineStart(text, last.range[2], `${item}\n`);
}

/** `key: value` lines at the given indentation; mappings and lists of mappings as blocks, other lists in flow. */
function pairText(key: string, value: unknown, pad: string): string {
  const keyText = render(key, "inline");
  if (!isBlockValue(value)) return `${pad}${keyText}: ${render(value, "inline")}\n`;
  const block = render(value, "block")
    .split("\n")
    .map((line) => `${pad}  ${line}`)
    .join("\n");
  return `${pad}${keyText}:\n${block}\n`;
}

function isBlockValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === "object");
  return value !== null && typeof value === "object";
}

/** YAML for a value: inline (flow collections), or a block whose lists of scalars stay in flow, as catalogue files write them. */
function render(value: unknown, style: "inline" | "block"): string {
  const document = new Document(value);
  visit(document, {
    Map: (_, node) => {
      if (style === "inline") node.flow = true;
    },
    Seq: (_, node) => {
      if (style === "inline" || node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
}

function insertAtLineStart(text: string, offset: number, lines: string): string {
  if (offset > 0 && text[offset - 1] !== "\n") {
    const newline = text.indexOf("\n", offset);
    if (newline === -1) return `${text}\n${lines}`;
    offset = newline + 1;
  }
  return splice(text, [offset, offset], lines);
}

function splice(text: string, [start, end]: readonly number[], replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function rangeOf(node: Node): [number, number] {
  return [node.range![0], node.range![1]];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

function formatYamlPath(path: YamlPath): string {
  return path.length === 0 ? "the top level" : path.map(String).join(".");
}

/** The same edit on plain data, to check the text edit against. */
function applyToData(data: unknown, edit: YamlEdit): unknown {
  const copy = structuredClone(data);
  const path = "append" in edit ? edit.append : edit.set;
  const target = "append" in edit ? path : path.slice(0, -1);
  let node = copy as Record<string | number, unknown>;
  for (const segment of target) node = node[segment] as Record<string | number, unknown>;
  if ("append" in edit) (node as unknown as unknown[]).push(structuredClone(edit.value));
  else node[path.at(-1)!] = structuredClone(edit.value);
  return copy;
}
