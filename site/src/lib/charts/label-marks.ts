import * as Plot from "@observablehq/plot";
import { CHART_SMALL_FONT_SIZE } from "./sizes.ts";
import type { LabelPosition, PlacedLabel } from "./text.ts";

/** Where a name may go around a dot of radius r, in order of preference: right, left, above, below. */
export function besideDot(r: number): LabelPosition[] {
  return [
    { dx: r + 4, dy: 0, textAnchor: "start" },
    { dx: -r - 4, dy: 0, textAnchor: "end" },
    { dx: 0, dy: -r - 9, textAnchor: "middle" },
    { dx: 0, dy: r + 9, textAnchor: "middle" },
  ];
}

/**
 * The text marks that write labels placed by placeLabels, at the data position of each label's item. Plot offsets
 * a whole mark at once, so it is one text mark per position a label took.
 */
export function labelMarks<T>(
  labels: readonly PlacedLabel<T>[],
  positions: readonly LabelPosition[],
  at: { x: (item: T) => Date | number; y: (item: T) => number },
): Plot.Markish[] {
  return positions.map((position) =>
    Plot.text(
      labels.filter((label) => label.dx === position.dx && label.dy === position.dy),
      {
        x: (label: PlacedLabel<T>) => at.x(label.item),
        y: (label: PlacedLabel<T>) => at.y(label.item),
        ...position,
        text: "text",
        fontSize: CHART_SMALL_FONT_SIZE,
        fill: "currentColor",
      },
    ),
  );
}
