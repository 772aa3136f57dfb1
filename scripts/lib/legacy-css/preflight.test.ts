import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { trimPreflight, usedElements } from "./preflight";

describe("usedElements", () => {
  it("lists the lower-case JSX tags of the given folders' sources, tests and subfolders aside", () => {
    const dir = mkdtempSync(join(tmpdir(), "planado-elements-"));
    mkdirSync(join(dir, "pages/deeper"), { recursive: true });
    mkdirSync(join(dir, "ui"));
    mkdirSync(join(dir, "other"));
    writeFileSync(join(dir, "pages/wait.tsx"), "export const Wait = () => <main className='p-2'><h1>Wait</h1><Notice /><br/></main>;");
    writeFileSync(join(dir, "pages/wait.test.tsx"), "render(<table />);");
    writeFileSync(join(dir, "pages/deeper/form.tsx"), "<form />");
    writeFileSync(join(dir, "pages/notes.md"), "<dialog>");
    writeFileSync(join(dir, "ui/link.ts"), 'export const link = (href: string) => h("a", { href }); // <a href>');
    writeFileSync(join(dir, "other/input.tsx"), "<input />");

    expect([...usedElements(dir, ["pages", "ui"])].sort()).toEqual(["a", "body", "br", "h1", "head", "html", "main"]);
  });
});

describe("trimPreflight", () => {
  const preflight = `@layer theme { :root { --x: 1 } }
@layer base {
  *, ::after, ::before, ::backdrop, ::file-selector-button { box-sizing: border-box }
  html, :host { line-height: 1.5 }
  h1, h2 { font-size: inherit }
  button, input:where([type="button"]) { appearance: button }
  ::placeholder { opacity: 1 }
  @supports (not (-webkit-appearance: -apple-pay-button)) { ::placeholder { color: currentcolor } }
  dialog::backdrop { background: black }
}
@layer utilities { table { color: red } }`;

  const trim = (tags: string[]) =>
    postcss([trimPreflight(new Set(tags))])
      .process(preflight, { from: undefined })
      .css.replace(/\s+/g, " ");

  it("keeps the base rules that can match the pages' elements, and only those selectors", () => {
    expect(trim(["html", "body", "h1"])).toBe(
      "@layer theme { :root { --x: 1 } } @layer base { *, ::after, ::before { box-sizing: border-box } html { line-height: 1.5 } h1 { font-size: inherit } } @layer utilities { table { color: red } }",
    );
  });

  it("keeps the form controls' pseudo-elements with a field, ::backdrop with a <dialog>", () => {
    const css = trim(["html", "input", "dialog"]);
    expect(css).toContain("*, ::after, ::before, ::backdrop, ::file-selector-button { box-sizing: border-box }");
    expect(css).toContain('input:where([type="button"]) { appearance: button }');
    expect(css).toContain("::placeholder { color: currentcolor }");
    expect(css).toContain("dialog::backdrop { background: black }");
  });
});
