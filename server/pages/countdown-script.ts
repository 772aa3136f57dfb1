/**
 * The wait page's one script, minified (esbuild, which keeps ES5 as ES5) and allowed by its hash in
 * the page's Content-Security-Policy: its text never changes, the page hands it data. The compiled
 * server gets it minified at build time (scripts/lib/server-bundle.ts); run from its sources (tests,
 * tsx) it is minified here, once, at start-up.
 */
import { hashSource } from "@/lib/security/csp";

declare const PLANADO_COUNTDOWN_SCRIPT: string | undefined;

async function minifiedHere(): Promise<string> {
  const { readFileSync } = await import("node:fs");
  const { transformSync } = await import("esbuild");
  const source = readFileSync(new URL("./countdown.es5.js", import.meta.url), "utf8");
  return transformSync(source, { minify: true, target: "es5", legalComments: "none" }).code.trim();
}

export const COUNTDOWN_SCRIPT = typeof PLANADO_COUNTDOWN_SCRIPT === "string" ? PLANADO_COUNTDOWN_SCRIPT : await minifiedHere();

export const COUNTDOWN_SCRIPT_HASH = hashSource(COUNTDOWN_SCRIPT);
