import { DTYPES, type Dtype } from "./run-spec.ts";

/**
 * The file name suffix transformers.js appends to a session's base name for each dtype
 * (`DEFAULT_DTYPE_SUFFIX_MAPPING`): `dtype: "q8"` loads `onnx/model_quantized.onnx`.
 */
export const ONNX_DTYPE_SUFFIXES: Record<Dtype, string> = {
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  q4f16: "_q4f16",
  bnb4: "_bnb4",
};

// Longest first, so that "_q4f16" is not read as "_q4" followed by "f16".
const SUFFIXED = DTYPES.filter((dtype) => dtype !== "fp32").sort(
  (a, b) => ONNX_DTYPE_SUFFIXES[b].length - ONNX_DTYPE_SUFFIXES[a].length,
);

function split(name: string): { base: string; dtype: Dtype } {
  for (const dtype of SUFFIXED) {
    const suffix = ONNX_DTYPE_SUFFIXES[dtype];
    if (name.endsWith(suffix) && name.length > suffix.length) return { base: name.slice(0, -suffix.length), dtype };
  }
  return { base: name, dtype: "fp32" };
}

/** Precision variants transformers.js has no dtype for, such as "_q8f16" or "_uint8f16". */
const UNKNOWN_PRECISION = /^_(?:q\d+|u?int\d+|fp\d+|bf16|bnb\d+)[a-z0-9]*$/;

/**
 * The dtypes transformers.js can load from a repo's `onnx/` folder, given the paths of the files in it. A model may
 * have several sessions (an encoder and a decoder, say): a dtype counts only when every session has a file for it.
 * A session name followed by a precision transformers.js does not know ("model_q8f16.onnx") is not a session.
 */
export function onnxDtypes(paths: readonly string[]): Dtype[] {
  const found = paths
    .filter((path) => /^onnx\/[^/]+\.onnx$/.test(path))
    .map((path) => split(path.slice("onnx/".length, -".onnx".length)));
  const bases = new Set(found.map(({ base }) => base));
  const sessions = [...bases].filter(
    (base) => ![...bases].some((other) => base.startsWith(other) && UNKNOWN_PRECISION.test(base.slice(other.length))),
  );
  if (sessions.length === 0) return [];
  return DTYPES.filter((dtype) =>
    sessions.every((session) => found.some((file) => file.base === session && file.dtype === dtype)),
  );
}
