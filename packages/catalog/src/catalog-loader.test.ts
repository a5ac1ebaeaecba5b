import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CatalogError, checkCatalog, loadCatalog } from "./catalog-loader.ts";
import { formatProblem } from "./problem.ts";
import { FIXTURE_TODAY, fixtureCatalog } from "./testing/fixture-catalog.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/catalog", import.meta.url));
const fixtureFile = (file: string) => readFile(join(FIXTURE, file), "utf8");

/** The formatted problems of the fixture catalogue with `overrides` applied, paths relative to the catalogue. */
async function problemsWith(overrides: Record<string, string | Uint8Array | null>): Promise<string[]> {
  const dir = await fixtureCatalog(overrides);
  const { problems } = await checkCatalog(dir, { today: FIXTURE_TODAY });
  return problems.map((problem) =>
    formatProblem({ ...problem, file: relative(dir, problem.file) }).replaceAll(`${dir}/`, ""),
  );
}

/** The fixture model `file` with each [from, to] replacement applied once. */
async function edited(file: string, ...replacements: [string, string][]): Promise<Record<string, string>> {
  let text = await fixtureFile(file);
  for (const [from, to] of replacements) {
    expect(text, `fixture ${file} holds ${JSON.stringify(from)}`).toContain(from);
    text = text.replace(from, to);
  }
  return { [file]: text };
}

describe("checkCatalog on the fixture catalogue", () => {
  it("finds no problem in a valid catalogue and reads every record", async () => {
    const { catalog, problems, files } = await checkCatalog(FIXTURE, { today: FIXTURE_TODAY });
    expect(problems).toEqual([]);
    expect(files).toEqual({ models: 3, organizations: 2, licenses: 3, seeds: 1, milestones: 1 });
    expect(catalog.models.map(({ id }) => id).sort()).toEqual(["base-7b", "chat-7b", "moe-8x1b"]);
    expect(catalog.organizations.map(({ id }) => id).sort()).toEqual(["acme", "lab"]);
    expect(catalog.licenses.map(({ id }) => id).sort()).toEqual(["Apache-2.0", "CC-BY-NC-4.0", "proprietary"]);
    expect(catalog.milestones.map(({ name }) => name)).toEqual(["Transformer", "Base 7B"]);
  });

  it("normalises counts, estimates and dates", async () => {
    const { catalog } = await checkCatalog(FIXTURE, { today: FIXTURE_TODAY });
    const base = catalog.models.find(({ id }) => id === "base-7b")!;
    const moe = catalog.models.find(({ id }) => id === "moe-8x1b")!;
    expect(base.parameters).toEqual({ total: { status: "stated", value: 7_000_000_000 } });
    expect(base.training_tokens).toEqual({ status: "stated", value: 2_000_000_000_000 });
    expect(base.released).toBe("2023-02-24");
    expect(moe.released).toBe("2024");
    expect(moe.parameters).toEqual({
      total: {
        status: "estimate",
        value: 6_400_000_000,
        source: "https://rumours.example/moe",
        note: "Rumoured, never confirmed.",
      },
      active: { status: "undisclosed" },
    });
    expect("$schema" in base).toBe(false);
  });
});

describe("checkCatalog error messages", () => {
  it("names an unknown key and the key it probably meant", async () => {
    expect(await problemsWith(await edited("models/base-7b.yaml", ["context_length:", "contxt_length:"]))).toEqual([
      'models/base-7b.yaml:13:1: contxt_length: unknown key (did you mean "context_length"?)',
      // The source still vouches for the context length, which the entry no longer states.
      'models/base-7b.yaml:36:35: sources[0].facts[2]: "context_length" is not stated by this entry, so no source can vouch for it',
    ]);
  });

  it("suggests the license id a near miss meant", async () => {
    expect(
      await problemsWith(await edited("models/base-7b.yaml", ["license: Apache-2.0", "license: apache2"])),
    ).toEqual([
      'models/base-7b.yaml:15:10: license: no license "apache2" in the catalogue (did you mean "Apache-2.0"?)',
    ]);
  });

  it("suggests the enum value a near miss meant", async () => {
    expect(await problemsWith(await edited("models/chat-7b.yaml", ["kind: chat", "kind: caht"]))).toEqual([
      'models/chat-7b.yaml:10:7: kind: expected one of "base", "instruct", "chat", "fine-tune", "merge", found "caht" (did you mean "chat"?)',
    ]);
  });

  it("says what type was expected and what was found", async () => {
    expect(
      await problemsWith(await edited("models/base-7b.yaml", ["context_length: 4096", "context_length: 4k"])),
    ).toEqual(['models/base-7b.yaml:13:17: context_length: expected a number, found "4k"']);
  });

  it("points a missing field at the mapping that lacks it", async () => {
    expect(await problemsWith(await edited("models/chat-7b.yaml", ["license: CC-BY-NC-4.0\n", ""]))).toEqual([
      "models/chat-7b.yaml:1:1: license: missing required field (expected text)",
    ]);
  });

  it("rejects an id that differs from its file name", async () => {
    expect(await problemsWith(await edited("models/chat-7b.yaml", ["id: chat-7b", "id: chat-7b-v2"]))).toEqual([
      'models/chat-7b.yaml:1:5: id: id "chat-7b-v2" differs from the file name "chat-7b.yaml": they must be equal',
    ]);
  });

  it("rejects an id that is not kebab-case", async () => {
    const overrides = await edited("models/chat-7b.yaml", ["id: chat-7b", "id: Chat_7B"]);
    expect(await problemsWith(overrides)).toEqual([
      'models/chat-7b.yaml:1:5: id: expected a kebab-case id such as "llama-2-7b", found "Chat_7B"',
      'models/chat-7b.yaml:1:5: id: id "Chat_7B" differs from the file name "chat-7b.yaml": they must be equal',
    ]);
  });

  it("rejects duplicate ids in different folders", async () => {
    const text = await fixtureFile("models/chat-7b.yaml");
    expect(await problemsWith({ "models/lab/chat-7b.yaml": text })).toEqual([
      'models/lab/chat-7b.yaml:1:5: id: duplicate id "chat-7b": also defined in models/chat-7b.yaml',
    ]);
  });

  it("rejects release dates in the future, before 1950, or not on the calendar", async () => {
    expect(await problemsWith(await edited("models/chat-7b.yaml", ["released: 2023-03", "released: 2027-01"]))).toEqual(
      ["models/chat-7b.yaml:5:11: released: release date 2027-01 is in the future (today is 2026-11-23)"],
    );
    expect(await problemsWith(await edited("models/chat-7b.yaml", ["released: 2023-03", "released: 1949"]))).toEqual([
      "models/chat-7b.yaml:5:11: released: expected a date in 1950 or later, found 1949",
    ]);
    expect(
      await problemsWith(await edited("models/chat-7b.yaml", ["released: 2023-03", "released: 2023-02-29"])),
    ).toEqual(["models/chat-7b.yaml:5:11: released: expected a day 01–28 of 2023-02, found 2023-02-29"]);
    expect(
      await problemsWith(await edited("models/chat-7b.yaml", ["released: 2023-03", "released: March 2023"])),
    ).toEqual([
      'models/chat-7b.yaml:5:11: released: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "March 2023"',
    ]);
  });

  it("rejects active parameters above total parameters", async () => {
    const overrides = await edited("models/moe-8x1b.yaml", ["  active: undisclosed", "  active: 7B"]);
    expect(await problemsWith(overrides)).toEqual([
      // A stated active count is a fact like any other: a source must vouch for it.
      "models/moe-8x1b.yaml:12:3: parameters: no source vouches for parameters: name it in the facts of one of the sources",
      "models/moe-8x1b.yaml:16:11: parameters.active: active parameters (7000000000) exceed total parameters (6400000000)",
    ]);
  });

  it("requires a milestone that names a catalogued model to link it", async () => {
    expect(await problemsWith(await edited("milestones.yaml", ["    model: base-7b\n", ""]))).toEqual([
      "milestones.yaml:7:11: milestones[1].name: names the catalogued model base-7b: link the one it introduced with model:",
    ]);
  });

  it("rejects an organization that does not exist", async () => {
    expect(
      await problemsWith(await edited("models/chat-7b.yaml", ["organization: lab", "organization: labs"])),
    ).toEqual([
      'models/chat-7b.yaml:3:15: organization: no organization "labs" in the catalogue (did you mean "lab"?)',
    ]);
  });

  it("rejects a base model that is not in the catalogue, and lineage cycles", async () => {
    expect(
      await problemsWith(await edited("models/chat-7b.yaml", ["base_model: [base-7b]", "base_model: [base-7c]"])),
    ).toEqual([
      'models/chat-7b.yaml:11:14: base_model[0]: no model "base-7c" in the catalogue (did you mean "base-7b"?)',
    ]);
    const cycle = await edited("models/base-7b.yaml", ["kind: base\n", "kind: base\nbase_model: [chat-7b]\n"]);
    expect(await problemsWith(cycle)).toEqual([
      "models/base-7b.yaml:11:13: base_model: no source vouches for base_model: name it in the facts of one of the sources",
      "models/chat-7b.yaml:11:14: base_model[0]: base_model forms a cycle: base-7b → chat-7b → base-7b",
    ]);
  });

  it("requires a source for every stated fact, and no source for a fact not stated", async () => {
    const overrides = await edited("models/base-7b.yaml", [
      "facts: [released, parameters, context_length, training_tokens, license, architecture, openness]",
      "facts: [released, parameters, license, architecture, openness, base_model]",
    ]);
    expect(await problemsWith(overrides)).toEqual([
      "models/base-7b.yaml:13:17: context_length: no source vouches for context_length: name it in the facts of one of the sources",
      "models/base-7b.yaml:14:18: training_tokens: no source vouches for training_tokens: name it in the facts of one of the sources",
      'models/base-7b.yaml:36:68: sources[0].facts[5]: "base_model" is not stated by this entry, so no source can vouch for it',
    ]);
  });

  it("reports every problem in every file in one run", async () => {
    const overrides = {
      ...(await edited(
        "models/base-7b.yaml",
        ["license: Apache-2.0", "license: apache2"],
        ["kind: base", "kind: bse"],
      )),
      ...(await edited("models/chat-7b.yaml", ["organization: lab", "organization: labs"])),
      ...(await edited("organizations/acme.yaml", ["country: US", "country: USA"])),
    };
    expect(await problemsWith(overrides)).toEqual([
      'models/base-7b.yaml:10:7: kind: expected one of "base", "instruct", "chat", "fine-tune", "merge", found "bse" (did you mean "base"?)',
      'models/base-7b.yaml:15:10: license: no license "apache2" in the catalogue (did you mean "Apache-2.0"?)',
      'models/chat-7b.yaml:3:15: organization: no organization "labs" in the catalogue (did you mean "lab"?)',
      'organizations/acme.yaml:2:10: country: expected an ISO 3166-1 alpha-2 country code such as "US" or "FR", found "USA"',
    ]);
  });

  it("rejects record names that are not plain files: links, pipes, folders", async () => {
    const dir = await fixtureCatalog();
    await symlink(join(dir, "models", "chat-7b.yaml"), join(dir, "models", "linked.yaml"));
    execFileSync("mkfifo", [join(dir, "models", "pipe.yaml")]);
    await mkdir(join(dir, "models", "folder.yaml"));
    const { problems } = await checkCatalog(dir, { today: FIXTURE_TODAY });
    expect(problems.map((problem) => formatProblem({ ...problem, file: relative(dir, problem.file) }))).toEqual([
      "models/folder.yaml:1:1: a folder: catalogue records are plain files",
      "models/linked.yaml:1:1: a symbolic link: catalogue records are plain files",
      "models/pipe.yaml:1:1: not a regular file: catalogue records are plain files",
    ]);
  });

  it("rejects files outside the catalogue's layout", async () => {
    const text = await fixtureFile("models/chat-7b.yaml");
    expect(await problemsWith({ "models/chat-7b.yml": text, "notes.txt": "hello", "README.md": "# ok" })).toEqual([
      "models/chat-7b.yml:1:1: catalogue files use the .yaml extension: rename it",
      "notes.txt:1:1: unexpected file: the catalogue holds only .yaml records",
    ]);
    expect(await problemsWith({ "extra/thing.yaml": "a: 1\n" })).toEqual([
      "extra/thing.yaml:1:1: unexpected file: catalogue records live in models/, organizations/, licenses/, seeds/ or milestones.yaml",
    ]);
  });
});

describe("checkCatalog never crashes on bad bytes", () => {
  const model = "models/bad.yaml";
  const aliasBomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    .concat(
      ["b", "c", "d", "e", "f", "g", "h", "i"].map(
        (name, index) => `${name}: &${name} [${Array(9).fill(`*${"abcdefgh"[index]}`).join(", ")}]`,
      ),
    )
    .join("\n");

  it.each([
    ["an empty file", "", "models/bad.yaml:1:1: empty file: expected a mapping of fields"],
    ["only comments", "# nothing here\n", "models/bad.yaml:1:1: empty file: expected a mapping of fields"],
    [
      "a list instead of a mapping",
      "- a\n- b\n",
      "models/bad.yaml:1:1: expected a mapping of fields at the top level, found a list",
    ],
    ["a bare string", "hello\n", 'models/bad.yaml:1:1: expected a mapping of fields at the top level, found "hello"'],
    [
      "malformed YAML",
      "id: [bad\nname: x\n",
      "models/bad.yaml:2:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ],
    ["a duplicate key", "id: bad\nname: x\nid: bad\n", "models/bad.yaml:3:1: YAML syntax: the key id appears twice"],
    [
      "a double quote never closed",
      'id: bad\nname: "Bad\ndescription: x\nkind: base\n',
      'models/bad.yaml:2:7: YAML syntax: the " opened here is never closed',
    ],
    [
      "a single quote never closed",
      "id: bad\nname: 'it''s\nkind: base\n",
      "models/bad.yaml:2:7: YAML syntax: the ' opened here is never closed",
    ],
    ["two documents", "id: bad\n---\nid: bad\n", "models/bad.yaml:2:1: expected one YAML document, found 2"],
    [
      "an alias bomb",
      aliasBomb,
      "models/bad.yaml:1:1: too many alias expansions (more than 100): refusing a possible alias bomb",
    ],
    [
      "binary bytes with NUL",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "models/bad.yaml:1:1: binary data, not YAML text: NUL byte at offset 4",
    ],
    [
      "bytes that are not UTF-8",
      new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe]),
      "models/bad.yaml:1:1: binary data, not YAML text: the bytes are not valid UTF-8",
    ],
  ])("reports %s as one problem", async (_name, content, expected) => {
    expect(await problemsWith({ [model]: content })).toEqual([expected]);
  });

  it("refuses a 50 MB file without reading it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    expect(await problemsWith({ [model]: big })).toEqual([
      "models/bad.yaml:1:1: file is 50.0 MB; a catalogue file may be at most 1.0 MB",
    ]);
  }, 60_000); // writing the 50 MB file is slow on a busy machine
});

describe("loadCatalog", () => {
  it("returns the catalogue when it is valid", async () => {
    const catalog = await loadCatalog(FIXTURE, { today: FIXTURE_TODAY });
    expect(catalog.models).toHaveLength(3);
  });

  it("throws a CatalogError holding every problem when it is not", async () => {
    const dir = await fixtureCatalog({ "models/bad.yaml": "" });
    const error = await loadCatalog(dir, { today: FIXTURE_TODAY }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems).toHaveLength(1);
    expect((error as CatalogError).message).toBe(
      `the catalogue in ${dir} has 1 problem(s):\n${join(dir, "models/bad.yaml")}:1:1: empty file: expected a mapping of fields`,
    );
  });

  it("throws a CatalogError for a folder that holds no catalogue, or is a catalogue's models/ folder", async () => {
    const empty = await mkdtemp(join(tmpdir(), "zoo-empty-"));
    await expect(loadCatalog(empty)).rejects.toThrow(
      new CatalogError(
        `no catalogue at ${empty}: it has no models/ folder (expected a folder with models/ and organizations/)`,
      ),
    );
    await mkdir(join(empty, "models"));
    await expect(loadCatalog(empty)).rejects.toThrow(
      new CatalogError(`no catalogue at ${empty}: its models/ folder holds no .yaml records`),
    );
    await expect(loadCatalog(join(FIXTURE, "models"))).rejects.toThrow(
      new CatalogError(
        `${join(FIXTURE, "models")} is the models/ folder of a catalogue: give the catalogue's own folder, ${FIXTURE}`,
      ),
    );
  });

  it("throws a CatalogError for a folder that does not exist", async () => {
    await expect(loadCatalog("/nonexistent/catalog")).rejects.toThrow(
      new CatalogError("no catalogue at /nonexistent/catalog: expected a folder with models/ and organizations/"),
    );
  });
});
