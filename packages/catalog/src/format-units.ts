const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** Bytes in decimal units, as model sizes are quoted: 13.4 GB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${Number(value.toPrecision(3))} ${BYTE_UNITS[unit]}`;
}

/** 8.4e22 rather than 84000000000000000000000. */
export function formatScientific(value: number): string {
  return value.toExponential(2).replace("e+", "e");
}
