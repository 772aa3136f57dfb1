/**
 * The wait page's one script, minified once at start-up (esbuild, which keeps ES5 as ES5) and allowed
 * by its hash in the page's Content-Security-Policy: its text never changes, the page hands it data.
 */
import { readFileSync } from "node:fs";
import { transformSync } from "esbuild";
import { hashSource } from "@/lib/security/csp";

const source = readFileSync(new URL("./countdown.es5.js", import.meta.url), "utf8");

export const COUNTDOWN_SCRIPT = transformSync(source, { minify: true, target: "es5", legalComments: "none" }).code.trim();

export const COUNTDOWN_SCRIPT_HASH = hashSource(COUNTDOWN_SCRIPT);
