import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fixtureCheckout, runZoo } from "../testing/run-zoo.ts";

const git = (cwd: string, ...args: string[]) =>
  promisify(execFile)("git", ["-c", "user.name=zoo", "-c", "user.email=zoo@example.org", ...args], { cwd });

/** A git checkout of the fixture catalogue whose working tree adds (untracked), changes and removes one entry each. */
async function changedCheckout(): Promise<string> {
  const root = await fixtureCheckout();
  await git(root, "init", "-q", "-b", "main");
  await git(root, "add", "-A");
  await git(root, "commit", "-q", "-m", "base");
  const models = join(root, "catalog/models");
  const chat = await readFile(join(models, "chat-7b.yaml"), "utf8");
  await writeFile(
    join(models, "chat-7b-v2.yaml"),
    chat.replace("id: chat-7b", "id: chat-7b-v2").replace("name: Chat 7B", "name: Chat 7B v2"),
  );
  await writeFile(
    join(models, "base-7b.yaml"),
    (await readFile(join(models, "base-7b.yaml"), "utf8")).replace("context_length: 4096", "context_length: 8192"),
  );
  await rm(join(models, "moe-8x1b.yaml"));
  return root;
}

describe("zoo catalog changes", () => {
  it("lists added, changed and removed entries with their key facts", async () => {
    const root = await changedCheckout();
    expect(await runZoo(["catalog", "changes", "--base", "main"], root)).toEqual({
      code: 0,
      err: "",
      out: [
        "change   model       organization  released    params  context  license                        kind  reported",
        "-------  ----------  ------------  ----------  ------  -------  -----------------------------  ----  --------",
        "changed  base-7b     acme          2023-02-24  7B      8,192    attribution (Apache-2.0)       base  1",
        "added    chat-7b-v2  lab           2023-03     7B               non-commercial (CC-BY-NC-4.0)  chat  0",
        "removed  moe-8x1b",
        "",
      ].join("\n"),
    });
  });

  it("writes a Markdown table for a GitHub job summary", async () => {
    const root = await changedCheckout();
    const { out } = await runZoo(["catalog", "changes", "--base", "main", "--format", "markdown"], root);
    expect(out.split("\n").slice(0, 5)).toEqual([
      "### Catalogue changes",
      "",
      "| change | model | organization | released | params | context | license | kind | reported |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| changed | **Base 7B** (`base-7b`) | acme | 2023-02-24 | 7B | 8,192 | attribution (Apache-2.0) | base | 1 |",
    ]);
  });

  it("says so when nothing changed, and names a revision it cannot find", async () => {
    const root = await changedCheckout();
    await git(root, "add", "-A");
    await git(root, "commit", "-q", "-m", "change");
    expect((await runZoo(["catalog", "changes", "--base", "HEAD"], root)).out).toBe(
      "no model entries added, changed or removed\n",
    );
    expect(await runZoo(["catalog", "changes", "--base", "no-such-branch"], root)).toEqual({
      code: 1,
      out: "",
      err: "zoo: cannot compare with \"no-such-branch\": fatal: bad revision 'no-such-branch'\n",
    });
  });
});
