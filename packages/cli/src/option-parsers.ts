import { parseCount } from "@zoo/catalog";
import { InvalidArgumentError } from "commander";

/** A count flag: an integer or a suffixed count such as 7B. */
export function countOption(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : parseCount(value);
  if (count === undefined) throw new InvalidArgumentError("expected a count such as 7B, 500M or 7000000000");
  return count;
}

export function positiveIntegerOption(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a positive integer");
  return Number(value);
}

export function nonNegativeIntegerOption(value: string): number {
  if (!/^(0|[1-9]\d*)$/.test(value)) throw new InvalidArgumentError("expected a whole number, 0 or more");
  return Number(value);
}
