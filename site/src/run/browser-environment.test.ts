import { describe, expect, it } from "vitest";
import { browserName, browserPlatform } from "./browser-environment.ts";

const chrome =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36";

describe("the browser a record names", () => {
  it("takes the brand that names the browser, with the user agent's full version where it matches", () => {
    const brands = [
      { brand: "Not_A Brand", version: "24" },
      { brand: "Chromium", version: "131" },
      { brand: "Google Chrome", version: "131" },
    ];
    expect(browserName(chrome, { brands })).toBe("Google Chrome 131.0.6778.85");
    expect(browserName(chrome, { brands: brands.slice(0, 2) })).toBe("Chromium 131.0.6778.85");
    expect(browserPlatform(chrome, { platform: "Linux" })).toBe("Linux");
  });

  it("reads the user agent where there are no brands (Firefox, Safari)", () => {
    const firefox = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0";
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    expect([browserName(firefox, {}), browserPlatform(firefox, {})]).toEqual(["Firefox 133.0", "macOS"]);
    expect([browserName(safari, {}), browserPlatform(safari, {})]).toEqual(["Safari 17.5", "iOS"]);
  });
});
