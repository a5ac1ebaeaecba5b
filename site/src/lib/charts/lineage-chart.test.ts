import { describe, expect, it } from "vitest";
import { lineageChart, lineageLayout } from "./lineage-chart.ts";
import { textWidth } from "./text.ts";

const tree = {
  id: "llama-7b",
  children: [
    { id: "alpaca-7b", children: [] },
    {
      id: "vicuna-7b-v0",
      children: [
        { id: "llava-7b", children: [] },
        { id: "minigpt-4-7b", children: [] },
      ],
    },
    { id: "koala-7b", children: [] },
  ],
};
const NAMES: Record<string, string> = {
  "llama-7b": "LLaMA 7B",
  "alpaca-7b": "Alpaca 7B",
  "vicuna-7b-v0": "Vicuna 7B (v0)",
  "llava-7b": "LLaVA 7B (v0)",
  "minigpt-4-7b": "MiniGPT-4 7B",
  "koala-7b": "Koala 7B",
};
const name = (id: string) => NAMES[id]!;

describe("lineageLayout", () => {
  const { nodes, width, height } = lineageLayout(tree, name);
  const byId = new Map(nodes.map((node) => [node.id, node]));

  it("gives each leaf a row and sets a parent midway between its first and last child", () => {
    expect(height).toBe(8 + 4 * 24 + 8);
    expect(byId.get("vicuna-7b-v0")!.y).toBe((byId.get("llava-7b")!.y + byId.get("minigpt-4-7b")!.y) / 2);
    expect(byId.get("llama-7b")!.y).toBe((byId.get("alpaca-7b")!.y + byId.get("koala-7b")!.y) / 2);
  });

  it("starts each generation after the longest name of the one before, so no name is clipped or crossed", () => {
    const column = (depth: number) => nodes.filter((node) => node.depth === depth);
    for (const depth of [0, 1]) {
      const ends = column(depth).map((node) => node.x + 3.5 + 5 + textWidth(node.name, 12));
      for (const child of column(depth + 1)) expect(child.x - 3.5).toBeGreaterThan(Math.max(...ends) + 30);
    }
    for (const node of nodes) {
      expect(node.x).toBeGreaterThan(0);
      expect(node.x + 3.5 + 5 + textWidth(node.name, 12)).toBeLessThan(width);
    }
  });
});

describe("lineageChart", () => {
  it("draws every name as a link to its model's page, at the width it reports", () => {
    const { svg, width } = lineageChart(tree, name);
    expect(svg).toContain(`width="${width}"`);
    for (const id of Object.keys(NAMES)) expect(svg).toContain(`<a href="/models/${id}/"`);
    expect(svg.match(/<text/g)).toHaveLength(Object.keys(NAMES).length);
  });
});
