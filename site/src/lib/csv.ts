/** A CSV cell before quoting: missing values (null, undefined) are empty cells; booleans are true and false. */
export type CsvValue = string | number | boolean | null | undefined;

/** One column of an export: its header, what it holds (for the API page), and how a row fills it. */
export interface CsvColumn<Row> {
  name: string;
  description: string;
  value: (row: Row) => CsvValue;
}

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a double quote, a CR or an LF (or starts or ends
 * with a space, which some readers would trim), its quotes doubled. Numbers keep JavaScript's shortest form.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: a header line, then one record per row, every line ending in CRLF (RFC 4180), in UTF-8. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const line = (fields: CsvValue[]) => `${fields.map(csvField).join(",")}\r\n`;
  return (
    line(columns.map((column) => column.name)) +
    rows.map((row) => line(columns.map((column) => column.value(row)))).join("")
  );
}

/** The response of a CSV endpoint. Static hosts serve .csv files by their extension; the header says it in dev. */
export function csvResponse(text: string): Response {
  return new Response(text, { headers: { "content-type": "text/csv; charset=utf-8; header=present" } });
}
