import { describe, expect, it } from "vitest";
import type { Drift } from "./catalog-drift.ts";
import { modelSchema } from "./model-schema.ts";
import { applySync, hubPageUrl, planSync } from "./sync-edits.ts";
import { parse } from "yaml";

const TEXT = `id: x
name: X
organization: acme
family: x
released: 2024
description: A model.
modalities: { input: [text], output: [text] }
kind: base
license: MIT
openness: { weights: open, inference_code: open, training_code: closed, training_data: closed }
access: open-weights
sources:
  - url: https://huggingface.co/Acme/X/
    facts: [license]
  - url: https://acme.example/x
    facts: [released, openness]
`;
const entry = modelSchema.parse(parse(TEXT));
const missing: Drift = {
  field: "parameters.total",
  catalogue: "—",
  hub: "1.2B (1,234,567,890)",
  kind: "missing",
  value: "1.23B",
};
const license: Drift = { field: "license", catalogue: "MIT", hub: "apache-2.0", kind: "differs", value: "Apache-2.0" };
const review: Drift = { field: "modalities", catalogue: "text → text", hub: "text-to-image", kind: "review" };

describe("planSync", () => {
  it("fills missing facts, vouched for by the source that already points at the Hub page", () => {
    const plan = planSync(entry, "acme/x", [missing, license, review]);
    expect(plan.written).toEqual([missing]);
    expect(plan.edits).toEqual([
      { set: ["parameters"], value: { total: "1.23B" }, order: expect.arrayContaining(["kind", "parameters"]) },
      { append: ["sources", 0, "facts"], value: "parameters" },
    ]);
  });

  it("with force, overwrites what differs; a new source vouches when none points at the Hub page", () => {
    const plan = planSync(entry, "acme/other", [license, review], { force: true });
    expect(plan.written).toEqual([license]);
    expect(plan.edits).toEqual([
      { set: ["license"], value: "Apache-2.0" },
      {
        append: ["sources"],
        value: {
          url: "https://huggingface.co/acme/other",
          title: "acme/other on the Hugging Face Hub",
          facts: ["license"],
        },
      },
    ]);
  });

  it("plans nothing when nothing may be written", () => {
    expect(planSync(entry, "acme/x", [license, review])).toEqual({ edits: [], written: [] });
  });
});

describe("applySync", () => {
  it("returns the edited text when it passes the check", () => {
    const result = applySync(TEXT, "models/x.yaml", planSync(entry, "acme/x", [missing]));
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(
      TEXT.replace("kind: base\n", "kind: base\nparameters:\n  total: 1.23B\n").replace(
        "[license]",
        "[license, parameters]",
      ),
    );
  });

  it("returns the problems instead when it would not", () => {
    const gated: Drift = {
      field: "openness.weights",
      catalogue: "open",
      hub: "gated",
      kind: "differs",
      value: "gated",
    };
    const text = TEXT.replace("access: open-weights", "access: api").replace("weights: open", "weights: closed");
    const closed = modelSchema.parse(parse(text));
    const result = applySync(text, "models/x.yaml", planSync(closed, "acme/x", [gated], { force: true }));
    expect(result).toEqual({
      problems: [
        {
          file: "models/x.yaml",
          line: 11,
          column: 9,
          path: "access",
          message: 'access "api" contradicts openness.weights "gated": use "open-weights" or "both"',
        },
      ],
    });
  });
});

describe("hubPageUrl", () => {
  it("is the repo's public page", () => {
    expect(hubPageUrl("acme/x")).toBe("https://huggingface.co/acme/x");
  });
});
