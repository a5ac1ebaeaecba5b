import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fixtureCatalog } from "@zoo/catalog/testing/fixture-catalog";
import { startFakeHub, type FakeHub } from "@zoo/catalog/testing/fake-hub";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../main.ts";
import { closedPort } from "../testing/closed-port.ts";
import { zooProcess } from "../testing/run-zoo.ts";

const SYNC_FIXTURES = new URL("../../../catalog/fixtures/sync/", import.meta.url);
const fixture = (name: string) => readFile(new URL(name, SYNC_FIXTURES), "utf8");

let hub: FakeHub;
let dir: string;
beforeEach(async () => {
  hub = await startFakeHub({ tokens: ["hf_granted"] });
  const files: Record<string, string> = {};
  for (const name of ["tiny-lm", "gated-lm", "drifty-lm", "missing-lm"]) {
    files[`models/${name}.yaml`] = await fixture(`${name}.yaml`);
  }
  dir = await fixtureCatalog(files);
});
afterEach(() => hub.close());

/** Runs `zoo catalog sync` in the catalogue's folder against the fake Hub, capturing what it prints. */
async function sync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (text: string) => (out += text), err: (text: string) => (err += text), cwd: dir };
  const code = await main(["catalog", "sync", "--dir", ".", ...args], { ...io, env: { HF_ENDPOINT: hub.url, ...env } });
  return { code, out, err };
}

const TABLE = [
  "entry      field             catalogue    Hub                                action",
  "---------  ----------------  -----------  ---------------------------------  --------------------------",
  "drifty-lm  license           Apache-2.0   cc-by-nc-4.0                       --write --force overwrites",
  "drifty-lm  parameters.total  7B           8.03B (8,030,261,248)              --write --force overwrites",
  "drifty-lm  modalities        text → text  image-text-to-text                 review by hand",
  "drifty-lm  run.dtype         q4           no ONNX weights in acme/drifty-lm  review by hand",
  "gated-lm   openness.weights  open         gated                              --write --force overwrites",
  "tiny-lm    parameters.total  —            44M (44,044,800)                   --write fills",
];
const GATED_NOTE =
  "gated-lm: parameter count not read: lab/gated-lm is gated: set HF_TOKEN to a token that has been granted access to read its safetensors headers";
const MISSING = "missing-lm: acme/missing-lm: no such model repo on the Hub (a private repo needs HF_TOKEN)";

describe("zoo catalog sync", () => {
  it("prints the drift as a table of entry, field, catalogue value and Hub value, and exits 1", async () => {
    expect(await sync([])).toEqual({
      code: 1,
      err: "",
      out: [
        ...TABLE,
        `! ${GATED_NOTE}`,
        `✗ ${MISSING}`,
        "✗ 5 entries checked: 1 agrees with the Hub, 3 differ (6 differences), 1 failed",
        "",
      ].join("\n"),
    });
  });

  it("prints a Markdown report for a CI job summary", async () => {
    const { code, out } = await sync(["--format", "markdown"]);
    expect(code).toBe(1);
    expect(out).toBe(
      [
        "### Catalogue drift against the Hugging Face Hub",
        "",
        "| entry | field | catalogue | Hub | action |",
        "| --- | --- | --- | --- | --- |",
        "| drifty-lm | license | Apache-2.0 | cc-by-nc-4.0 | --write --force overwrites |",
        "| drifty-lm | parameters.total | 7B | 8.03B (8,030,261,248) | --write --force overwrites |",
        "| drifty-lm | modalities | text → text | image-text-to-text | review by hand |",
        "| drifty-lm | run.dtype | q4 | no ONNX weights in acme/drifty-lm | review by hand |",
        "| gated-lm | openness.weights | open | gated | --write --force overwrites |",
        "| tiny-lm | parameters.total | — | 44M (44,044,800) | --write fills |",
        "",
        "**Failed**",
        "",
        "- `missing-lm`: acme/missing-lm: no such model repo on the Hub (a private repo needs HF_TOKEN)",
        "",
        "**Not read**",
        "",
        "- `gated-lm`: parameter count not read: lab/gated-lm is gated: set HF_TOKEN to a token that has been granted access to read its safetensors headers",
        "",
        "✗ 5 entries checked: 1 agrees with the Hub, 3 differ (6 differences), 1 failed",
        "",
      ].join("\n"),
    );
  });

  it("prints the report as JSON", async () => {
    const { code, out } = await sync(["--format", "json", "tiny-lm"]);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      entries: [
        {
          id: "tiny-lm",
          file: "models/tiny-lm.yaml",
          repos: ["acme/tiny-lm"],
          status: "drift",
          notes: [],
          drift: [
            {
              field: "parameters.total",
              catalogue: "—",
              hub: "44M (44,044,800)",
              kind: "missing",
              value: "44M",
              written: false,
            },
          ],
        },
      ],
      written: [],
    });
  });

  it("with --write fills what is missing, keeping the file's comments and order, and exits 0 once in sync", async () => {
    const { code, out } = await sync(["--write", "tiny-lm", "base-7b"]);
    expect(out).toBe(
      [
        "entry    field             catalogue  Hub               action",
        "-------  ----------------  ---------  ----------------  ------",
        "tiny-lm  parameters.total  —          44M (44,044,800)  filled",
        "wrote models/tiny-lm.yaml",
        "✓ 2 entries agree with the Hub",
        "",
      ].join("\n"),
    );
    expect(code).toBe(0);
    expect(await readFile(join(dir, "models/tiny-lm.yaml"), "utf8")).toBe(await fixture("tiny-lm.synced.yaml"));
    expect(await main(["catalog", "check", "--dir", dir], { out: () => {}, err: () => {}, cwd: dir, env: {} })).toBe(0);
  });

  it("reads a gated repo's weights with HF_TOKEN", async () => {
    const { code, out } = await sync(["gated-lm", "--write", "--force"], { HF_TOKEN: "hf_granted" });
    expect(code).toBe(0);
    expect(out).toContain("gated-lm  parameters.total  —          38.4M (38,406,656)  filled\n");
    expect(await readFile(join(dir, "models/gated-lm.yaml"), "utf8")).toBe(await fixture("gated-lm.synced.yaml"));
  });

  it("reports a repo the Hub answers 404 for", async () => {
    hub.fail("/api/models/acme/missing-lm/revision/HEAD", {
      status: 404,
      headers: { "Content-Type": "application/json", "X-Error-Code": "RepoNotFound" },
      body: '{"error":"Repository not found"}',
    });
    expect(await sync(["missing-lm"])).toEqual({
      code: 1,
      err: "",
      out: `✗ ${MISSING}\n✗ 1 entry checked: 0 agree with the Hub, 1 failed\n`,
    });
  });

  it("waits out a 429 and goes on", async () => {
    hub.fail("/api/models/acme/base-7b/revision/HEAD", { status: 429, headers: { "Retry-After": "1" } });
    expect(await sync(["base-7b"])).toEqual({ code: 0, err: "", out: "✓ 1 entry agrees with the Hub\n" });
    expect(hub.requests.filter((request) => request.startsWith("GET /api/models/acme/base-7b/revision/"))).toHaveLength(
      2,
    );
  });

  it("reports malformed JSON from the Hub as that entry's failure", async () => {
    hub.fail("/api/models/acme/base-7b/revision/HEAD", {
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: '{"_id": "65e5a1b2c3d4e5f6a7b8c9d0", "id": "acme/base-7b", "sha": ',
    });
    const { code, out } = await sync(["base-7b"]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /^✗ base-7b: acme\/base-7b: the Hub's answer is not valid JSON \(.+\)\n✗ 1 entry checked: 0 agree with the Hub, 1 failed\n$/,
    );
  });

  it("writes the Hub stats file with --stats", async () => {
    expect((await sync(["base-7b", "--stats"])).out).toBe("wrote hub-stats.json\n✓ 1 entry agrees with the Hub\n");
    const stats = JSON.parse(await readFile(join(dir, "hub-stats.json"), "utf8"));
    expect(stats.models["base-7b"]).toMatchObject({
      downloads: 15230,
      likes: 87,
      onnx: { dtypes: ["fp32", "fp16", "q8", "q4", "q4f16"] },
    });
  });

  it("says in one line that the Hub cannot be reached, and exits 1", async () => {
    const port = await closedPort();
    expect(await sync(["--hub-url", `http://127.0.0.1:${port}`, "--write", "--stats"])).toEqual({
      code: 1,
      out: "",
      err: `zoo: cannot reach the Hugging Face Hub at http://127.0.0.1:${port} (ECONNREFUSED): are you offline?\n`,
    });
    await expect(readFile(join(dir, "hub-stats.json"))).rejects.toThrow(/ENOENT/);
  }, 20_000);

  it.each([
    ["refuses every connection", async () => `http://127.0.0.1:${await closedPort()}`, "ECONNREFUSED"],
    // .invalid never resolves (RFC 6761): the lookups fail as they do offline.
    ["has no address", async () => "http://zoo-hub.invalid", "(ENOTFOUND|EAI_AGAIN)"],
  ])(
    "gives up on the whole real catalogue within 10 s when the Hub %s, in one line",
    async (_, hubUrl, reason) => {
      const url = await hubUrl();
      const started = Date.now();
      const { code, out, err } = await zooProcess(["catalog", "sync", "--hub-url", url]).exit;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect({ code, out }).toEqual({ code: 1, out: "" });
      expect(err).toMatch(
        new RegExp(`^zoo: cannot reach the Hugging Face Hub at ${url} \\(${reason}\\): are you offline\\?\\n$`),
      );
    },
    20_000,
  );

  it.each([
    [["--force"], {}, 2, "zoo: --force overwrites facts only together with --write\n"],
    [
      ["--hub-url", "ftp://hub"],
      {},
      2,
      "zoo: option '--hub-url <url>' argument 'ftp://hub' is invalid. expected an http(s) URL such as https://huggingface.co\n",
    ],
    [
      ["--concurrency", "0"],
      {},
      2,
      "zoo: option '--concurrency <n>' argument '0' is invalid. expected a positive integer\n",
    ],
    [[], { HF_TOKEN: "secret" }, 1, "zoo: HF_TOKEN is not a Hugging Face access token (they start with hf_)\n"],
    [
      [],
      { HF_ENDPOINT: "hub.example" },
      1,
      'zoo: HF_ENDPOINT: expected an http(s) URL such as https://huggingface.co, found "hub.example"\n',
    ],
    [["gpt-5"], {}, 1, 'zoo: no model "gpt-5" in the catalogue\n'],
    [
      ["chat-7b"],
      {},
      1,
      'zoo: model "chat-7b" names no Hugging Face repo (links.huggingface or a transformers-js run)\n',
    ],
  ])("zoo catalog sync %j (env %j) exits %i with one line", async (args, env, code, err) => {
    expect(await sync(args, env)).toEqual({ code, out: "", err });
  });
});
