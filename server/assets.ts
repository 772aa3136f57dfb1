/**
 * The two files our server answers itself, from memory: the participant's pages' stylesheet (built
 * beside Next's build by scripts/lib/stylesheets.ts; its address names its content, so browsers keep
 * it for a year) and /favicon.ico (browsers that skip the SVG icon ask for it on every visit: small,
 * and kept for a week).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PARTICIPANT_STYLESHEET } from "@/lib/build-output";
import { answer } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";

const YEAR = 365 * 86_400;
const WEEK = 7 * 86_400;

export interface Assets {
  /** The participant's stylesheet's address. */
  stylesheet: string;
  /** The answer for a path that is one of these files (GET or HEAD), else undefined. */
  answerFor(method: string, pathname: string): Answer | undefined;
}

export function loadAssets(projectDir: string, distDir: string): Assets {
  const cssFile = join(distDir, PARTICIPANT_STYLESHEET);
  if (!existsSync(cssFile)) throw new Error(`Cannot find the participant's stylesheet ${cssFile}: build Planado first (npm start does).`);
  return assetsOf(readFileSync(cssFile), readFileSync(join(projectDir, "public", "favicon.ico")));
}

/** The assets for these files' contents. */
export function assetsOf(css: Buffer, favicon: Buffer): Assets {
  const stylesheet = `/assets/participant-${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
  const files = new Map<string, Answer>([
    [stylesheet, file("text/css; charset=utf-8", css, `public, max-age=${YEAR}, immutable`)],
    ["/favicon.ico", file("image/x-icon", favicon, `public, max-age=${WEEK}`)],
  ]);
  return {
    stylesheet,
    answerFor: (method, pathname) => (method === "GET" || method === "HEAD" ? files.get(pathname) : undefined),
  };
}

/** A file, not a page (the request pipeline adds the headers every answer carries). */
function file(type: string, body: Buffer, cacheControl: string): Answer {
  return answer(200, { "Content-Type": type, "Cache-Control": cacheControl }, body);
}
