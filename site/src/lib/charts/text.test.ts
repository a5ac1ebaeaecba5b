import { describe, expect, it } from "vitest";
import { fitText, overlaps, placeLabels, textWidth } from "./text.ts";

describe("textWidth", () => {
  it("measures as DejaVu Sans does, at the font size given", () => {
    // Chromium with DejaVu Sans measures "Llama 2 70B" at 12 px as 75.19 px.
    expect(textWidth("Llama 2 70B", 12)).toBeGreaterThanOrEqual(75.19);
    expect(textWidth("Llama 2 70B", 12)).toBeLessThan(76);
    expect(textWidth("Llama 2 70B", 24)).toBeCloseTo(2 * textWidth("Llama 2 70B", 12), 6);
    expect(textWidth("", 12)).toBe(0);
  });

  it("gives wide room to characters beyond ASCII, a full em to CJK", () => {
    expect(textWidth("通义千问", 10)).toBe(40);
    expect(textWidth("é", 10)).toBeGreaterThanOrEqual(textWidth("e", 10));
  });
});

describe("fitText", () => {
  it("keeps text that fits and shortens text that does not, with an ellipsis", () => {
    expect(fitText("GPT-4", 100, 12)).toBe("GPT-4");
    const cut = fitText("DeepSeek-R1-Distill-Qwen-32B", 100, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(100);
    expect("DeepSeek-R1-Distill-Qwen-32B".startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe("placeLabels", () => {
  const frame = { left: 0, right: 400, top: 0, bottom: 200 };
  const right = { dx: 6, dy: 0, textAnchor: "start" } as const;
  const left = { dx: -6, dy: 0, textAnchor: "end" } as const;

  it("places each label at its first free position, and leaves out one with none", () => {
    const placed = placeLabels(
      [
        { item: "a", text: "GPT-3.5 Turbo", x: 200, y: 100 },
        { item: "b", text: "Llama 2 70B", x: 205, y: 102 },
        { item: "c", text: "Falcon-180B", x: 202, y: 104 },
      ],
      { fontSize: 11, frame, positions: [right, left] },
    );
    // b fits to the left of its anchor; c, between the two, has room on neither side.
    expect(placed.map((label) => [label.item, label.textAnchor])).toEqual([
      ["a", "start"],
      ["b", "end"],
    ]);
  });

  it("keeps labels inside the frame and off the obstacles", () => {
    const placed = placeLabels([{ item: "edge", text: "Switch-C (2048 experts)", x: 390, y: 100 }], {
      fontSize: 11,
      frame,
      positions: [right, left],
      obstacles: [{ left: 200, right: 380, top: 90, bottom: 110 }],
    });
    expect(placed).toEqual([]);
  });

  it("never returns two labels whose boxes overlap", () => {
    const candidates = Array.from({ length: 60 }, (_, index) => ({
      item: index,
      text: `Model ${index}`,
      x: 20 + ((index * 37) % 360),
      y: 20 + ((index * 53) % 160),
    }));
    const placed = placeLabels(candidates, { fontSize: 11, frame, positions: [right, left] });
    const boxes = placed.map((label) => {
      const width = textWidth(label.text, 11);
      const start = label.textAnchor === "start" ? label.x + label.dx : label.x + label.dx - width;
      return { left: start, right: start + width, top: label.y - 6.6, bottom: label.y + 6.6 };
    });
    expect(placed.length).toBeGreaterThan(10);
    for (const [index, box] of boxes.entries())
      for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
  });
});
