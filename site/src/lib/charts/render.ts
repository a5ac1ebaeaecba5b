import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CHART_FONT_SIZE, CHART_SIZES, CHART_WIDTHS, type ChartSize } from "./sizes.ts";

/**
 * Renders an Observable Plot chart to SVG markup at build time, in linkedom's document, so charts read with
 * scripts off. Plot escapes every text it writes (titles, labels), so catalogue text stays inert.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({
    ...options,
    document,
    style: { background: "transparent", fontSize: `${CHART_FONT_SIZE}px`, overflow: "visible" },
  });
  return roundCoordinates(chart.outerHTML);
}

/**
 * Plot writes positions with all of a double's digits ("305.7844842365212"); a hundredth of a pixel is plenty, and
 * the shorter numbers make a chart of six hundred dots a third lighter. Only geometry attributes are touched.
 */
function roundCoordinates(svg: string): string {
  return svg.replace(
    / (cx|cy|x|y|x1|x2|y1|y2|width|height|transform|d)="([^"]*)"/g,
    (_, name: string, value: string) =>
      ` ${name}="${value.replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100))}"`,
  );
}

/**
 * A chart drawn at each of the widths of CHART_WIDTHS, as the markup Chart.astro shows: one `.chart-size` block per
 * width, the stylesheet showing the one that fits.
 */
export function renderSizes(spec: (width: number, size: ChartSize) => Plot.PlotOptions): string {
  return CHART_SIZES.map(
    (size) => `<div class="chart-size" data-size="${size}">${renderPlot(spec(CHART_WIDTHS[size], size))}</div>`,
  ).join("");
}
