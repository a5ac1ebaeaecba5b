/**
 * The license taxonomy of the seeds' lecture notes (Lec 15, "Licensing"), from the least to the most restrictive,
 * with proprietary terms and the absence of any license at the end.
 */
export const LICENSE_CLASSES = [
  "public-domain",
  "permissive",
  "attribution",
  "copyleft",
  "non-commercial",
  "restricted-use",
  "proprietary",
  "unlicensed",
] as const;

export type LicenseClass = (typeof LICENSE_CLASSES)[number];

export interface LicenseClassInfo {
  title: string;
  /** What a user may do under a license of this class, in the seeds' words where they have them. */
  allows: string;
  examples: string;
}

export const LICENSE_CLASS_INFO: Record<LicenseClass, LicenseClassInfo> = {
  "public-domain": {
    title: "Public domain",
    allows: "Do whatever you like: no conditions at all.",
    examples: "public domain dedications, CC0",
  },
  permissive: {
    title: "Permissive",
    allows: "Use, modify and redistribute, commercially too, with few restrictions beyond keeping the notice.",
    examples: "MIT, BSD",
  },
  attribution: {
    title: "Attribution",
    allows: "Use, modify and redistribute, commercially too, but you must acknowledge the owner and state changes.",
    examples: "Apache 2.0, CC BY",
  },
  copyleft: {
    title: "Copyleft",
    allows: "Use and modify, but acknowledge the owner and release derivatives under the same license.",
    examples: "GPL, CC BY-SA",
  },
  "non-commercial": {
    title: "Non-commercial",
    allows: "Research and personal use only: no commercial use, so no longer open source.",
    examples: "CC BY-NC",
  },
  "restricted-use": {
    title: "Restricted use",
    allows:
      "Weights are available, but the license adds use restrictions (for example no use to improve other models, no military use, or a cap on monthly users).",
    examples: "Llama licenses, OpenRAIL",
  },
  proprietary: {
    title: "Proprietary",
    allows: "Use only as the owner's terms of service allow, usually through a paid API; weights are not released.",
    examples: "GPT-4, Claude, Gemini",
  },
  unlicensed: {
    title: "No license",
    allows: "All rights reserved: without a license nothing may be used, copied or redistributed.",
    examples: "code or weights published without any license",
  },
};
