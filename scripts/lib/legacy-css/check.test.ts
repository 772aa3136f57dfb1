import { describe, expect, it } from "vitest";
import { oldEngineProblems } from "./check";

const kinds = (css: string) => oldEngineProblems(css).map((p) => p.kind);

describe("oldEngineProblems", () => {
  it.each([
    ["@layer", "@layer base, utilities;"],
    ["@layer", "@layer base { a { color: red } }"],
    ["@property", '@property --x { syntax: "*"; inherits: false; initial-value: 0 }'],
    ["nesting", ".a { color: red; .b { color: blue } }"],
    ["nesting", "&:hover { color: red }"],
    ["modern colour", ".a { color: oklch(0.5 0.1 250) }"],
    ["modern colour", ".a { color: oklab(0.5 0.1 0.1) }"],
    ["modern colour", ".a { color: lab(50% 0 0) }"],
    ["modern colour", ".a { color: lch(50% 0 0) }"],
    ["modern colour", ".a { color: color-mix(in srgb, red 50%, blue) }"],
    ["modern colour", "@supports (color: oklch(0 0 0)) { .a { color: red } }"],
    ["hex colour with alpha", ".a { color: #0008 }"],
    ["hex colour with alpha", ".a { box-shadow: 0 0 #11223344 }"],
    ["media range syntax", "@media (width >= 40rem) { .a { color: red } }"],
    ["modern at-rule", "@container (min-width: 10rem) { .a { color: red } }"],
    ["modern at-rule", "@scope (.card) { .a { color: red } }"],
    ["modern at-rule", "@starting-style { .a { opacity: 0 } }"],
    ["new unit without fallback", ".a { height: 100dvh }"],
    ["new unit without fallback", ".a { width: 50cqw }"],
  ])("reports %s in %s", (kind, css) => {
    expect(kinds(css)).toContain(kind);
  });

  it("reports a var() without a fallback argument, and without a static declaration before it", () => {
    expect(kinds(".a { color: red; color: var(--c) }")).toEqual(["var() without fallback"]);
    expect(kinds(".a { color: var(--c, red) }")).toEqual(["var() without static fallback declaration"]);
    expect(kinds(".a { --x: var(--y) }")).toEqual(["var() without fallback"]);
  });

  it("counts a static declaration only before the var() form, of the same property", () => {
    expect(kinds(".a { color: var(--c, red); color: red }")).toEqual(["var() without static fallback declaration"]);
    expect(kinds(".a { background: red; color: var(--c, red) }")).toEqual(["var() without static fallback declaration"]);
    expect(kinds(".a { color: var(--b, red); color: var(--c, red) }")).toEqual([
      "var() without static fallback declaration",
      "var() without static fallback declaration",
    ]);
  });

  it("accepts the var() form in an @supports (--…) right after a rule of the same selector with the static one", () => {
    expect(kinds(".a { color: red } @supports (--css: variables) { .a { color: var(--c, red) } }")).toEqual([]);
    expect(kinds(".b { color: red } @supports (--css: variables) { .a { color: var(--c, red) } }")).toEqual(["var() without static fallback declaration"]);
    expect(kinds(".a { color: red } @media print { .a { color: var(--c, red) } }")).toEqual(["var() without static fallback declaration"]);
  });

  it("gives the line and the construct", () => {
    expect(oldEngineProblems(".a { color: red }\n.b { color: oklch(0.5 0.1 250) }")).toEqual([
      { kind: "modern colour", where: "2: color: oklch(0.5 0.1 250)" },
    ]);
  });

  it("accepts what engines of 2012 read", () => {
    const css = `@charset "utf-8";
      @media (min-width: 40rem) and (prefers-color-scheme: dark) { .a { color: #fff } }
      @supports (display: grid) { .g { display: grid } }
      @font-face { font-family: x; src: url(x.woff) }
      @keyframes spin { to { transform: rotate(360deg) } }
      .a, .b:hover > .c::before { color: #abc; background: rgba(0, 0, 0, .5); border-color: #aabbcc; margin: calc(1rem + 2px) }
      .h { height: 100vh; height: 100dvh; width: 50vw; width: 50cqw }
      .v { color: red; color: var(--c, red); --x: 1px }
      .w { --y: var(--x, 0) }`;
    expect(oldEngineProblems(css)).toEqual([]);
  });
});
