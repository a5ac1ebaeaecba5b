import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FIXTURE_CATALOG, fixtureCheckout, runZoo } from "./testing/run-zoo.ts";

const FIXTURE = FIXTURE_CATALOG;
const BIN = fileURLToPath(new URL("../bin/zoo.js", import.meta.url));
const zoo = runZoo;

/** A copy of the fixture catalogue with `file` replaced; returns the catalogue folder. */
async function brokenCatalog(file: string, content: string): Promise<string> {
  return join(await fixtureCheckout({ [file]: content }), "catalog");
}

describe("a command line that names no command", () => {
  it.each([[[]], [["catalog"]], [["results"]]])("zoo %j prints the help on stderr and exits 2", async (args) => {
    const result = await zoo(args);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^Usage: zoo /);
  });
});

describe("zoo catalog check", () => {
  it("prints how much it checked and exits 0 on a valid catalogue", async () => {
    expect(await zoo(["catalog", "check", "--dir", FIXTURE])).toEqual({
      code: 0,
      out: "✓ catalogue valid: checked 3 models, 2 organizations, 3 licenses, 1 seed documents, 2 milestones\n",
      err: "",
    });
  });

  it("prints every problem as file:line:column and exits 1", async () => {
    const dir = await brokenCatalog(
      "models/chat-7b.yaml",
      (await readFile(join(FIXTURE, "models/chat-7b.yaml"), "utf8")).replace("kind: chat", "kind: caht"),
    );
    const result = await zoo(["catalog", "check", "--dir", "."], dir);
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'models/chat-7b.yaml:10:7: kind: expected one of "base", "instruct", "chat", "fine-tune", "merge", found "caht" (did you mean "chat"?)\n' +
        "✗ 1 problem in 1 file (checked 3 models, 2 organizations, 3 licenses, 1 seed documents, 2 milestones)\n",
    );
  });

  it("prints GitHub annotations with --format github", async () => {
    const dir = await brokenCatalog(
      "organizations/lab.yaml",
      "name: Lab, Inc.\ncountry: XX\nurl: https://lab.example\n",
    );
    const result = await zoo(["catalog", "check", "--dir", dir, "--format", "github"], dir);
    expect(result.code).toBe(1);
    expect(result.out.split("\n")[0]).toBe(
      '::error file=organizations/lab.yaml,line=2,col=10,title=zoo catalog check::country: expected an ISO 3166-1 alpha-2 country code such as "US" or "FR", found "XX"',
    );
  });

  it("prints a JSON report with --format json", async () => {
    const dir = await brokenCatalog("models/bad.yaml", "- a list\n");
    const result = await zoo(["catalog", "check", "--format", "json", "--dir", dir], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({
      valid: false,
      files: { models: 4, organizations: 2, licenses: 3, seeds: 1, milestones: 1 },
      problems: [
        {
          file: "models/bad.yaml",
          line: 1,
          column: 1,
          path: "",
          message: "expected a mapping of fields at the top level, found a list",
        },
      ],
    });
  });

  it("finds the checkout's catalogue from a subfolder", async () => {
    const result = await zoo(["catalog", "check"], fileURLToPath(new URL(".", import.meta.url)));
    expect(result.err).toBe("");
    expect(result.out).toMatch(/^✓ catalogue valid: checked \d+ models/);
  });
});

describe("zoo catalog list, show, export, schema", () => {
  it("lists models as a table, filtered", async () => {
    const result = await zoo(["catalog", "list", "--dir", FIXTURE, "--organization", "acme", "--sort", "parameters"]);
    expect(result).toEqual({
      code: 0,
      err: "",
      out: [
        "id        name      organization  released    params  context  license      kind",
        "--------  --------  ------------  ----------  ------  -------  -----------  ----",
        "base-7b   Base 7B   acme          2023-02-24  7B      4,096    attribution  base",
        "moe-8x1b  MoE 8x1B  acme          2024        ~6.4B            proprietary  chat",
        "2 of 3 models",
        "",
      ].join("\n"),
    });
  });

  it("lists models as JSON with their derived facts", async () => {
    const result = await zoo(["catalog", "list", "--dir", FIXTURE, "--open-weights", "--min-params", "7B", "--json"]);
    const models = JSON.parse(result.out) as { entry: { id: string }; derived: { licenseClass: string } }[];
    expect(models.map(({ entry, derived }) => [entry.id, derived.licenseClass])).toEqual([
      ["base-7b", "attribution"],
      ["chat-7b", "non-commercial"],
    ]);
  });

  it("shows one model's facts and derived facts", async () => {
    const { code, out } = await zoo(["catalog", "show", "base-7b", "--dir", FIXTURE]);
    expect(code).toBe(0);
    expect(out).toContain("Base 7B (base-7b)\n");
    expect(out).toContain("  organization     Acme Research (United States)\n");
    expect(out).toContain("  derivatives      chat-7b\n");
    expect(out).toContain("  tokens/parameter  285.7, 14.29× Chinchilla's 20 (beyond)\n");
    expect(out).toContain("  training compute  8.40e22 FLOPs (6·N·D)\n");
    expect(out).toContain("  weight memory     fp32 28 GB · fp16 14 GB · int8 7 GB · int4 3.5 GB\n");
    expect(out).toContain("  mmlu  45.3 (5-shot) https://acme.example/base-7b/report\n");
  });

  it("suggests the id a near miss meant", async () => {
    expect(await zoo(["catalog", "show", "base-7c", "--dir", FIXTURE])).toEqual({
      code: 1,
      out: "",
      err: 'zoo: no model "base-7c" in the catalogue (did you mean "base-7b"?)\n',
    });
  });

  it("exports the whole catalogue as one JSON file", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "zoo-export-")), "catalog.json");
    const result = await zoo(["catalog", "export", "--dir", FIXTURE, "--out", out]);
    expect(result.out).toBe(`wrote 3 models, 2 organizations and 3 licenses to ${out}\n`);
    const exported = JSON.parse(await readFile(out, "utf8"));
    expect(exported.version).toBe(1);
    expect(exported.models.map((model: { id: string }) => model.id)).toEqual(["base-7b", "chat-7b", "moe-8x1b"]);
    expect(exported.models[0].derived.trainingComputeFlops).toEqual({ value: 8.4e22, estimate: false });
    expect(exported.milestones).toHaveLength(2);
  });

  it("names the path when the export's --out is a folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zoo-export-"));
    expect(await zoo(["catalog", "export", "--dir", FIXTURE, "--out", dir])).toEqual({
      code: 1,
      out: "",
      err: `zoo: ${dir} is a folder, where a file was expected\n`,
    });
  });

  it("names the path when a new entry's id is too long for the file system", async () => {
    const root = await fixtureCheckout();
    const id = "a".repeat(300);
    expect(await zoo(["catalog", "new", id, "--dir", join(root, "catalog")], root)).toEqual({
      code: 1,
      out: "",
      err: `zoo: ${join(root, "catalog", "models", `${id}.yaml`)} is a name too long for the file system\n`,
    });
  });

  it("refuses an empty folder, and points from a models/ folder to its catalogue", async () => {
    const empty = await mkdtemp(join(tmpdir(), "zoo-empty-"));
    expect(await zoo(["catalog", "check", "--dir", empty])).toEqual({
      code: 1,
      out: "",
      err: `zoo: no catalogue at ${empty}: it has no models/ folder (expected a folder with models/ and organizations/)\n`,
    });
    expect(await zoo(["catalog", "check", "--dir", join(FIXTURE, "models")])).toEqual({
      code: 1,
      out: "",
      err: `zoo: ${join(FIXTURE, "models")} is the models/ folder of a catalogue: give the catalogue's own folder, ${FIXTURE}\n`,
    });
  });

  it("refuses to read an invalid catalogue, pointing at catalog check", async () => {
    const dir = await brokenCatalog("models/bad.yaml", "");
    expect(await zoo(["catalog", "list", "--dir", dir])).toEqual({
      code: 1,
      out: "",
      err: `zoo: the catalogue in ${relative(tmpdir(), dir)} has 1 problem: run "zoo catalog check" to see them\n`,
    });
  });

  it("keeps the committed JSON schemas up to date", async () => {
    const result = await zoo(["catalog", "schema", "--check"], fileURLToPath(new URL(".", import.meta.url)));
    expect(result.out).toBe("✓ 5 schema files up to date in ../../../catalog/schema\n");
    expect(result.code).toBe(0);
  });
});

describe("bad command lines", () => {
  it.each([
    [["catalog", "lst"], "zoo: unknown command 'lst' (Did you mean list?)\n"],
    [["catalog", "check", "--formt", "json"], "zoo: unknown option '--formt' (Did you mean --format?)\n"],
    [
      ["catalog", "check", "--format", "xml"],
      "zoo: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, github.\n",
    ],
    [
      ["catalog", "list", "--min-params", "lots"],
      "zoo: option '--min-params <count>' argument 'lots' is invalid. expected a count such as 7B, 500M or 7000000000\n",
    ],
    [["catalog", "show"], "zoo: missing required argument 'id'\n"],
  ])("zoo %j gets one line and exit 2", async (args, message) => {
    expect(await zoo(args)).toEqual({ code: 2, out: "", err: message });
  });
});

describe("the zoo binary", () => {
  type Failure = { code: number; stdout: string; stderr: string };
  const run = (args: string[]) =>
    promisify(execFile)("node", [BIN, ...args]).then(
      () => undefined,
      (error: Failure) => error,
    );

  it("exits with the command's status and prints no stack trace on bad input", async () => {
    const dir = await brokenCatalog("models/bad.yaml", "id: [unclosed\n");
    const failure = await run(["catalog", "check", "--dir", dir]);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe("");
    expect(failure?.stdout).toContain("bad.yaml:2:1: YAML syntax:");

    const usage = await run(["catalog", "nope"]);
    expect(usage?.code).toBe(2);
    expect(usage?.stderr).toBe("zoo: unknown command 'nope'\n");
  }, 60_000); // two cold starts of node with tsx, on a busy machine
});
