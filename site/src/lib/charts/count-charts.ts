import * as Plot from "@observablehq/plot";
import { LICENSE_CLASS_INFO, type LicenseClass } from "@zoo/catalog";
import { CLOSED_COLOR, LICENSE_COLORS, OPEN_COLOR } from "../palette.ts";
import { renderPlot } from "./render.ts";

export interface YearCount {
  year: number;
  weights: "open weights" | "closed weights";
  count: number;
}

const total = (counts: readonly YearCount[], year: number) =>
  counts.filter((count) => count.year === year).reduce((sum, count) => sum + count.count, 0);

/** Models released per year, stacked open-weight against closed. */
export function yearChart(counts: readonly YearCount[]): string {
  const years = [...new Set(counts.map((count) => count.year))].sort();
  return renderPlot({
    width: 640,
    height: 240,
    marginLeft: 36,
    x: { label: null, domain: years.map(String), tickFormat: (year: string) => year },
    y: {
      label: "models",
      grid: true,
      ticks: Math.min(5, Math.max(...years.map((year) => total(counts, year)))),
      tickFormat: "d",
    },
    color: { domain: ["open weights", "closed weights"], range: [OPEN_COLOR, CLOSED_COLOR] },
    marks: [
      Plot.barY(counts, {
        x: (count: YearCount) => String(count.year),
        y: "count",
        fill: "weights",
        title: (count: YearCount) =>
          `${count.year}: ${count.count} ${count.weights === "open weights" ? "with open weights" : "closed"}`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** Models per license class, in the taxonomy's order. */
export function licenseChart(counts: readonly { licenseClass: LicenseClass; count: number }[]): string {
  return renderPlot({
    width: 640,
    height: 36 + counts.length * 28,
    marginLeft: 120,
    x: {
      label: "models",
      grid: true,
      ticks: Math.min(5, Math.max(...counts.map((count) => count.count))),
      tickFormat: "d",
    },
    y: { label: null, domain: counts.map((count) => LICENSE_CLASS_INFO[count.licenseClass].title) },
    marks: [
      Plot.barX(counts, {
        y: (count: { licenseClass: LicenseClass }) => LICENSE_CLASS_INFO[count.licenseClass].title,
        x: "count",
        fill: (count: { licenseClass: LicenseClass }) => LICENSE_COLORS[count.licenseClass],
        title: (count: { licenseClass: LicenseClass; count: number }) =>
          `${LICENSE_CLASS_INFO[count.licenseClass].title}: ${count.count} models`,
      }),
      Plot.ruleX([0]),
    ],
  });
}
