import { describe, expect, it } from "vitest";
import { checkCatalog } from "./catalog-loader.ts";
import { deriveFacts } from "./derived-facts.ts";
import { FIXTURE_TODAY, fixtureCatalog } from "./testing/fixture-catalog.ts";

async function fixtureModels() {
  const { catalog } = await checkCatalog(await fixtureCatalog(), { today: FIXTURE_TODAY });
  const license = (id: string) => catalog.licenses.find((candidate) => candidate.id === id)!;
  const model = (id: string) => catalog.models.find((candidate) => candidate.id === id)!;
  return { license, model };
}

describe("deriveFacts", () => {
  it("computes tokens per parameter, Chinchilla ratio, compute and memory for a dense model", async () => {
    const { model, license } = await fixtureModels();
    const base = model("base-7b"); // 7B parameters, 2T tokens
    expect(deriveFacts(base, license("Apache-2.0"))).toEqual({
      licenseClass: "attribution",
      commercialUse: "allowed",
      openWeights: true,
      tokensPerParameter: { value: 2e12 / 7e9, estimate: false },
      chinchillaRatio: { value: 2e12 / 7e9 / 20, estimate: false },
      chinchillaBand: "beyond",
      trainingComputeFlops: { value: 6 * 7e9 * 2e12, estimate: false },
      weightMemoryBytes: {
        fp32: { value: 28e9, estimate: false },
        fp16: { value: 14e9, estimate: false },
        int8: { value: 7e9, estimate: false },
        int4: { value: 3.5e9, estimate: false },
      },
    });
  });

  it("marks what it computed from an estimate, and carries license conditions", async () => {
    const { model, license } = await fixtureModels();
    const facts = deriveFacts(model("moe-8x1b"), license("proprietary")); // ~6.4B total, active undisclosed, 1T tokens
    expect(facts.licenseClass).toBe("proprietary");
    expect(facts.commercialUse).toBe("conditional");
    expect(facts.commercialConditions).toBe("Only through the provider's paid API.");
    expect(facts.openWeights).toBe(false);
    expect(facts.tokensPerParameter).toEqual({ value: 1e12 / 6.4e9, estimate: true });
    expect(facts.chinchillaBand).toBe("beyond");
    // Active parameters are undisclosed, so compute falls back to the (estimated) total.
    expect(facts.trainingComputeFlops).toEqual({ value: 6 * 6.4e9 * 1e12, estimate: true });
    expect(facts.weightMemoryBytes?.fp16).toEqual({ value: 12.8e9, estimate: true });
  });

  it("uses active parameters for compute and leaves out what it cannot compute", async () => {
    const { model, license } = await fixtureModels();
    const chat = model("chat-7b"); // 7B, no training tokens
    const facts = deriveFacts(chat, license("CC-BY-NC-4.0"));
    expect(facts.licenseClass).toBe("non-commercial");
    expect(facts.commercialUse).toBe("forbidden");
    expect(facts.tokensPerParameter).toBeUndefined();
    expect(facts.trainingComputeFlops).toBeUndefined();
    expect(facts.weightMemoryBytes?.int4.value).toBe(3.5e9);

    const moe = {
      ...chat,
      parameters: {
        total: { status: "stated" as const, value: 47e9 },
        active: { status: "stated" as const, value: 13e9 },
      },
      training_tokens: { status: "stated" as const, value: 1e12 },
    };
    const moeFacts = deriveFacts(moe, license("CC-BY-NC-4.0"));
    expect(moeFacts.trainingComputeFlops).toEqual({ value: 6 * 13e9 * 1e12, estimate: false });
    expect(moeFacts.tokensPerParameter?.value).toBe(1e12 / 47e9);
    expect(moeFacts.chinchillaBand).toBe("near");
  });

  it("places token budgets in Chinchilla bands", async () => {
    const { model, license } = await fixtureModels();
    const withTokens = (tokens: number) => ({
      ...model("chat-7b"),
      training_tokens: { status: "stated" as const, value: tokens },
    });
    const band = (tokens: number) => deriveFacts(withTokens(tokens), license("CC-BY-NC-4.0")).chinchillaBand;
    expect(band(60e9)).toBe("below"); // 8.6 tokens/parameter
    expect(band(70e9)).toBe("near"); // 10 tokens/parameter: half the optimum
    expect(band(280e9)).toBe("near"); // 40 tokens/parameter: twice the optimum
    expect(band(300e9)).toBe("beyond");
  });
});
