import { LICENSE_CLASSES, type LicenseClass } from "@zoo/catalog/browser";

/**
 * One colour per license class, from open (greens) through conditional (ambers) to closed (reds, greys), picked
 * to stay distinguishable for the common colour-vision deficiencies and readable on light and dark backgrounds.
 */
export const LICENSE_COLORS: Record<LicenseClass, string> = {
  "public-domain": "#1b9e77",
  permissive: "#4daf4a",
  attribution: "#2c7fb8",
  copyleft: "#7570b3",
  "non-commercial": "#e6ab02",
  "restricted-use": "#d95f02",
  proprietary: "#c2185b",
  unlicensed: "#888888",
};

export const LICENSE_ORDER = LICENSE_CLASSES;

/** Ten categorical colours (Observable's), then grey for "other". */
export const CATEGORY_COLORS = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];
export const OTHER_COLOR = "#b0b0b0";

/** Open weights and closed weights in the best-to-date chart. */
export const OPEN_COLOR = "#2c7fb8";
export const CLOSED_COLOR = "#c2185b";
