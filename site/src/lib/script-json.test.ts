import { describe, expect, it } from "vitest";
import { scriptJson } from "./script-json.ts";

describe("scriptJson", () => {
  it("cannot close its script element and still parses back to the same value", () => {
    const value = { description: "</script><script>alert(1)</script> & <!-- \u2028" };
    const text = scriptJson(value);
    expect(text).toBe(
      '{"description":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003c!-- \\u2028"}',
    );
    expect(JSON.parse(text)).toEqual(value);
  });
});
