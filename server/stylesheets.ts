/**
 * The stylesheets of the app's root layout in a production build, so the pages our server renders
 * itself look exactly like the app's. Next records them per page in its client reference manifest
 * (entryCSSFiles); every build has the "/_not-found" page, whose layout is the root layout.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

interface Manifest {
  entryCSSFiles?: Record<string, { path: string }[]>;
}

export function layoutStylesheets(distDir: string): string[] {
  const file = join(distDir, "server", "app", "_not-found", "page_client-reference-manifest.js");
  if (existsSync(file)) {
    // The manifest is a script of the build that assigns globalThis.__RSC_MANIFEST: run it apart.
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, Manifest> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1000 });
    const files = Object.values(sandbox.__RSC_MANIFEST ?? {})[0]?.entryCSSFiles?.["[project]/app/layout"];
    if (files?.length) return files.map((f) => `/_next/${f.path}`);
  }
  // Another layout of the build: the app has one stylesheet, so take the only one there is.
  const chunks = join(distDir, "static", "chunks");
  const css = existsSync(chunks) ? readdirSync(chunks).filter((name) => name.endsWith(".css")) : [];
  if (css.length === 1) return [`/_next/static/chunks/${css[0]}`];
  throw new Error(`Cannot find the app's stylesheet in ${distDir}: build it with \`next build\` (npm start does).`);
}
