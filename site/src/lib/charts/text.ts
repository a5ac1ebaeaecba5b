/*
 * Text measured without a browser: charts are drawn at build time, where no font can be asked how wide a label is.
 * The widths are DejaVu Sans's (what system-ui is on most Linux desktops), the widest of the common system fonts:
 * a label given this much room fits in Segoe UI, San Francisco and Roboto too.
 */

/** Advance widths of the printable ASCII characters (space to "~"), in hundredths of an em. */
const ADVANCE = [
  32, 40, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84,
  84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 78, 75, 30, 30, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61,
  69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59,
  82, 59, 59, 53, 64, 34, 64, 84,
];

/** The width of one line of text at a font size, in the same unit, erring wide. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Beyond ASCII: CJK is a full em, combining marks take no room, anything else is taken as a wide letter.
    em +=
      code >= 32 && code < 127
        ? ADVANCE[code - 32]! / 100
        : code >= 0x2e80
          ? 1
          : code >= 0x300 && code < 0x370
            ? 0
            : 0.72;
  }
  return em * fontSize;
}

/** Shortens text to fit a width, ending it with "…" where it had to be cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join("").trimEnd()}…`, fontSize) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LabelCandidate<T> {
  item: T;
  text: string;
  /** The anchor point, in the chart's pixels. */
  x: number;
  y: number;
}

/** Where a label goes relative to its anchor: the offset of its text, and which end of the text the offset holds. */
export interface LabelPosition {
  dx: number;
  dy: number;
  textAnchor: "start" | "end" | "middle";
}

export interface PlacedLabel<T> extends LabelCandidate<T> {
  /** Where the text starts, relative to x, and which end the anchor holds. */
  dx: number;
  dy: number;
  textAnchor: "start" | "end" | "middle";
}

export interface PlaceOptions {
  fontSize: number;
  /** The area labels must stay inside. */
  frame: Box;
  /** Areas no label may cover: the marks themselves, a legend. */
  obstacles?: readonly Box[];
  /** The positions to try for each label, in order of preference, as offsets from its anchor. */
  positions: readonly LabelPosition[];
  /** Room kept free around each label. */
  padding?: number;
}

/**
 * Greedy label placement: each candidate, in the order given (most important first), takes the first of its
 * positions where it stays inside the frame and overlaps no label placed before it nor any obstacle; a label with
 * no such position is left out (its mark keeps its tooltip and link).
 */
export function placeLabels<T>(candidates: readonly LabelCandidate<T>[], options: PlaceOptions): PlacedLabel<T>[] {
  const { fontSize, frame, positions, padding = 2 } = options;
  const taken: Box[] = [...(options.obstacles ?? [])];
  const placed: PlacedLabel<T>[] = [];
  const height = fontSize * 1.2;
  for (const candidate of candidates) {
    const width = textWidth(candidate.text, fontSize);
    for (const position of positions) {
      const x0 = candidate.x + position.dx;
      const left = position.textAnchor === "start" ? x0 : position.textAnchor === "end" ? x0 - width : x0 - width / 2;
      const cy = candidate.y + position.dy;
      const box = {
        left: left - padding,
        right: left + width + padding,
        top: cy - height / 2,
        bottom: cy + height / 2,
      };
      const inside =
        box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
      if (inside && !taken.some((other) => overlaps(box, other))) {
        taken.push(box);
        placed.push({ ...candidate, ...position });
        break;
      }
    }
  }
  return placed;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The box of a dot of radius r at (x, y). */
export function dotBox(x: number, y: number, r: number): Box {
  return { left: x - r, right: x + r, top: y - r, bottom: y + r };
}
