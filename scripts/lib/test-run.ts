/** The tally of a test run and the programs it runs: each step adds its passed and failed counts. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { log } from "./cli";
import { projectDir } from "./paths";

export interface Tally {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

export const bin = (name: string) => join(projectDir, "node_modules", ".bin", name);
const reports = join(projectDir, "test-results");

/** Runs a program in the project's folder with our output; its exit code (1 when it could not start). */
export function run(program: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(program, args, { cwd: projectDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status ?? 1;
}

/** One check that passes or fails as a whole (type check, lint, format). */
export function step(name: string, program: string, args: string[], env: Record<string, string> = {}): Tally {
  log(`${name} …`);
  const ok = run(program, args, env) === 0;
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

/** A fresh path for a runner's JSON report: one per loop, so two loops running at once keep theirs. */
function reportPath(name: string): string {
  mkdirSync(reports, { recursive: true });
  const path = join(reports, `${name}.json`);
  rmSync(path, { force: true });
  return path;
}

function readJson<T>(path: string): T | undefined {
  try {
    return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Vitest's projects (vitest.config.ts), each test counted, in a zone with a 45-minute offset. */
export function vitest(projects: string[], passThrough: string[], env: Record<string, string>, reportName: string): Tally {
  log(`${projects.join(" and ")} tests (Vitest, TZ=Asia/Kathmandu) …`);
  const report = reportPath(reportName);
  const projectArgs = projects.flatMap((project) => ["--project", project]);
  const exit = run(bin("vitest"), ["run", ...projectArgs, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...passThrough], {
    TZ: "Asia/Kathmandu",
    ...env,
  });
  const result = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!result) return { name: "vitest", passed: 0, failed: 1, note: "no report" };
  const failed = result.numFailedTests + result.numPendingTests + result.numTodoTests;
  // A file that fails to load has no failed test but fails the run: count it.
  return { name: "vitest", passed: result.numPassedTests, failed: failed || (exit === 0 ? 0 : 1) };
}

/** Playwright (playwright.config.ts), each test counted; a skipped test counts as failed: none may be left behind. */
export function playwright(passThrough: string[], env: Record<string, string>, reportName: string): Tally {
  const report = reportPath(reportName);
  const exit = run(bin("playwright"), ["test", "--reporter=list,json", ...passThrough], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const result = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
  if (!result) return { name: "playwright", passed: 0, failed: 1, note: "no report" };
  const failed = result.stats.unexpected + result.stats.skipped;
  return { name: "playwright", passed: result.stats.expected + result.stats.flaky, failed: failed || (exit === 0 ? 0 : 1) };
}

/** Each step's counts, then the one line CI reads: `N passed, N failed`. Says whether all passed. */
export function printSummary(results: Tally[]): boolean {
  console.log("");
  for (const r of results) log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
