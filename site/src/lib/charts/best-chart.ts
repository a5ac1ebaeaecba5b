import * as Plot from "@observablehq/plot";
import type { BestRecord } from "../best-to-date.ts";
import { CLOSED_COLOR, OPEN_COLOR } from "../palette.ts";
import { renderPlot } from "./render.ts";

interface Step extends BestRecord {
  weights: "open weights" | "closed weights";
  name: string;
}

/**
 * The best score to date among open-weight and among closed models, as steps over release dates: each step is
 * the model that set a new best, labelled. Chance is the dashed line.
 */
export function bestToDateChart(
  series: { open: BestRecord[]; closed: BestRecord[] },
  name: (id: string) => string,
  chance: number | null,
  until: string,
): string {
  const steps: Step[] = [
    ...series.open.map((record) => ({ ...record, weights: "open weights" as const, name: name(record.modelId) })),
    ...series.closed.map((record) => ({ ...record, weights: "closed weights" as const, name: name(record.modelId) })),
  ];
  // Each line runs on to the latest release shown, so a record that still stands reads as standing.
  const extended = steps.concat(
    (["open weights", "closed weights"] as const).flatMap((weights) => {
      const last = steps.filter((step) => step.weights === weights).at(-1);
      return last && last.released < until ? [{ ...last, released: until }] : [];
    }),
  );
  const date = (step: Step) => new Date(step.released);
  return renderPlot({
    width: 1000,
    height: 280,
    marginLeft: 48,
    marginRight: 120,
    x: { type: "utc", label: "model release date", grid: true, inset: 10 },
    y: { label: "best score to date (%)", grid: true, domain: [0, 100] },
    color: { domain: ["open weights", "closed weights"], range: [OPEN_COLOR, CLOSED_COLOR] },
    marks: [
      ...(chance === null
        ? []
        : [
            Plot.ruleY([chance], { stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7 }),
            Plot.text([chance], {
              y: (d: number) => d,
              frameAnchor: "right",
              dx: 4,
              textAnchor: "start",
              text: () => `chance ${chance}%`,
              fill: "currentColor",
              fontSize: 11,
            }),
          ]),
      Plot.line(
        [...extended].sort((a, b) => a.released.localeCompare(b.released)),
        { x: date, y: "value", z: "weights", stroke: "weights", curve: "step-after", strokeWidth: 2 },
      ),
      Plot.dot(steps, {
        x: date,
        y: "value",
        fill: "weights",
        r: 4.5,
        title: (step: Step) => `${step.name} (${step.weights})\n${step.value.toFixed(1)}% · released ${step.released}`,
      }),
      Plot.text(steps, { x: date, y: "value", text: "name", dy: -10, fontSize: 11, fill: "currentColor" }),
    ],
  });
}
