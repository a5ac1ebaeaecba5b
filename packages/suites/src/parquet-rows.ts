import { DataError } from "./suite-errors.ts";

/**
 * The rows of a parquet file as plain objects. 64-bit integers come back as numbers (the datasets' labels and
 * answers are small); a file hyparquet cannot read is a DataError naming it.
 */
export async function readParquetRows(bytes: Uint8Array, file: string): Promise<Record<string, unknown>[]> {
  const { parquetReadObjects } = await import("hyparquet");
  let rows: Record<string, unknown>[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    rows = await parquetReadObjects({ file: buffer });
  } catch (error) {
    throw new DataError(file, `not a readable parquet file (${(error as Error).message})`);
  }
  return rows.map((row) => toPlain(row) as Record<string, unknown>);
}

function toPlain(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array) && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, toPlain(field)]));
  return value;
}
