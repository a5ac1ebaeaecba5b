import * as Plot from "@observablehq/plot";
import { renderSizes } from "./render.ts";
import { CHART_FONT_SIZE, CHART_SMALL_FONT_SIZE } from "./sizes.ts";
import { fitText } from "./text.ts";

export interface BoardPoint {
  label: string;
  value: number;
  low: number;
  high: number;
  provenance: "measured" | "reported";
  /** The tooltip; its first line names the model (a catalogue name or id), which the dot links to. */
  tip: string;
}

/**
 * A link to the model a point's tip names, for Chart.astro to resolve against the catalogue: the page knows the
 * rows by name, and Chart.astro drops the link where no catalogue model has that name or id (baselines).
 */
const modelLink = (point: BoardPoint) => `zoo-model:${encodeURIComponent(point.tip.split("\n")[0]!)}`;

/**
 * Each score as a dot with its 95% interval as a bar, best at the top, and chance as a dashed line (or, far from the
 * scores, a note pointing to it): intervals that overlap are the ties the rank column reports. On a phone each name
 * sits above its bar, using the full width; wider, the names stand to the left. Names and dots link to the model's
 * page.
 */
export function leaderboardChart(points: readonly BoardPoint[], chance: number | null, unit = "score (%)"): string {
  const order = [...points].sort((a, b) => b.value - a.value).map((point) => point.label);
  // The axis starts near the scores rather than at 0; chance is on it when it lies within ten points of them, else
  // a note at the axis's start points towards it.
  const highest = Math.max(...points.map((point) => point.high));
  const lowest = Math.min(...points.map((point) => point.low));
  const showsChance = chance !== null && chance >= lowest - 10 && chance <= highest + 10;
  const domain = [
    Math.max(0, Math.floor((Math.min(lowest, showsChance ? chance! : lowest) - 2) / 5) * 5),
    Math.min(100, Math.ceil((Math.max(highest, showsChance ? chance! : highest) + 2) / 5) * 5),
  ];
  return renderSizes((width, size) => {
    const stacked = size === "s";
    const labelWidth = stacked ? 0 : size === "m" ? 190 : 250;
    const marginLeft = stacked ? 12 : labelWidth;
    const marginRight = 20;
    const row = stacked ? 40 : 24;
    const fitted = (label: string) =>
      fitText(label, stacked ? width - marginLeft - marginRight : labelWidth - 14, CHART_FONT_SIZE);
    // Stacked, the name is the upper half of its row and the interval the lower.
    const markDy = stacked ? 8 : 0;
    return {
      width,
      height: 56 + order.length * row,
      marginTop: 26,
      marginBottom: 30,
      marginLeft,
      marginRight,
      x: { label: unit, grid: true, domain, ticks: Math.max(3, Math.round((width - marginLeft) / 90)) },
      y: { label: null, domain: order, axis: null },
      marks: [
        ...(chance === null
          ? []
          : showsChance
            ? [
                Plot.ruleX([chance], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
                Plot.text([chance], {
                  x: (d: number) => d,
                  frameAnchor: "top",
                  dx: 4,
                  dy: -14,
                  textAnchor: "start",
                  text: () => `chance ${chance}%`,
                  fill: "currentColor",
                  fontSize: CHART_SMALL_FONT_SIZE,
                }),
              ]
            : [
                Plot.text([chance], {
                  frameAnchor: chance < domain[0]! ? "top-left" : "top-right",
                  dy: -14,
                  textAnchor: chance < domain[0]! ? "start" : "end",
                  text: () => (chance < domain[0]! ? `← chance ${chance}%` : `chance ${chance}% →`),
                  fill: "currentColor",
                  fontSize: CHART_SMALL_FONT_SIZE,
                }),
              ]),
        Plot.text(points, {
          y: "label",
          text: (point: BoardPoint) => fitted(point.label),
          frameAnchor: "left",
          textAnchor: stacked ? "start" : "end",
          dx: stacked ? 0 : -10,
          dy: stacked ? -9 : 0,
          fontSize: CHART_FONT_SIZE,
          fill: "currentColor",
          href: modelLink,
          // The whole name, where it had to be shortened.
          title: (point: BoardPoint) => (fitted(point.label) === point.label ? undefined : point.label),
        }),
        Plot.ruleY(points, {
          y: "label",
          x1: "low",
          x2: "high",
          dy: markDy,
          stroke: "#2c7fb8",
          strokeWidth: 3,
          strokeOpacity: 0.45,
        }),
        Plot.dot(points, {
          y: "label",
          x: "value",
          dy: markDy,
          r: 5,
          stroke: (point: BoardPoint) => (point.provenance === "measured" ? "#1d7a3d" : "#6b7280"),
          fill: (point: BoardPoint) => (point.provenance === "measured" ? "#1d7a3d" : "transparent"),
          strokeWidth: 2,
          title: "tip",
          href: modelLink,
        }),
      ],
    };
  });
}
