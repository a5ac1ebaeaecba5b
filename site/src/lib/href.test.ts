import { describe, expect, it } from "vitest";
import { externalHref } from "./href.ts";

describe("externalHref", () => {
  it("keeps http and https links and refuses every other scheme", () => {
    expect(externalHref("https://arxiv.org/abs/2302.13971")).toBe("https://arxiv.org/abs/2302.13971");
    expect(externalHref("http://example.org/x?q=1")).toBe("http://example.org/x?q=1");
    expect(externalHref("javascript:alert(1)")).toBeUndefined();
    expect(externalHref("JavaScript:alert(1)")).toBeUndefined();
    expect(externalHref("data:text/html,<script>alert(1)</script>")).toBeUndefined();
    expect(externalHref("not a url")).toBeUndefined();
    expect(externalHref(undefined)).toBeUndefined();
  });
});
