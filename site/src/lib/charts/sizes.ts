/* The sizes charts are drawn at, shared by the build and the browser (which must not load the build's renderer). */

/** Text in charts is never drawn smaller than this, in CSS pixels, at any of the sizes below. */
export const CHART_FONT_SIZE = 12;
/** The smaller text: mark labels, notes on rules. */
export const CHART_SMALL_FONT_SIZE = 11;

/**
 * The widths a chart is drawn at: small for a phone's column, medium for a half-width column or a tablet, large for
 * a full-width column on a laptop. The stylesheet shows the one whose range holds the column's width (a container
 * query): `s` below 560 px, `m` from 560 to 1000, `l` from 1000. Each is only ever scaled up, so its text never
 * shrinks below the size it was drawn at, except `s` in a column narrower than 360 px (phones under 390 px wide).
 */
export const CHART_WIDTHS = { s: 360, m: 560, l: 1000 } as const;
export type ChartSize = keyof typeof CHART_WIDTHS;
export const CHART_SIZES = Object.keys(CHART_WIDTHS) as ChartSize[];
