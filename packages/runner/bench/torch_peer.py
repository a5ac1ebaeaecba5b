"""Scores loglikelihood requests on zoo's tiny LM in PyTorch, as lm-evaluation-harness scores them: the peer that
zoo's runner is timed and checked against. bench/torch-peer.ts runs it.

It follows HFLM._loglikelihood_tokens for a causal model (lm_eval/models/huggingface.py, with the Collator of
lm_eval/models/utils.py, v0.4.x), in float32 on the CPU:
- requests are grouped by context + continuation[:-1] (group_by="contexts"): a group's requests have the same
  input, which runs once for all of them (MMLU's four one-token answers to a question);
- the first request of each group, sorted by descending length of context + continuation (then by the tokens),
  runs in batches of batch_size, its input (context + continuation)[-(max_length + 1):][:-1], right-padded with 0;
- log_softmax over the vocabulary in float32; a request's log-probability is the sum, over its continuation, of
  the log-probabilities of its tokens at the input's last len(continuation) positions; it is greedy when every one
  of them is the argmax there.
Every input runs whole, without a key/value cache: one full forward pass per distinct input. The harness scores a
group's other requests at the first request's positions; where one splits context and continuation elsewhere (the
same tokens, a longer or shorter continuation) that is wrong or fails, and here each is scored at its own.

The model is the ONNX graph zoo writes (src/tiny-lm/tiny-lm-graph.ts), from the weights that
src/tiny-lm/tiny-lm-safetensors.ts writes: learned positions, pre-norm layers of causal attention without biases
and a ReLU MLP, a final LayerNorm and an untied unembedding. As the harness calls the model without an attention
mask, right padding is hidden from every real position by causality alone.

    /usr/bin/python3 torch_peer.py MODEL_DIR REQUESTS_JSON --max-length 1024 --batch-size 1

MODEL_DIR holds config.json and model.safetensors; REQUESTS_JSON is [{"context": [ids], "continuation": [ids]}].
It prints {"logprobs", "greedy", "seconds", "forward_tokens", "torch", "threads", "blas"} as JSON: seconds is the
scoring time without loading the model, forward_tokens the rows times the padded length of every forward pass.
"""

import argparse
import json
import math
import os
import time

import torch
import torch.nn.functional as F

LAYER_NORM_EPSILON = 1e-5
# What the graph sets masked attention scores to: exp() of it is exactly 0 in float32.
MASKED_SCORE = -1e9


def read_safetensors(path):
    """Every tensor of a safetensors file of float32 tensors, as views of the file's bytes read once."""
    data = bytearray(os.path.getsize(path))
    with open(path, "rb") as file:
        file.readinto(data)
    header_length = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + header_length])
    header.pop("__metadata__", None)
    tensors = {}
    for name, entry in header.items():
        if entry["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} is {entry['dtype']}, not F32")
        begin, end = entry["data_offsets"]
        values = torch.frombuffer(data, dtype=torch.float32, count=(end - begin) // 4, offset=8 + header_length + begin)
        tensors[name] = values.reshape(entry["shape"])
    return tensors


class TinyLm:
    def __init__(self, model_dir):
        with open(os.path.join(model_dir, "config.json")) as file:
            config = json.load(file)
        self.weights = read_safetensors(os.path.join(model_dir, "model.safetensors"))
        self.hidden = config["hidden_size"]
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        if self.weights["unembedding"].shape != (self.hidden, config["vocab_size"]):
            raise ValueError(f"{model_dir}: the weights do not have the shape config.json gives")

    def norm(self, x, prefix):
        w = self.weights
        return F.layer_norm(x, (self.hidden,), w[f"{prefix}.gamma"], w[f"{prefix}.beta"], LAYER_NORM_EPSILON)

    def split_heads(self, x):
        """[batch, length, hidden] as [batch, heads, length, head_dim]."""
        batch, length, _ = x.shape
        return x.view(batch, length, self.heads, self.hidden // self.heads).transpose(1, 2)

    def logits(self, ids):
        """The logits at every position of a batch of rows [batch, length], each row starting at position 0."""
        w = self.weights
        batch, length = ids.shape
        causal = torch.ones(length, length, dtype=torch.bool).tril()
        x = w["token_embedding"][ids] + w["position_embedding"][:length]
        for i in range(self.layers):
            p = f"layers.{i}"
            h = self.norm(x, f"{p}.attention_norm")
            query, key, value = (self.split_heads(h @ w[f"{p}.{name}"]) for name in ("query", "key", "value"))
            scores = (query @ key.transpose(-1, -2)) * (1 / math.sqrt(self.hidden // self.heads))
            attention = torch.softmax(scores.masked_fill(~causal, MASKED_SCORE), dim=-1)
            context = (attention @ value).transpose(1, 2).reshape(batch, length, self.hidden)
            x = x + context @ w[f"{p}.output"]
            up = torch.relu(self.norm(x, f"{p}.mlp_norm") @ w[f"{p}.up"] + w[f"{p}.up_bias"])
            x = x + (up @ w[f"{p}.down"] + w[f"{p}.down_bias"])
        return self.norm(x, "final_norm") @ w["unembedding"]


def score(model, requests, max_length, batch_size):
    """(logprobs, greedy, forward tokens) of the requests, in their order."""
    groups = {}
    for index, request in enumerate(requests):
        context, continuation = request["context"], request["continuation"]
        if not context or not continuation or len(continuation) > max_length:
            raise ValueError(f"request {index}: context and continuation must be non-empty, the continuation at most "
                             f"{max_length} tokens")
        groups.setdefault(tuple(context + continuation[:-1]), []).append(index)
    firsts = sorted((members[0] for members in groups.values()),
                    key=lambda i: (-len(requests[i]["context"] + requests[i]["continuation"]),
                                   tuple(requests[i]["context"] + requests[i]["continuation"])))
    logprobs = [0.0] * len(requests)
    greedy = [False] * len(requests)
    forward_tokens = 0
    for start in range(0, len(firsts), batch_size):
        chunk = firsts[start : start + batch_size]
        inputs = [(requests[i]["context"] + requests[i]["continuation"])[-(max_length + 1) :][:-1] for i in chunk]
        padded = max(len(tokens) for tokens in inputs)
        ids = torch.zeros(len(chunk), padded, dtype=torch.long)
        for row, tokens in enumerate(inputs):
            ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
        forward_tokens += ids.numel()
        rows = F.log_softmax(model.logits(ids), dim=-1)
        for row, first in enumerate(chunk):
            first_request = requests[first]
            for index in groups[tuple(first_request["context"] + first_request["continuation"][:-1])]:
                continuation = torch.tensor(requests[index]["continuation"], dtype=torch.long)
                scored = rows[row, len(inputs[row]) - len(continuation) : len(inputs[row])]
                logprobs[index] = float(scored.gather(-1, continuation.unsqueeze(-1)).sum())
                greedy[index] = bool((scored.argmax(dim=-1) == continuation).all())
    return logprobs, greedy, forward_tokens


def blas_library():
    """The BLAS library torch's matrix products run on, as the process maps it (Linux), or None."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.rsplit("/", 1)[-1]}
    except OSError:
        return None
    return ", ".join(sorted(os.path.realpath(path) for path in paths)) or None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_dir")
    parser.add_argument("requests")
    parser.add_argument("--max-length", type=int, required=True)
    parser.add_argument("--batch-size", type=int, default=1)
    args = parser.parse_args()
    # torch's default is one thread per physical core as its cpuinfo library counts them, and it counts one on the
    # 2-vCPU machine the figures come from: torch.get_num_threads() is 1 there. One per CPU uses the machine as the
    # runner does. Debian's torch does its matrix products in the BLAS its alternatives select: the reference
    # BLAS, single-threaded and some 15 times slower than OpenBLAS, unless libopenblas0 is installed; the threads
    # speed up the rest (layer norms, softmaxes, the log_softmax over the vocabulary).
    torch.set_num_threads(os.cpu_count() or 1)
    torch.set_grad_enabled(False)
    model = TinyLm(args.model_dir)
    with open(args.requests) as file:
        requests = json.load(file)
    # A one-token pass first, as the runner's timing leaves out ONNX Runtime's first: it starts torch's threads.
    model.logits(torch.zeros(1, 1, dtype=torch.long))
    start = time.perf_counter()
    logprobs, greedy, forward_tokens = score(model, requests, args.max_length, args.batch_size)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "logprobs": logprobs,
        "greedy": greedy,
        "seconds": seconds,
        "forward_tokens": forward_tokens,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas_library(),
    }))


if __name__ == "__main__":
    main()
