/** The real thing: Tailwind's output for classes the app writes, lowered, then checked. */
import { join } from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";
import type { AcceptedPlugin } from "postcss";
import { beforeAll, describe, expect, it } from "vitest";
import { oldEngineProblems } from "./check";
import { legacyCss } from "./plugin";
import { trimPreflight } from "./preflight";

const CLASSES = [
  "flex grid hidden block sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10",
  "mx-auto max-w-3xl space-y-4 mb-2 mt-4 ms-3 px-4 py-2 sm:px-6 md:flex md:grid-cols-2 gap-4 min-h-dvh",
  "rounded-lg border border-slate-200 dark:border-slate-700 shadow-md ring-2 ring-sky-500",
  "bg-white dark:bg-slate-900 bg-black/50 text-slate-900 dark:text-slate-100 hover:bg-brand-700 bg-brand-600",
  "font-sans font-semibold text-sm leading-6 text-start underline transition-colors focus-visible:outline-2",
].join(" ");

// `source(none)`: only the inline classes, not whatever files lie around the test.
const ENTRY = `@import "tailwindcss" source(none);
@source inline("${CLASSES}");
@theme { --color-brand-600: oklch(0.5 0.16 255); --color-brand-700: oklch(0.44 0.15 255); }
:root { color-scheme: light dark; }
`;

// @tailwindcss/postcss has its own copy of postcss (a newer 8.5 beside the project's): the same plugin
// at run time, whose types TypeScript cannot compare with the project's copy.
const tailwindPlugin = () => tailwind({ base: import.meta.dirname, optimize: false }) as unknown as AcceptedPlugin;

async function build(plugins: AcceptedPlugin[]): Promise<string> {
  return (await postcss([tailwindPlugin(), ...plugins]).process(ENTRY, { from: join(import.meta.dirname, "entry.css") })).css;
}

describe("Tailwind's output through legacy-css", () => {
  let raw = "";
  let lowered = "";
  beforeAll(async () => {
    [raw, lowered] = await Promise.all([build([]), build([legacyCss()])]);
  });

  it("is refused as Tailwind writes it", () => {
    const kinds = new Set(oldEngineProblems(raw).map((p) => p.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        "@layer",
        "@property",
        "modern colour",
        "hex colour with alpha",
        "var() without fallback",
        "media range syntax",
        "var() without static fallback declaration",
        "new unit without fallback",
      ]),
    );
  });

  it("is accepted once lowered, preflight and all", () => {
    expect(oldEngineProblems(lowered)).toEqual([]);
    // preflight's date-input rule in lh gets a line's height in em before it.
    expect(lowered).toMatch(/::-webkit-date-and-time-value\s*\{\s*min-height: 1\.5em;\s*min-height: 1lh;/);
  });

  it("is accepted whole once lowered without the form controls' preflight", async () => {
    const css = await build([trimPreflight(new Set(["html", "head", "body", "main", "a", "p", "h1", "button"])), legacyCss({ minify: true })]);
    expect(oldEngineProblems(css)).toEqual([]);
  });

  it("keeps what the classes ask for", () => {
    const flat = lowered.replace(/\s+/g, " ");
    // Raised over space-y-4's children, as the layer and :where() let them win.
    expect(flat).toMatch(
      / html:not\(\[dir="rtl"\]\) \.ms-3(:not\(#\\#\))+ \{ margin-left: \.75rem; \} html\[dir="rtl"\] \.ms-3(:not\(#\\#\))+ \{ margin-right: \.75rem; \}/,
    );
    expect(flat).toMatch(/ \.mb-2(:not\(#\\#\))+ \{ margin-bottom: \.5rem; \}/);
    expect(flat).toContain(" .space-y-4 > :not(:last-child) { margin-top: 0; margin-bottom: 1rem; }");
    expect(flat).toContain(" .bg-brand-600 { background-color: #0961bb; }");
    expect(flat).toContain(" .min-h-dvh { min-height: 100vh; min-height: 100dvh; }");
    expect(flat).toMatch(
      /@media \(min-width: 48rem\) \{ \.md\\:flex \{ display: -webkit-box; display: -moz-box; display: -webkit-flex; display: -ms-flexbox; display: flex; \}/,
    );
  });
});
