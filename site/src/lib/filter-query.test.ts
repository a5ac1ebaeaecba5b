import { describe, expect, it } from "vitest";
import { filterFromParams, isEmptyFilter, paramsFromFilter } from "./filter-query.ts";

describe("filter query", () => {
  it("reads every field of the models filter from query parameters", () => {
    const params = new URLSearchParams(
      "q=llama&organization=meta&license=restricted-use&commercial=conditional&weights=open&architecture=decoder-only" +
        "&kind=base&modality=text&min-params=7000000000&max-params=70000000000&min-context=4096&year=2023",
    );
    expect(filterFromParams(params)).toEqual({
      search: "llama",
      organization: "meta",
      licenseClass: "restricted-use",
      commercialUse: "conditional",
      openWeights: true,
      architecture: "decoder-only",
      kind: "base",
      modality: "text",
      minParameters: 7e9,
      maxParameters: 7e10,
      minContextLength: 4096,
      year: 2023,
    });
  });

  it("treats empty and malformed values as no constraint", () => {
    const filter = filterFromParams(new URLSearchParams("q=%20&weights=maybe&year=soon&min-params="));
    expect(filter).toEqual({});
    expect(isEmptyFilter(filter)).toBe(true);
    expect(filterFromParams(new URLSearchParams("weights=closed"))).toEqual({ openWeights: false });
  });

  it("writes the query that reads back to the same filter", () => {
    const filter = { organization: "meta", openWeights: false, minParameters: 7e9, search: "chat" };
    const params = paramsFromFilter(filter);
    expect(params.toString()).toBe("q=chat&organization=meta&weights=closed&min-params=7000000000");
    expect(filterFromParams(params)).toEqual(filter);
  });
});
