import { describe, expect, it } from "vitest";
import { onnxDtypes } from "./onnx-dtypes.ts";

describe("onnxDtypes", () => {
  it("reads the dtype of each model file by transformers.js's suffixes", () => {
    expect(
      onnxDtypes([
        "onnx/model.onnx",
        "onnx/model.onnx_data",
        "onnx/model_fp16.onnx",
        "onnx/model_quantized.onnx",
        "onnx/model_int8.onnx",
        "onnx/model_uint8.onnx",
        "onnx/model_q4.onnx",
        "onnx/model_q4f16.onnx",
        "onnx/model_bnb4.onnx",
      ]),
    ).toEqual(["fp32", "fp16", "q8", "int8", "uint8", "q4", "q4f16", "bnb4"]);
  });

  it("does not take q4f16 for q4, nor an unknown precision for a session", () => {
    expect(onnxDtypes(["onnx/model_q4f16.onnx", "onnx/model_q8f16.onnx", "onnx/model_quantized.onnx"])).toEqual([
      "q8",
      "q4f16",
    ]);
  });

  it("counts a dtype only when every session has it", () => {
    expect(
      onnxDtypes([
        "onnx/encoder_model.onnx",
        "onnx/encoder_model_quantized.onnx",
        "onnx/encoder_model_fp16.onnx",
        "onnx/decoder_model_merged.onnx",
        "onnx/decoder_model_merged_quantized.onnx",
      ]),
    ).toEqual(["fp32", "q8"]);
  });

  it("ignores files outside onnx/, in subfolders and of other kinds", () => {
    expect(onnxDtypes(["model.onnx", "onnx/sub/model.onnx", "onnx/model.onnx_data", "onnx/README.md"])).toEqual([]);
  });
});
