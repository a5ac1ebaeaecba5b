import { describe, expect, it } from "vitest";
import { dateStart, datePrecision, dateYear, isAfter, partialDateSchema } from "./release-date.ts";

describe("partial dates", () => {
  it("keeps the precision the source gives", () => {
    expect(partialDateSchema.parse(2023)).toBe("2023");
    expect(partialDateSchema.parse("2023-07")).toBe("2023-07");
    expect(partialDateSchema.parse("2024-02-29")).toBe("2024-02-29");
    expect(datePrecision("2023")).toBe("year");
    expect(datePrecision("2023-07")).toBe("month");
    expect(datePrecision("2023-07-18")).toBe("day");
  });

  it("rejects dates off the calendar or before 1950", () => {
    for (const bad of ["2023-13", "2023-00", "2023-02-29", "2023-04-31", "1949-12-31", "23-07-18", "2023/07/18"]) {
      expect(partialDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("sorts and compares by the first day a date can mean", () => {
    expect(dateStart("2023")).toBe("2023-01-01");
    expect(dateStart("2023-07")).toBe("2023-07-01");
    expect(dateYear("2023-07-18")).toBe(2023);
    const today = new Date("2026-11-23T12:00:00Z");
    expect(isAfter("2026", today)).toBe(false);
    expect(isAfter("2026-11", today)).toBe(false);
    expect(isAfter("2026-11-23", today)).toBe(false);
    expect(isAfter("2026-11-24", today)).toBe(true);
    expect(isAfter("2026-12", today)).toBe(true);
    expect(isAfter("2027", today)).toBe(true);
  });
});
