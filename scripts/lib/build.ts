/**
 * Builds the production bundle only when its sources changed since the last build in that folder,
 * so a second `npm start` is quick.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectDir } from "./paths";
import { buildStylesheets } from "./stylesheets";

const SOURCE_DIRS = ["app", "lib", "messages", "public", "server", "ui", "scripts/lib/legacy-css"];
const SOURCE_FILES = [
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "proxy.ts",
  "prisma/schema.prisma",
  "scripts/lib/stylesheets.ts",
];
const SKIPPED = new Set([join(projectDir, "lib", "generated")]);

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir) || SKIPPED.has(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

/** A hash of everything that goes into a build (paths and contents). */
export function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [
    ...SOURCE_DIRS.flatMap((dir) => [...walk(join(projectDir, dir))]),
    ...SOURCE_FILES.map((file) => join(projectDir, file)).filter((file) => existsSync(file)),
  ];
  for (const file of files) {
    hash.update(relative(projectDir, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/**
 * Forgets the route types Next generated into every build folder (.next, .next-test, …). tsconfig.json
 * includes them all, so the types of a route that no longer exists, left in another folder, would
 * fail the type check of this build. Each build and `next typegen` writes its own again.
 */
export function clearGeneratedTypes(): void {
  for (const entry of readdirSync(projectDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith(".next")) rmSync(join(projectDir, entry.name, "types"), { recursive: true, force: true });
  }
}

/**
 * Runs `next build` into `distDir`, then builds the stylesheets for old browsers (stylesheets.ts),
 * unless that folder already holds a build of these sources.
 */
export async function ensureBuild(distDir: string, log: (line: string) => void): Promise<"fresh" | "built"> {
  const stamp = join(projectDir, distDir, "planado-source-hash");
  const hash = sourceHash();
  if (existsSync(join(projectDir, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return "fresh";
  }
  log(`Building Planado into ${distDir}/ …`);
  clearGeneratedTypes();
  const result = spawnSync(join(projectDir, "node_modules", ".bin", "next"), ["build"], {
    cwd: projectDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  const sheets = await buildStylesheets(join(projectDir, distDir));
  log(`Stylesheets for every browser: ${sheets.map(({ file, bytes }) => `${relative(projectDir, file)} (${(bytes / 1024).toFixed(1)} kB)`).join(", ")}.`);
  writeFileSync(stamp, hash);
  return "built";
}
