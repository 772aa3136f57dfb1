/**
 * Right-to-left pages mirror by themselves only if no component names a physical side: Tailwind's
 * logical utilities (ms-/me-, ps-/pe-, start-/end-, text-start, rounded-s, border-e …) instead of
 * left and right. This keeps it so for every component of the app and of our own server's pages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PHYSICAL =
  /(?<![\w-])(?:[a-z-]+:)*-?(?:m[lr]|p[lr]|left|right|text-(?:left|right)|float-(?:left|right)|clear-(?:left|right)|rounded-[lr]|rounded-[tb][lr]|border-[lr]|scroll-m[lr]|scroll-p[lr])(?:-[\w./[\]]+)?(?![\w-])/g;

function components(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return components(path);
    return /\.(tsx|ts)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The class names a file writes: inside className="…" and `…` strings of Tailwind classes. */
function classNames(source: string): string[] {
  return [...source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})|(?:const \w+ =\s*)"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

describe("logical utilities only", () => {
  it("no component names a physical side", () => {
    const found = [...components("app"), ...components("ui"), ...components("server")].flatMap((file) =>
      classNames(readFileSync(file, "utf8")).flatMap((classes) => (classes.match(PHYSICAL) ?? []).map((name) => `${file}: ${name}`)),
    );
    expect(found).toEqual([]);
  });

  it("would notice one", () => {
    expect(classNames(`<p className="mt-2 ml-3 focus:left-2 text-right">`).join(" ").match(PHYSICAL)).toEqual(["ml-3", "focus:left-2", "text-right"]);
    expect(`ms-3 start-2 text-start rounded-lg px-2 border-slate-200`.match(PHYSICAL)).toBeNull();
  });
});
