import { describe, expect, it } from "vitest";
import { bumpSelector, longhands, pseudoElementOf, specificity, subjectType } from "./specificity";

describe("specificity", () => {
  it.each([
    [".a", [0, 1, 0]],
    ["#x .a > p::before", [1, 1, 2]],
    [":where(.space-y-4 > :not(:last-child))", [0, 0, 0]],
    [".a:not(.b, #c)", [1, 1, 0]],
    [":is(p, .x) a:hover", [0, 2, 1]],
    ["a, .b .c", [0, 2, 0]],
  ])("of %s is %j", (selector, expected) => {
    expect(specificity(selector)).toEqual(expected);
  });
});

describe("bumpSelector", () => {
  it("adds one id's worth per time, before a pseudo-element", () => {
    expect(bumpSelector(".mb-2", 1)).toBe(".mb-2:not(#\\#)");
    expect(bumpSelector(".a:hover::before", 2)).toBe(".a:hover:not(#\\#):not(#\\#)::before");
    expect(specificity(bumpSelector(".a", 2))).toEqual([2, 1, 0]);
  });
});

describe("longhands", () => {
  it("sees shorthands, logical and physical properties that set the same side", () => {
    expect(longhands("margin")).toEqual(["margin-top", "margin-right", "margin-bottom", "margin-left"]);
    expect(longhands("margin-block-end")).toEqual(["margin-bottom"]);
    expect(longhands("padding-inline-start")).toEqual(["padding-left", "padding-right"]);
    expect(longhands("border-x-width")).toEqual(["border-x-width"]);
    expect(longhands("border-inline-width")).toEqual(["border-left-width", "border-right-width"]);
    expect(longhands("-webkit-transition-duration")).toEqual(["transition-*"]);
    expect(longhands("--tw-shadow")).toEqual(["--tw-shadow"]);
  });
});

describe("pseudoElementOf and subjectType", () => {
  it("find what the selector's subject is", () => {
    expect(pseudoElementOf(".a:hover::placeholder")).toBe("placeholder");
    expect(pseudoElementOf(".a:after")).toBe("after");
    expect(pseudoElementOf(".a:not(.b)")).toBe("");
    expect(subjectType("ul > li.x:hover")).toBe("li");
    expect(subjectType("ul > .x")).toBe("");
  });
});
