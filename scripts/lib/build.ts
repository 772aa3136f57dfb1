/**
 * Builds the production bundle only when its sources changed since the last build in that folder,
 * so a second `npm start` is quick.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectDir } from "./database-server";

const SOURCE_DIRS = ["app", "lib", "public"];
const SOURCE_FILES = [
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "proxy.ts",
  "prisma/schema.prisma",
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

/** Runs `next build` into `distDir` unless that folder already holds a build of these sources. */
export function ensureBuild(distDir: string, log: (line: string) => void): "fresh" | "built" {
  const stamp = join(projectDir, distDir, "planado-source-hash");
  const hash = sourceHash();
  if (existsSync(join(projectDir, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return "fresh";
  }
  log(`Building Planado into ${distDir}/ …`);
  const result = spawnSync(join(projectDir, "node_modules", ".bin", "next"), ["build"], {
    cwd: projectDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  writeFileSync(stamp, hash);
  return "built";
}
