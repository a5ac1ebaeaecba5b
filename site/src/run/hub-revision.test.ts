import { describe, expect, it } from "vitest";
import { resolveCommit } from "./hub-revision.ts";

const sha = "0123456789abcdef0123456789abcdef01234567";
const answering = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("a Hub revision's commit", () => {
  it("is asked of the Hub's API, unless it is a commit already", async () => {
    const asked: string[] = [];
    const fetchImpl = async (url: string | URL | Request) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ sha }));
    };
    expect(await resolveCommit("acme/m", "v1.0", "https://hub.example/", fetchImpl)).toBe(sha);
    expect(asked).toEqual(["https://hub.example/api/models/acme/m/revision/v1.0"]);
    expect(await resolveCommit("acme/m", sha, "https://hub.example", fetchImpl)).toBe(sha);
    expect(asked).toHaveLength(1);
  });

  it("fails in one line: no such repo, no network, an answer without a commit", async () => {
    await expect(resolveCommit("acme/m", "main", undefined, answering(404, {}))).rejects.toThrow(
      "the Hub has no model repo acme/m, or it is private or gated, which this page cannot open",
    );
    await expect(resolveCommit("acme/m", "dev", undefined, answering(401, {}))).rejects.toThrow(/acme\/m at dev,/);
    const offline = () => Promise.reject(new TypeError("Failed to fetch"));
    await expect(resolveCommit("acme/m", "main", undefined, offline)).rejects.toThrow(
      "cannot reach the Hugging Face Hub (huggingface.co) to find acme/m: Failed to fetch. Check the connection, or whether something blocks huggingface.co",
    );
    await expect(resolveCommit("acme/m", "main", undefined, answering(503, {}))).rejects.toThrow(/answered 503/);
    await expect(resolveCommit("acme/m", "main", undefined, answering(200, { sha: "main" }))).rejects.toThrow(
      "the Hub gave no commit for acme/m@main",
    );
  });
});
