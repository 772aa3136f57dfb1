/**
 * The request pipeline stays single (CONTRIBUTING.md, "Where a behaviour lives"): every security
 * header is written in lib/pipeline/ and nowhere else, and Next has no way in of its own (no proxy or
 * middleware, no headers in next.config), so an answer's headers are decided in one place.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const CODE = ["app", "lib", "server", "ui", "scripts"];
const SKIPPED = new Set(["node_modules", "generated"]);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A security header's name as code writes it (in quotes, or as an object key), not as a comment mentions it. */
const SECURITY_HEADER =
  /(["'`]|^\s*|[{,]\s*)(content-security-policy|permissions-policy|referrer-policy|x-robots-tag|x-frame-options|x-content-type-options|cross-origin-opener-policy|strict-transport-security)(["'`]|\s*:)/im;

describe("one request pipeline", () => {
  it("writes every security header in lib/pipeline/ only", () => {
    const outside = [...CODE.flatMap(sourceFiles), "next.config.ts"]
      .filter((file) => !file.startsWith("lib/pipeline/"))
      .filter((file) => SECURITY_HEADER.test(readFileSync(join(ROOT, file), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(outside).toEqual([]);
  });

  it("gives Next no way in of its own: no proxy or middleware, no headers in its configuration", () => {
    for (const door of ["proxy.ts", "proxy.js", "middleware.ts", "middleware.js"]) expect(existsSync(join(ROOT, door)), door).toBe(false);
    expect(readFileSync(join(ROOT, "next.config.ts"), "utf8")).not.toMatch(/\bheaders\s*\(/);
  });

  it("finds a header written outside it (the check can fail)", () => {
    expect(SECURITY_HEADER.test(`return answer(200, { "Referrer-Policy": "unsafe-url" });`)).toBe(true);
    expect(SECURITY_HEADER.test(`headers: { "x-frame-options": "ALLOW" }`)).toBe(true);
    expect(SECURITY_HEADER.test(`  X-Robots-Tag: "all",`)).toBe(true);
    expect(SECURITY_HEADER.test(`the Referrer-Policy header, for browsers from before it`)).toBe(false);
  });
});
