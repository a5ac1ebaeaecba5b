import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referenceLogits, referenceLogprob } from "../src/testing/tiny-lm-reference.ts";
import { writeTinyLmSafetensors } from "../src/tiny-lm/tiny-lm-safetensors.ts";
import { writeTinyLm, type TinyLm } from "../src/tiny-lm/tiny-lm.ts";
import { findTorchPython, runTorchPeer, type TorchPeerRequest } from "./torch-peer.ts";

// The peer needs a Python with torch (.ci/run installs Debian's): without one these tests fail, unless skipped on
// purpose with ZOO_SKIP_TORCH=1, so that a run never claims what it did not check.
const python = await findTorchPython();
const skipped = python === undefined && process.env.ZOO_SKIP_TORCH === "1";

if (python === undefined && !skipped)
  it("finds a python3 with torch", () => {
    throw new Error(
      "the PyTorch peer's tests need a python3 with torch: apt-get install -y python3-torch libopenblas0-pthread (or set ZOO_SKIP_TORCH=1 to skip them)",
    );
  });

/** lm-evaluation-harness's answer to a request, from the float64 reference: the input cut from the left. */
function expected(lm: TinyLm, { context, continuation }: TorchPeerRequest, maxLength: number) {
  const input = [...context, ...continuation].slice(-(maxLength + 1)).slice(0, -1);
  const logits = referenceLogits(lm.weights, input);
  const scored = continuation.map((token, t) =>
    referenceLogprob(logits[input.length - continuation.length + t]!, token),
  );
  return {
    logprob: scored.reduce((sum, { logprob }) => sum + logprob, 0),
    greedy: scored.every(({ greedy }) => greedy),
  };
}

describe.skipIf(python === undefined)("runTorchPeer", () => {
  it("scores as lm-evaluation-harness does on the same weights, within float32 of the reference", async () => {
    const lm = await writeTinyLm(join(await mkdtemp(join(tmpdir(), "zoo-torch-peer-test-")), "tiny-lm"));
    await writeTinyLmSafetensors(join(lm.dir, "model.safetensors"), lm.weights);
    const context = [2, 80, 90, 100, 110, 120, 130];
    const last = referenceLogits(lm.weights, context).at(-1)!;
    const argmax = last.indexOf(Math.max(...last));
    const requests: TorchPeerRequest[] = [
      // Four one-token answers to one context, one of them the greedy one: one forward pass.
      ...[40, 41, 42, argmax].map((token) => ({ context, continuation: [token] })),
      { context, continuation: [150, 160, 170] },
      // The same tokens as the last, split elsewhere: the same input, scored at its own positions.
      { context: [...context, 150], continuation: [160, 170] },
      // Longer than the model's length of 12 here: cut from the left.
      { context: Array.from({ length: 20 }, (_, i) => 10 + i), continuation: [200, 201] },
      { context: [5], continuation: [6] },
    ];
    const maxLength = 12;
    const result = await runTorchPeer(python!, lm.dir, requests, { maxLength, batchSize: 2 });
    expect(result.greedy[3]).toBe(true);
    requests.forEach((request, i) => {
      const { logprob, greedy } = expected(lm, request, maxLength);
      expect(Math.abs(result.logprobs[i]! - logprob)).toBeLessThan(1e-4);
      expect(result.greedy[i]).toBe(greedy);
    });
    // Four distinct inputs, of 12, 9, 7 and 1 tokens, longest first in batches of two padded to their longest.
    expect(result.forwardTokens).toBe(2 * 12 + 2 * 7);
    expect(result.threads).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it("fails with the peer's own one-line reason", async () => {
    const empty = await mkdtemp(join(tmpdir(), "zoo-torch-peer-test-"));
    await expect(
      runTorchPeer(python!, empty, [{ context: [1], continuation: [2] }], { maxLength: 8, batchSize: 1 }),
    ).rejects.toThrow(/^torch peer \(.*python3\) failed: FileNotFoundError: .*config\.json/);
  });
});
