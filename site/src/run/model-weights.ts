import { AutoConfig, ModelRegistry } from "@huggingface/transformers";
import type { RunDevice } from "./device.ts";
import { RunError, missingWeightsError } from "./run-error.ts";

/** WebAssembly's 32-bit memory: 4 GiB at most, for the weights and all else ONNX Runtime allocates. */
export const WASM_MEMORY_BYTES = 4 * 1024 ** 3;

/** "870 MB", "5.4 GB": sizes as the Hub shows them, in powers of 1,000. */
export function byteSize(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/**
 * Why the weights cannot run on the device, or undefined: on WebAssembly, weights past its 4 GiB of memory. WebGPU
 * states no memory a page may read, so there the model is tried and an allocation failure reported as it comes.
 */
export function tooLargeError(repo: string, dtype: string, device: RunDevice, bytes: number): RunError | undefined {
  if (device !== "wasm" || bytes < WASM_MEMORY_BYTES) return undefined;
  return new RunError(
    `${repo}'s ${dtype} weights are ${byteSize(bytes)}, more than the 4 GiB of memory WebAssembly can address: choose a smaller dtype, WebGPU, or score it with pnpm bench`,
  );
}

/**
 * The bytes of ONNX weights transformers.js will download to run the Hub repo at `revision` with `dtype` on
 * `device` (each graph and its external data), read from the files' sizes without downloading them: a file the
 * repo lacks, and weights too large for the device, are refused before anything is downloaded.
 */
export async function weightBytes(repo: string, revision: string, dtype: string, device: RunDevice): Promise<number> {
  const config = await AutoConfig.from_pretrained(repo, { revision });
  // Any of transformers.js's dtypes: the page offers the catalogue's, which the schema keeps to those.
  const options = { config, dtype: dtype as "fp32", device };
  const files = (await ModelRegistry.get_model_files(repo, options)).filter((file) =>
    /\.onnx(_data(_\d+)?)?$/.test(file),
  );
  const sizes = await Promise.all(
    files.map(async (file) => {
      const metadata = await ModelRegistry.get_file_metadata(repo, file, { revision });
      if (!metadata.exists) throw missingWeightsError(repo, file, dtype);
      return metadata.size ?? 0;
    }),
  );
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  const refused = tooLargeError(repo, dtype, device, bytes);
  if (refused) throw refused;
  return bytes;
}
