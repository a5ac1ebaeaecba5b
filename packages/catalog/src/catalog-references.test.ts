import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCatalog } from "./catalog-loader.ts";
import { formatProblem } from "./problem.ts";
import { FIXTURE_TODAY, fixtureCatalog } from "./testing/fixture-catalog.ts";

async function problemsWith(overrides: Record<string, string | null>): Promise<string[]> {
  const dir = await fixtureCatalog(overrides);
  const { problems } = await checkCatalog(dir, { today: FIXTURE_TODAY });
  return problems.map((problem) => formatProblem({ ...problem, file: relative(dir, problem.file) }));
}

describe("references between catalogue files", () => {
  it("checks license file names against SPDX", async () => {
    const license = "name: X\nspdx: true\nclass: permissive\ncommercial_use: allowed\n";
    expect(await problemsWith({ "licenses/Apache2.0.yaml": license })).toEqual([
      'licenses/Apache2.0.yaml:2:7: spdx: "Apache2.0" is not an SPDX license id (did you mean "Apache-2.0"?)',
    ]);
    expect(await problemsWith({ "licenses/MIT.yaml": license.replace("spdx: true", "spdx: false") })).toEqual([
      'licenses/MIT.yaml:2:7: spdx: "MIT" is an SPDX license id: set spdx: true',
    ]);
    expect(await problemsWith({ "licenses/My_License.yaml": license.replace("spdx: true", "spdx: false") })).toEqual([
      'licenses/My_License.yaml:1:1: custom license id "My_License" is not a kebab-case id',
    ]);
  });

  it("requires conditions exactly when commercial use is conditional", async () => {
    expect(await problemsWith({ "licenses/custom.yaml": "name: X\nspdx: false\nclass: restricted-use\ncommercial_use: conditional\n" })).toEqual([
      "licenses/custom.yaml:1:1: conditions: conditions are given exactly when commercial_use is conditional",
    ]);
  });

  it("checks the models and seeds that milestones name", async () => {
    const milestones = "milestones:\n  - date: 2020\n    name: X\n    description: Y\n    model: base-8b\n    source: { seed: note }\n";
    expect(await problemsWith({ "milestones.yaml": milestones })).toEqual([
      'milestones.yaml:5:12: milestones[0].model: no model "base-8b" in the catalogue (did you mean "base-7b"?)',
      'milestones.yaml:6:21: milestones[0].source.seed: no seed document "note" in the catalogue (did you mean "notes"?)',
    ]);
  });

  it("checks references of an entry that fails its schema, so one run reports everything", async () => {
    const broken = "id: broken\norganization: acmee\nlicense: mit\nbase_model: [chat-7c]\n";
    const problems = await problemsWith({ "models/broken.yaml": broken });
    expect(problems.filter((line) => line.includes("in the catalogue"))).toEqual([
      'models/broken.yaml:2:15: organization: no organization "acmee" in the catalogue (did you mean "acme"?)',
      'models/broken.yaml:3:10: license: no license "mit" in the catalogue',
      'models/broken.yaml:4:14: base_model[0]: no model "chat-7c" in the catalogue (did you mean "chat-7b"?)',
    ]);
  });
});

describe("seed mentions", () => {
  it("resolves each mention by id, name, alias or family, ignoring case and punctuation", async () => {
    const seed = "title: Notes\nfile: 004_notes.txt\nmentions: [Base 7B, BASE-7B, chat 7b, moe, MoE 8x1B, Koala]\n";
    expect(await problemsWith({ "seeds/notes.yaml": seed })).toEqual([
      'seeds/notes.yaml:3:54: mentions[5]: "Koala" names no catalogue entry (by id, name, alias or family)',
    ]);
  });
});

describe("nameKey", () => {
  it("ignores case, spaces and punctuation but keeps decimal points and plus signs", async () => {
    const { nameKey } = await import("./catalog-references.ts");
    expect(nameKey("Llama 2")).toBe(nameKey("llama-2"));
    expect(nameKey("GPT-3.5")).toBe(nameKey("gpt-3.5"));
    expect(nameKey("OPT-1.3B")).not.toBe(nameKey("OPT-13B"));
    expect(nameKey("CodeT5+")).not.toBe(nameKey("CodeT5"));
    expect(nameKey("Mistral 7B v0.1.")).toBe("mistral7bv0.1");
  });

  it("accepts a misprinted mention that names its model explicitly", async () => {
    const seed =
      "title: Notes\nfile: 004_notes.txt\nmentions:\n  - { text: Base 8B, model: base-7b, note: the document misprints the size }\n  - { text: X, model: base-9b, note: wrong }\n";
    expect(await problemsWith({ "seeds/notes.yaml": seed })).toEqual([
      'seeds/notes.yaml:5:23: mentions[1].model: "base-9b" is no catalogue entry or family',
    ]);
  });
});
