import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The dist folder of the onnxruntime-web that @huggingface/transformers itself depends on, resolved from
 * transformers' own folder (the site does not depend on onnxruntime-web), so the WebAssembly the site serves is the
 * one the JavaScript transformers.js bundles expects. Resolved from `from`, the site's folder.
 */
export function onnxRuntimeWebDist(from: string): string {
  const fromSite = createRequire(join(from, "package.json"));
  const fromTransformers = createRequire(fromSite.resolve("@huggingface/transformers"));
  return dirname(fromTransformers.resolve("onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm"));
}

/**
 * A Vite alias that makes `onnxruntime-web/<file in dist>` name that folder's file, so the /run/ page imports ONNX
 * Runtime's WebAssembly files with `?url` and Vite copies them into the site as assets.
 */
export const onnxRuntimeWebAlias = (from: string) => ({
  find: /^onnxruntime-web\/(ort-wasm-simd-threaded\.[^/]+)$/,
  replacement: `${onnxRuntimeWebDist(from)}/$1`,
});
