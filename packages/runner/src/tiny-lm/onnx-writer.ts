/*
 * Just enough of ONNX's protobuf encoding (onnx/onnx.proto) to write a model with float and int64 initializers:
 * ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto and ValueInfoProto. Field numbers are the ones
 * onnx.proto assigns; repeated scalars are written unpacked, which proto2 readers (onnxruntime) expect.
 */

export const ONNX_FLOAT = 1 as const;
export const ONNX_INT64 = 7 as const;

export type Dim = number | string;

export interface OnnxTensor {
  name: string;
  dataType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  dims: readonly number[];
  values: Float32Array | BigInt64Array;
}

export type AttributeValue = number | readonly number[] | OnnxTensor | { float: number };

export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: Record<string, AttributeValue>;
}

export interface OnnxValueInfo {
  name: string;
  elemType: typeof ONNX_FLOAT | typeof ONNX_INT64;
  shape: readonly Dim[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  opset: number;
}

class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];

  private push(bytes: number[] | Uint8Array): void {
    this.chunks.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  }

  private varint(value: bigint): void {
    // Negative int64s are their 64-bit two's complement, ten bytes long.
    let rest = BigInt.asUintN(64, value);
    const bytes: number[] = [];
    do {
      const low = Number(rest & 0x7fn);
      rest >>= 7n;
      bytes.push(rest === 0n ? low : low | 0x80);
    } while (rest !== 0n);
    this.push(bytes);
  }

  private key(field: number, wireType: 0 | 2 | 5): void {
    this.varint(BigInt((field << 3) | wireType));
  }

  int(field: number, value: number | bigint): this {
    this.key(field, 0);
    this.varint(BigInt(value));
    return this;
  }

  float(field: number, value: number): this {
    this.key(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.push(bytes);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.key(field, 2);
    this.varint(BigInt(value.length));
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  message(field: number, write: (writer: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    write(inner);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((total, chunk) => total + chunk.length, 0));
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

function writeTensor(writer: ProtoWriter, tensor: OnnxTensor): void {
  for (const dim of tensor.dims) writer.int(1, dim);
  writer.int(2, tensor.dataType);
  writer.string(8, tensor.name);
  // raw_data is little-endian, which typed arrays are on every platform Node runs on.
  writer.bytes(9, new Uint8Array(tensor.values.buffer, tensor.values.byteOffset, tensor.values.byteLength));
}

function writeAttribute(writer: ProtoWriter, name: string, value: AttributeValue): void {
  writer.string(1, name);
  if (typeof value === "number") writer.int(3, value).int(20, 2);
  else if (Array.isArray(value)) {
    for (const item of value as readonly number[]) writer.int(8, item);
    writer.int(20, 7);
  } else if ("float" in value) writer.float(2, value.float).int(20, 1);
  else writer.message(5, (inner) => writeTensor(inner, value as OnnxTensor)).int(20, 4);
}

function writeValueInfo(writer: ProtoWriter, info: OnnxValueInfo): void {
  writer.string(1, info.name);
  writer.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.int(1, info.elemType);
      tensorType.message(2, (shape) => {
        for (const dim of info.shape)
          shape.message(1, (d) => (typeof dim === "number" ? d.int(1, dim) : d.string(2, dim)));
      });
    }),
  );
}

/** The bytes of an ONNX model file holding `graph`. */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const model = new ProtoWriter();
  model.int(1, 8); // IR version 8 pairs with opsets up to 18
  model.string(2, "zoo");
  model.message(8, (opset) => opset.string(1, "").int(2, graph.opset));
  model.message(7, (g) => {
    graph.nodes.forEach((node, index) => {
      g.message(1, (n) => {
        for (const input of node.inputs) n.string(1, input);
        for (const output of node.outputs) n.string(2, output);
        n.string(3, `${node.op}_${index}`);
        n.string(4, node.op);
        for (const [name, value] of Object.entries(node.attributes ?? {}))
          n.message(5, (a) => writeAttribute(a, name, value));
      });
    });
    g.string(2, graph.name);
    for (const tensor of graph.initializers) g.message(5, (t) => writeTensor(t, tensor));
    for (const input of graph.inputs) g.message(11, (v) => writeValueInfo(v, input));
    for (const output of graph.outputs) g.message(12, (v) => writeValueInfo(v, output));
  });
  return model.finish();
}
