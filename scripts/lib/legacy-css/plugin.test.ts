import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { legacyCss } from "./plugin";
import type { LegacyCssOptions } from "./plugin";
import { compareSpecificity, specificity } from "./specificity";

async function lower(css: string, options?: LegacyCssOptions) {
  const result = await postcss([legacyCss(options)]).process(css, { from: undefined });
  return { css: result.css, flat: result.css.replace(/\s+/g, " ").trim(), result };
}

describe("step 1: @property", () => {
  it("removes @property and keeps its initial value in an unconditional * rule", async () => {
    const { flat } = await lower(`@property --tw-x { syntax: "*"; inherits: false; initial-value: 0 }
      .a { transform: translateX(var(--tw-x)) }
      .b { --tw-x: 1px }`);
    expect(flat).not.toContain("@property");
    expect(flat).toContain("*, :before, :after { --tw-x: 0; }");
    // ::backdrop, which old engines do not know, in a rule of its own so the others survive.
    expect(flat).toContain("::backdrop { --tw-x: 0; }");
  });

  it("unwraps Tailwind's polyfill of initial values from its @supports hack", async () => {
    const { flat } = await lower(`@layer properties {
        @supports ((-webkit-hyphens: none) and (not (margin-trim: inline))) or ((-moz-orient: inline) and (not (color: rgb(from red r g b)))) {
          *, ::before, ::after, ::backdrop { --tw-shadow: 0 0 #0000 }
        }
      }
      @property --tw-shadow { syntax: "*"; inherits: false; initial-value: 0 0 #0000 }
      @layer utilities { .shadow-sm { --tw-shadow: 0 1px 2px red; box-shadow: var(--tw-shadow) } }`);
    expect(flat).not.toMatch(/@supports|@property|@layer/);
    expect(flat).toContain("*, :before, :after { --tw-shadow: 0 0 rgba(0, 0, 0, 0); }");
  });
});

describe("step 2: @layer and :where()", () => {
  it("puts layers in the order they were declared, unlayered CSS last", async () => {
    const { flat } = await lower(`@layer base, utilities;
      .c { top: 3px } @layer utilities { .b { left: 2px } } @layer base { .a { right: 1px } }`);
    expect(flat).toBe(".a { right: 1px; } .b { left: 2px; } .c { top: 3px; }");
  });

  it("keeps a utility that beat :where() winning once :where() is gone (mb-2 in a space-y-4)", async () => {
    const { flat, result } = await lower(`@layer utilities {
        :where(.space-y-4 > :not(:last-child)) { margin-block-end: 1rem }
        .mb-2 { margin-bottom: .5rem }
      }`);
    expect(flat).toBe(".space-y-4 > :not(:last-child) { margin-bottom: 1rem; } .mb-2:not(#\\#) { margin-bottom: .5rem; }");
    expect(compareSpecificity(specificity(".mb-2:not(#\\#)"), specificity(".space-y-4 > :not(:last-child)"))).toBeGreaterThan(0);
    expect(result.messages).toContainEqual(expect.objectContaining({ type: "legacy-css", text: expect.stringContaining(".mb-2:not(#\\#) { margin-bottom }") }));
  });

  it("keeps a later layer winning over a more specific rule of an earlier one", async () => {
    const { flat } = await lower(`@layer components, utilities;
      @layer components { .card .title { color: red } }
      @layer utilities { .text-blue { color: blue } .p-1 { padding: 1px } }`);
    expect(flat).toContain(".text-blue:not(#\\#) { color: #00f; }");
    // A declaration nothing beat stays as it was.
    expect(flat).toContain(".p-1 { padding: 1px; }");
  });

  it("leaves :where() in the base layer, except in rules of !important declarations only", async () => {
    const { flat } = await lower(`@layer base {
        :where(ul) { list-style: none }
        [hidden]:where(:not([hidden="until-found"])) { display: none !important }
      }`);
    expect(flat).toBe(':where(ul) { list-style: none; } [hidden]:not([hidden="until-found"]) { display: none !important; }');
  });
});

describe("step 3: colours", () => {
  it("turns oklch() into sRGB hex, clipping each channel as Chromium paints it", async () => {
    const { flat } = await lower(".a { color: oklch(0.5 0.16 255); background-color: oklch(0.7 0.3 150); border-color: oklch(0.5 0.16 255 / 50%) }");
    // oklch(0.7 0.3 150) is out of sRGB (-0.45, 0.80, -0.08): clipped, not gamut-mapped as Lightning CSS
    // alone would (#00c051).
    expect(flat).toBe(".a { color: #0961bb; background-color: #00cb00; border-color: rgba(9, 97, 187, .5); }");
  });

  it("unwraps an @supports for a modern colour when its contents became static", async () => {
    const { flat } = await lower("@supports (color: lab(0% 0 0)) { .a { color: lab(50% 0 0) } }");
    expect(flat).toBe(".a { color: #777; }");
  });
});

describe("step 5: var()", () => {
  it("puts the value in, and drops the custom properties nothing reads any more", async () => {
    const { flat } = await lower(":root { --spacing: .25rem; --unused: 1px } .p-2 { padding: calc(var(--spacing) * 2) }");
    expect(flat).toBe(".p-2 { padding: .5rem; }");
  });

  it("keeps the var() form, with a fallback, after a static copy where the variable changes", async () => {
    const { flat } = await lower(`:root { --shadow: 0 0 black }
      .shadow { box-shadow: var(--shadow) }
      .shadow-red { --shadow: 0 1px red }`);
    expect(flat).toContain(".shadow { box-shadow: 0 0 #000; box-shadow: var(--shadow, 0 0 black); }");
    expect(flat).toContain(":root { --shadow: 0 0 black; }");
  });

  it("puts the var() form of a colour under @supports, where minifiers do not drop the static copy", async () => {
    const { flat } = await lower(":root { --c: red } .a { color: var(--c) } .b { --c: blue }", { keepVars: true });
    expect(flat).toContain(".a { color: red; } @supports (--css: variables) { .a { color: var(--c, red); } }");
  });
});

describe("step 6: logical properties", () => {
  it("turns inline ones into physical ones per direction, block ones in place", async () => {
    const { flat } = await lower(".ms-2 { margin-inline-start: .5rem; padding-block: 1px 2px } :root .x { text-align: start }");
    expect(flat).toBe(
      ".ms-2 { padding-top: 1px; padding-bottom: 2px; } " +
        'html:not([dir="rtl"]) .ms-2 { margin-left: .5rem; } html[dir="rtl"] .ms-2 { margin-right: .5rem; } ' +
        'html:not([dir="rtl"]) .x { text-align: left; } html[dir="rtl"] .x { text-align: right; }',
    );
  });

  it("leaves them to Lightning CSS's :lang() rules with rtl: lang", async () => {
    const { flat } = await lower(".ms-2 { margin-inline-start: .5rem }", { rtl: "lang" });
    expect(flat).not.toContain("dir=");
    expect(flat).toContain(".ms-2:is(:lang(ae), :lang(ar),");
  });
});

describe("step 7: fix-ups", () => {
  it("gives dvh a vh fallback, clip-path a clip one and overflow-wrap a word-wrap one", async () => {
    const { flat } = await lower(".h-dvh { height: 100dvh } .sr-only { clip-path: inset(50%) } .b { overflow-wrap: break-word }");
    expect(flat).toBe(
      ".h-dvh { height: 100vh; height: 100dvh; } .sr-only { clip: rect(0 0 0 0); clip-path: inset(50%); } .b { word-wrap: break-word; overflow-wrap: break-word; }",
    );
  });

  it("splits a selector list so a member old engines do not know cannot drop the others", async () => {
    const { flat } = await lower(".a, .c:focus-visible, .d:hover { color: red }");
    expect(flat).toBe(".a, .d:hover { color: red; } .c:focus-visible { color: red; }");
  });
});

describe("options", () => {
  it("minifies when asked", async () => {
    const { css } = await lower(".a { color: oklch(0.5 0.16 255) }\n.b { color: red }", { minify: true });
    expect(css).toBe(".a{color:#0961bb}.b{color:red}");
  });
});
