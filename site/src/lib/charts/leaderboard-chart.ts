import * as Plot from "@observablehq/plot";
import { renderPlot } from "./render.ts";

export interface BoardPoint {
  label: string;
  value: number;
  low: number;
  high: number;
  provenance: "measured" | "reported";
  tip: string;
}

/**
 * Each score as a dot with its 95% interval as a bar, best at the top, and chance as a dashed line: intervals that
 * overlap are the ties the rank column reports.
 */
export function leaderboardChart(points: readonly BoardPoint[], chance: number | null, unit = "score (%)"): string {
  const order = [...points].sort((a, b) => b.value - a.value).map((point) => point.label);
  const highest = Math.max(...points.map((point) => point.high), chance ?? 0);
  const lowest = Math.min(...points.map((point) => point.low), chance ?? Infinity);
  return renderPlot({
    width: 1000,
    height: 40 + order.length * 24,
    marginLeft: 230,
    marginRight: 30,
    x: {
      label: unit,
      grid: true,
      domain: [Math.max(0, Math.floor(lowest / 10) * 10), Math.min(100, Math.ceil(highest / 10) * 10) || 100],
    },
    y: {
      label: null,
      domain: order,
      tickFormat: (label: string) => (label.length > 36 ? `${label.slice(0, 35)}…` : label),
    },
    marks: [
      ...(chance === null
        ? []
        : [
            Plot.ruleX([chance], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
            Plot.text([chance], {
              x: (d: number) => d,
              frameAnchor: "top",
              dy: -12,
              text: () => `chance ${chance}%`,
              fill: "currentColor",
              fontSize: 11,
            }),
          ]),
      Plot.ruleY(points, { y: "label", x1: "low", x2: "high", stroke: "#2c7fb8", strokeWidth: 3, strokeOpacity: 0.45 }),
      Plot.dot(points, {
        y: "label",
        x: "value",
        r: 5,
        stroke: (point: BoardPoint) => (point.provenance === "measured" ? "#1d7a3d" : "#6b7280"),
        fill: (point: BoardPoint) => (point.provenance === "measured" ? "#1d7a3d" : "transparent"),
        strokeWidth: 2,
        title: "tip",
      }),
    ],
  });
}
