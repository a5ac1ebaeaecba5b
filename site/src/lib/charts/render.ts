import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders an Observable Plot chart to SVG markup at build time, in linkedom's document, so charts read with
 * scripts off. Plot escapes every text it writes (titles, labels), so catalogue text stays inert.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({
    ...options,
    document,
    style: { background: "transparent", fontSize: "12px", overflow: "visible" },
  });
  return chart.outerHTML;
}
