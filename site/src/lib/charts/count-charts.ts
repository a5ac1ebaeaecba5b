import * as Plot from "@observablehq/plot";
import { LICENSE_CLASS_INFO, type LicenseClass } from "@zoo/catalog";
import { CLOSED_COLOR, LICENSE_COLORS, OPEN_COLOR } from "../palette.ts";
import { renderSizes } from "./render.ts";
import { CHART_FONT_SIZE } from "./sizes.ts";
import { textWidth } from "./text.ts";

export interface YearCount {
  year: number;
  weights: "open weights" | "closed weights";
  count: number;
}

const total = (counts: readonly YearCount[], year: number) =>
  counts.filter((count) => count.year === year).reduce((sum, count) => sum + count.count, 0);

/** Models released per year, stacked open-weight against closed: every year labelled where they fit, else every other. */
export function yearChart(counts: readonly YearCount[]): string {
  const years = [...new Set(counts.map((count) => count.year))].sort();
  const highest = Math.max(0, ...years.map((year) => total(counts, year)));
  // The tick labels, the ticks (6 px) and the gap Plot keeps between them (3 px), with room to spare.
  const marginLeft = 14 + textWidth(String(highest), CHART_FONT_SIZE);
  return renderSizes((width) => {
    const band = (width - marginLeft - 8) / Math.max(1, years.length);
    const every = Math.ceil((textWidth("2000", CHART_FONT_SIZE) + 6) / band);
    return {
      width,
      height: 240,
      marginLeft,
      marginRight: 8,
      x: {
        label: null,
        domain: years.map(String),
        tickFormat: (year: string) => (years.indexOf(Number(year)) % every === (years.length - 1) % every ? year : ""),
      },
      y: { label: "models", grid: true, ticks: Math.min(5, highest), tickFormat: "d" },
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
    };
  });
}

/** Models per license class, in the taxonomy's order. */
export function licenseChart(counts: readonly { licenseClass: LicenseClass; count: number }[]): string {
  const title = (licenseClass: LicenseClass) => LICENSE_CLASS_INFO[licenseClass].title;
  const highest = Math.max(0, ...counts.map((count) => count.count));
  return renderSizes((width) => ({
    width,
    height: 44 + counts.length * 28,
    marginLeft: 16 + Math.max(...counts.map((count) => textWidth(title(count.licenseClass), CHART_FONT_SIZE))),
    // Room for the last tick's label, centred on the frame's right edge.
    marginRight: 8 + textWidth(String(highest), CHART_FONT_SIZE) / 2,
    x: { label: "models", grid: true, ticks: Math.min(width < 500 ? 4 : 6, highest), tickFormat: "d" },
    y: { label: null, domain: counts.map((count) => title(count.licenseClass)) },
    marks: [
      Plot.barX(counts, {
        y: (count: { licenseClass: LicenseClass }) => title(count.licenseClass),
        x: "count",
        fill: (count: { licenseClass: LicenseClass }) => LICENSE_COLORS[count.licenseClass],
        title: (count: { licenseClass: LicenseClass; count: number }) =>
          `${title(count.licenseClass)}: ${count.count} models`,
      }),
      Plot.ruleX([0]),
    ],
  }));
}
