// Runs bench/torch_peer.py: lm-evaluation-harness's loglikelihood scoring in PyTorch, on a tiny LM written with
// writeTinyLm and writeTinyLmSafetensors (model.safetensors beside config.json), to time and check the runner
// against. It needs a Python with torch; nothing else.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const PEER = fileURLToPath(new URL("./torch_peer.py", import.meta.url));

export interface TorchPeerRequest {
  context: number[];
  continuation: number[];
}

export interface TorchPeerResult {
  logprobs: number[];
  greedy: boolean[];
  /** Scoring time, without loading the model. */
  seconds: number;
  /** Rows times padded length, summed over the forward passes. */
  forwardTokens: number;
  torch: string;
  threads: number;
  /** The BLAS library torch's matrix products ran on, where the peer could tell. */
  blas: string | null;
}

/**
 * The first Python that imports torch: `python3`, then /usr/bin/python3, where Debian's python3-torch is when
 * `python3` is another Python (a pyenv one, say) without it.
 */
export async function findTorchPython(): Promise<string | undefined> {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const found = await promisify(execFile)(python, ["-c", "import torch"]).then(
      () => true,
      () => false,
    );
    if (found) return python;
  }
  return undefined;
}

/** Runs the peer with `python` on the model in `modelDir`, and returns its answers in the requests' order. */
export async function runTorchPeer(
  python: string,
  modelDir: string,
  requests: readonly TorchPeerRequest[],
  options: { maxLength: number; batchSize: number },
): Promise<TorchPeerResult> {
  const dir = await mkdtemp(join(tmpdir(), "zoo-torch-peer-"));
  try {
    const file = join(dir, "requests.json");
    await writeFile(file, JSON.stringify(requests));
    const args = [PEER, modelDir, file, "--max-length", `${options.maxLength}`, "--batch-size", `${options.batchSize}`];
    const { code, signal, stdout, stderr } = await new Promise<{
      code: number | null;
      signal: NodeJS.Signals | null;
      stdout: string;
      stderr: string;
    }>((resolve, reject) => {
      const child = spawn(python, args, { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
    if (code !== 0) {
      // A Python traceback ends with the exception and its message.
      const reason = stderr.trim().split("\n").at(-1) || (signal ? `killed by ${signal}` : `exit code ${code}`);
      throw new Error(`torch peer (${python}) failed: ${reason}`);
    }
    const result = JSON.parse(stdout);
    return {
      logprobs: result.logprobs,
      greedy: result.greedy,
      seconds: result.seconds,
      forwardTokens: result.forward_tokens,
      torch: result.torch,
      threads: result.threads,
      blas: result.blas,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
