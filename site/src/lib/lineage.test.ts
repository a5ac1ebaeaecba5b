import { describe, expect, it } from "vitest";
import { lineage, treeSize } from "./lineage.ts";

const MODELS = [
  { id: "llama-7b" },
  { id: "alpaca-7b", base_model: ["llama-7b"] },
  { id: "vicuna-7b", base_model: ["llama-7b"] },
  { id: "vicuna-chat", base_model: ["vicuna-7b"] },
  { id: "mistral-7b" },
  { id: "merge-7b", base_model: ["alpaca-7b", "mistral-7b"] },
  { id: "gpt-4" },
];

describe("lineage", () => {
  const graph = lineage(MODELS);

  it("knows each model's bases and derivatives, in id order", () => {
    expect(graph.parents("merge-7b")).toEqual(["alpaca-7b", "mistral-7b"]);
    expect(graph.children("llama-7b")).toEqual(["alpaca-7b", "vicuna-7b"]);
    expect(graph.children("gpt-4")).toEqual([]);
    expect(graph.parents("unknown")).toEqual([]);
  });

  it("lists ancestors nearest first, each once", () => {
    expect(graph.ancestors("merge-7b")).toEqual(["alpaca-7b", "mistral-7b", "llama-7b"]);
    expect(graph.ancestors("vicuna-chat")).toEqual(["vicuna-7b", "llama-7b"]);
    expect(graph.ancestors("llama-7b")).toEqual([]);
  });

  it("builds one tree per root with derivatives, a merge beneath each of its bases", () => {
    expect(graph.forest()).toEqual([
      {
        id: "llama-7b",
        children: [
          { id: "alpaca-7b", children: [{ id: "merge-7b", children: [] }] },
          { id: "vicuna-7b", children: [{ id: "vicuna-chat", children: [] }] },
        ],
      },
      { id: "mistral-7b", children: [{ id: "merge-7b", children: [] }] },
    ]);
    expect(treeSize(graph.descendants("llama-7b"))).toBe(4);
  });

  it("ignores bases outside the given models", () => {
    expect(lineage([{ id: "a", base_model: ["missing"] }]).forest()).toEqual([]);
  });
});
