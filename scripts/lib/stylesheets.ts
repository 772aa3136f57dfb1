/**
 * The stylesheets of a build, for every browser from about 2012 on. Tailwind 4 writes CSS that only
 * engines from 2022 on read (cascade layers, @property, oklch(), logical properties …): older ones,
 * an old iPad or a school tablet among them, would show the pages unstyled. After `next build`:
 *  - the app's stylesheets (Next's build) are lowered in place, so the organizer's pages look as
 *    they did in current browsers and styled in old ones;
 *  - the participant's pages get a small stylesheet of their own (ui/participant.css: Tailwind over
 *    only the classes those pages write, in the same look), lowered the same way, which our server
 *    answers (server/assets.ts).
 * The lowering is scripts/lib/legacy-css/ (why not a library: see its plugin.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import tailwind from "@tailwindcss/postcss";
import postcss from "postcss";
import { ORIGINAL_STYLESHEETS, PARTICIPANT_STYLESHEET } from "../../lib/build-output";
import { legacyCss } from "./legacy-css/plugin";
import { trimPreflight, usedElements } from "./legacy-css/preflight";
import { projectDir } from "./paths";

/** Where the participant's pages' markup lives: the elements their stylesheet needs (the classes: ui/participant.css). */
const PARTICIPANT_SOURCES = ["server/pages", "ui"];

function* cssFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* cssFiles(path);
    else if (entry.name.endsWith(".css")) yield path;
  }
}

/** Lowers the app's built stylesheets in place and builds the participant's; returns their sizes. */
export async function buildStylesheets(distDir: string): Promise<{ file: string; bytes: number }[]> {
  const built: { file: string; bytes: number }[] = [];
  const lower = postcss([legacyCss({ minify: true })]);
  for (const file of cssFiles(join(distDir, "static"))) {
    const css = readFileSync(file, "utf8");
    // Tailwind's own output stays beside it, for the test that compares the two in Chromium.
    const original = join(distDir, ORIGINAL_STYLESHEETS, relative(distDir, file));
    mkdirSync(dirname(original), { recursive: true });
    writeFileSync(original, css);
    const result = await lower.process(css, { from: file, to: file });
    writeFileSync(file, result.css);
    built.push({ file, bytes: Buffer.byteLength(result.css) });
  }

  const from = join(projectDir, "ui", "participant.css");
  const participant = await postcss([
    tailwind({ base: projectDir, optimize: false }),
    // Only the base rules for elements these pages have (no forms): a third of the size.
    trimPreflight(usedElements(projectDir, PARTICIPANT_SOURCES)),
    legacyCss({ minify: true }),
  ]).process(readFileSync(from, "utf8"), { from });
  const out = join(distDir, PARTICIPANT_STYLESHEET);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, participant.css);
  built.push({ file: out, bytes: Buffer.byteLength(participant.css) });
  return built;
}
