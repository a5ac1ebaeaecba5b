import { DataError } from "./suite-errors.ts";

/** One CSV record and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV the way Python's `csv.reader` does with its default dialect, since that is how the MMLU and
 * TruthfulQA dataset scripts read their files: a quote opens a quoted field only at the start of a field, a quote
 * inside an unquoted field is kept, `""` inside quotes is one quote, and text after a closing quote joins the
 * field. Quoted fields may span lines. Blank lines are skipped. Unlike Python, a quote that never closes is an
 * error: it swallows the rest of the file, which is never what the file meant.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quotedFrom = 0;
  let state: "record" | "field" | "unquoted" | "quoted" | "quote-in-quoted" = "record";

  const endField = () => {
    fields.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    state = "record";
  };

  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const newline = char === "\n" || char === "\r";
    const crlf = char === "\r" && text[index + 1] === "\n";
    if (crlf) index++;
    if (state === "record") {
      if (newline) {
        line++;
        continue;
      }
      recordLine = line;
      state = "field";
    }
    switch (state) {
      case "field":
        if (newline) endRecord();
        else if (char === '"') {
          state = "quoted";
          quotedFrom = line;
        } else if (char === ",") endField();
        else {
          field += char;
          state = "unquoted";
        }
        break;
      case "unquoted":
        if (newline) endRecord();
        else if (char === ",") {
          endField();
          state = "field";
        } else field += char;
        break;
      case "quoted":
        if (char === '"') state = "quote-in-quoted";
        else field += crlf ? "\r\n" : char;
        break;
      case "quote-in-quoted":
        if (char === '"') {
          field += '"';
          state = "quoted";
        } else if (char === ",") {
          endField();
          state = "field";
        } else if (newline) endRecord();
        else {
          field += char;
          state = "unquoted";
        }
        break;
    }
    if (newline) line++;
  }
  if (state === "quoted") throw new DataError(file, "a quoted field opened here never closes", { line: quotedFrom });
  if (state !== "record") endRecord();
  return records;
}
