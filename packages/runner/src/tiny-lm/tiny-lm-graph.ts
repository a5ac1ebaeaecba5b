import { ONNX_FLOAT, ONNX_INT64, type OnnxGraph, type OnnxNode, type OnnxTensor } from "./onnx-writer.ts";
import { LAYER_NORM_EPSILON, type LayerNormWeights, type TinyLmWeights } from "./tiny-lm-weights.ts";

/** What masked attention scores are set to: exp() of it is exactly 0 in float32. */
const MASKED_SCORE = -1e9;

/**
 * The ONNX graph of the tiny LM with the inputs and outputs transformers.js expects of a decoder exported by
 * Optimum: input_ids, attention_mask, position_ids and past_key_values.N.key/value in; logits and
 * present.N.key/value out. Attention is causal over the past and the new tokens and ignores masked keys.
 */
export function tinyLmGraph(weights: TinyLmWeights): OnnxGraph {
  const { shape } = weights;
  const headDim = shape.hidden / shape.heads;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  let counter = 0;
  const node = (op: string, inputs: string[], attributes?: OnnxNode["attributes"], output?: string): string => {
    const name = output ?? `${op.toLowerCase()}_${counter++}`;
    nodes.push({ op, inputs, outputs: [name], ...(attributes ? { attributes } : {}) });
    return name;
  };
  const float = (name: string, dims: number[], values: Float32Array): string => {
    initializers.push({ name, dataType: ONNX_FLOAT, dims, values });
    return name;
  };
  const int64 = (name: string, dims: number[], values: number[]): string => {
    initializers.push({ name, dataType: ONNX_INT64, dims, values: BigInt64Array.from(values.map(BigInt)) });
    return name;
  };
  const layerNorm = (input: string, norm: LayerNormWeights, prefix: string): string =>
    node(
      "LayerNormalization",
      [input, float(`${prefix}.gamma`, [shape.hidden], norm.gamma), float(`${prefix}.beta`, [shape.hidden], norm.beta)],
      { axis: -1, epsilon: { float: LAYER_NORM_EPSILON } },
    );

  const zero = int64("zero", [], [0]);
  const one = int64("one", [], [1]);
  const splitHeads = int64("split_heads", [4], [0, 0, shape.heads, headDim]);
  const joinHeads = int64("join_heads", [3], [0, 0, shape.hidden]);
  const axes = (name: string, values: number[]) => int64(name, [values.length], values);
  const scale = float("scale", [], Float32Array.of(1 / Math.sqrt(headDim)));
  const masked = float("masked", [], Float32Array.of(MASKED_SCORE));

  // allowed[b, 0, i, j]: key j is neither in the future of query i (at absolute position past + i) nor masked.
  const newLength = node("Gather", [node("Shape", ["input_ids"]), one]);
  const totalLength = node("Gather", [node("Shape", ["attention_mask"]), one]);
  const pastLength = node("Sub", [totalLength, newLength]);
  const keyPositions = node("Unsqueeze", [node("Range", [zero, totalLength, one]), axes("axes_0", [0])]);
  const queryPositions = node("Unsqueeze", [node("Range", [pastLength, totalLength, one]), axes("axes_1", [1])]);
  const causal = node("Unsqueeze", [node("LessOrEqual", [keyPositions, queryPositions]), axes("axes_01", [0, 1])]);
  const present = node("Unsqueeze", [node("Cast", ["attention_mask"], { to: 9 }), axes("axes_12", [1, 2])]);
  const allowed = node("And", [causal, present]);

  let x = node("Add", [
    node("Gather", [float("token_embedding", [shape.vocabSize, shape.hidden], weights.tokenEmbedding), "input_ids"]),
    node("Gather", [
      float("position_embedding", [shape.maxPositions, shape.hidden], weights.positionEmbedding),
      "position_ids",
    ]),
  ]);
  weights.layers.forEach((layer, index) => {
    const p = `layers.${index}`;
    const h = layerNorm(x, layer.attentionNorm, `${p}.attention_norm`);
    const heads = (name: string, matrix: Float32Array) =>
      node(
        "Transpose",
        [
          node("Reshape", [
            node("MatMul", [h, float(`${p}.${name}`, [shape.hidden, shape.hidden], matrix)]),
            splitHeads,
          ]),
        ],
        {
          perm: [0, 2, 1, 3],
        },
      );
    const query = heads("query", layer.query);
    const keys = node(
      "Concat",
      [`past_key_values.${index}.key`, heads("key", layer.key)],
      { axis: 2 },
      `present.${index}.key`,
    );
    const values = node(
      "Concat",
      [`past_key_values.${index}.value`, heads("value", layer.value)],
      { axis: 2 },
      `present.${index}.value`,
    );
    const scores = node("Mul", [node("MatMul", [query, node("Transpose", [keys], { perm: [0, 1, 3, 2] })]), scale]);
    const attention = node("Softmax", [node("Where", [allowed, scores, masked])], { axis: -1 });
    const context = node("Reshape", [
      node("Transpose", [node("MatMul", [attention, values])], { perm: [0, 2, 1, 3] }),
      joinHeads,
    ]);
    x = node("Add", [x, node("MatMul", [context, float(`${p}.output`, [shape.hidden, shape.hidden], layer.output)])]);
    const m = layerNorm(x, layer.mlpNorm, `${p}.mlp_norm`);
    const up = node("Relu", [
      node("Add", [
        node("MatMul", [m, float(`${p}.up`, [shape.hidden, shape.ffn], layer.up)]),
        float(`${p}.up_bias`, [shape.ffn], layer.upBias),
      ]),
    ]);
    const down = node("Add", [
      node("MatMul", [up, float(`${p}.down`, [shape.ffn, shape.hidden], layer.down)]),
      float(`${p}.down_bias`, [shape.hidden], layer.downBias),
    ]);
    x = node("Add", [x, down]);
  });
  node(
    "MatMul",
    [
      layerNorm(x, weights.finalNorm, "final_norm"),
      float("unembedding", [shape.hidden, shape.vocabSize], weights.unembedding),
    ],
    undefined,
    "logits",
  );

  const cache = (prefix: string, length: string) =>
    weights.layers.flatMap((_, index) =>
      (["key", "value"] as const).map((part) => ({
        name: `${prefix}.${index}.${part}`,
        elemType: ONNX_FLOAT,
        shape: ["batch_size", shape.heads, length, headDim],
      })),
    );
  return {
    name: "zoo-tiny-lm",
    opset: 17,
    nodes,
    initializers,
    inputs: [
      { name: "input_ids", elemType: ONNX_INT64, shape: ["batch_size", "sequence_length"] },
      { name: "attention_mask", elemType: ONNX_INT64, shape: ["batch_size", "total_sequence_length"] },
      { name: "position_ids", elemType: ONNX_INT64, shape: ["batch_size", "sequence_length"] },
      ...cache("past_key_values", "past_sequence_length"),
    ],
    outputs: [
      { name: "logits", elemType: ONNX_FLOAT, shape: ["batch_size", "sequence_length", shape.vocabSize] },
      ...cache("present", "total_sequence_length"),
    ],
  };
}
