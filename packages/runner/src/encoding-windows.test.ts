import { describe, expect, it } from "vitest";
import { FIRST_WINDOW_REQUESTS, LARGEST_WINDOW_REQUESTS, encodingWindows } from "./encoding-windows.ts";

/** `count` questions of `choices` requests each, one context a question. */
const questions = (count: number, choices: number, name = "question") =>
  Array.from({ length: count * choices }, (_, i) => ({ context: `${name} ${Math.floor(i / choices)}` }));

describe("encodingWindows", () => {
  it("starts with a small window and doubles up to the largest", () => {
    const sizes = encodingWindows(questions(500, 4)).map((window) => window.length);
    expect(sizes.slice(0, 7)).toEqual([16, 32, 64, 128, 256, 256, 256]);
    expect(Math.max(...sizes)).toBe(LARGEST_WINDOW_REQUESTS);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(2000);
  });

  it("keeps a context's requests together, wherever they are in the list", () => {
    const requests = [
      { context: "a" },
      { context: "b" },
      { context: "a  " }, // the same context once its trailing spaces move to the continuation
      ...questions(FIRST_WINDOW_REQUESTS, 1),
      { context: "b" },
    ];
    const windows = encodingWindows(requests);
    expect(windows[0]).toEqual([0, 2, 1, requests.length - 1, ...Array.from({ length: 12 }, (_, i) => i + 3)]);
    expect(windows.flat().sort((a, b) => a - b)).toEqual(requests.map((_, i) => i));
  });

  it("never splits a context, however many requests it has", () => {
    const windows = encodingWindows([...questions(1, 40, "long"), ...questions(3, 2)]);
    expect(windows.map((window) => window.length)).toEqual([40, 6]);
  });

  it("is empty for no requests", () => {
    expect(encodingWindows([])).toEqual([]);
  });
});
