import { LineCounter, parseDocument, isSeq } from "yaml";
import { DataError } from "./suite-errors.ts";

/**
 * A JSON file whose top level is a list, with each item's line and with objects as Maps in file order. Python's
 * json keeps the file's key order, and the TruthfulQA choices are the keys of an object, so order matters; a plain
 * JSON.parse would move keys that look like integers ("1945") to the front.
 */
export function parseOrderedJsonList(text: string, file: string): { line: number; value: unknown }[] {
  try {
    JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : undefined;
    const problem = `not valid JSON (${(error as Error).message})`;
    throw new DataError(file, problem, line === undefined ? undefined : { line });
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (!isSeq(document.contents)) throw new DataError(file, "expected a list of questions at the top level");
  const values = document.toJS({ mapAsMap: true }) as unknown[];
  return document.contents.items.map((item, index) => ({
    line: lineCounter.linePos((item as { range?: number[] }).range?.[0] ?? 0).line,
    value: values[index],
  }));
}
