/**
 * `npm test`: every check, in order, then one line `N passed, N failed` summing them all.
 *   type check (1) · lint (1) · format (1) · Vitest unit + integration (each test) · Playwright (each test)
 * Finds or starts a database server for the integration and end-to-end tests, installs the Debian
 * programs the tests run when they are missing (as root: Chromium, nginx, haproxy, galera-4, Duktape
 * and the old browsers), and builds the app into .next-test when its sources changed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { formatDatabaseUrl } from "../lib/database-url";
import { configOrExit, loadEnvFiles, log } from "./lib/cli";
import { clearGeneratedTypes, ensureBuild } from "./lib/build";
import { resolveServer } from "./lib/database-server";
import type { ResolvedServer } from "./lib/database-server";
import { projectDir } from "./lib/paths";
import { dropStaleTestDatabases } from "./lib/throwaway-database";

/** The Debian packages of the old engines' tests, each by a file it installs. */
const OLD_ENGINES: Record<string, string> = {
  "netsurf-gtk": "/usr/bin/netsurf-gtk",
  dillo: "/usr/bin/dillo",
  w3m: "/usr/bin/w3m",
  elinks: "/usr/bin/elinks",
  lynx: "/usr/bin/lynx",
  xvfb: "/usr/bin/Xvfb",
  xdotool: "/usr/bin/xdotool",
  tmux: "/usr/bin/tmux",
  imagemagick: "/usr/bin/compare",
};

interface Tally {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

const results: Tally[] = [];
const bin = (name: string) => join(projectDir, "node_modules", ".bin", name);
const reports = join(projectDir, "test-results");

function run(program: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(program, args, { cwd: projectDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status ?? 1;
}

function step(name: string, program: string, args: string[], env: Record<string, string> = {}) {
  log(`${name} …`);
  const ok = run(program, args, env) === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/**
 * A program the end-to-end tests run (Debian's Chromium, Debian's nginx): found, or installed from
 * Debian's packages when we are root, as on CI.
 */
function ensureDebianProgram(packageName: string, candidates: (string | undefined)[]): string | undefined {
  const found = firstExisting(candidates);
  if (found) return found;
  if (process.getuid?.() !== 0) {
    log(`${packageName} is missing: install Debian's ${packageName} package (apt-get install ${packageName}).`);
    return undefined;
  }
  log(`Installing Debian's ${packageName} for the end-to-end tests …`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["install", "-y", "-qq", packageName], env) !== 0) {
    run("apt-get", ["update", "-qq"], env);
    run("apt-get", ["install", "-y", "-qq", packageName], env);
  }
  return firstExisting(candidates);
}

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  // Types and lint first: cheap, and they need no database. `next typegen` writes the route types.
  log("type check …");
  clearGeneratedTypes();
  const typesOk = run(bin("next"), ["typegen"], { NEXT_DIST_DIR: ".next-test" }) === 0 && run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]) === 0;
  results.push({ name: "type check", passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1 });
  step("lint", bin("eslint"), [".", "--max-warnings", "0"]);
  step("format", bin("prettier"), ["--check", "."]);

  let server: ResolvedServer | undefined;
  try {
    server = await resolveServer(config.DATABASE_URL.coordinates, log);
    const dropped = await dropStaleTestDatabases(server.coordinates);
    if (dropped.length) log(`Dropped ${dropped.length} test database(s) left behind by earlier runs.`);
  } catch (error) {
    log(`No database for the integration and end-to-end tests: ${(error as Error).message}`);
  }
  const databaseEnv: Record<string, string> = server ? { DATABASE_URL: formatDatabaseUrl(server.coordinates) } : {};

  // The programs the tests run, from Debian (installed when missing, as root): Duktape for the wait
  // page's script in a pure ES5 engine (Vitest); the rest for Playwright.
  const duktape = ensureDebianProgram("duktape", ["/usr/bin/duk"]);
  // Debian's Chromium; the reverse-proxy test runs the nginx configuration we ship (deploy/nginx.conf).
  const chromium = ensureDebianProgram("chromium", [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]);
  const nginx = ensureDebianProgram("nginx", [process.env.NGINX_PATH, "/usr/sbin/nginx"]);
  // The cluster tests (e2e/cluster/) run a three-node Galera cluster behind haproxy; SST by rsync.
  const cluster = ["galera-4", "haproxy", "rsync"].every((name) =>
    ensureDebianProgram(name, [{ "galera-4": "/usr/lib/galera/libgalera_smm.so", haproxy: "/usr/sbin/haproxy", rsync: "/usr/bin/rsync" }[name]]),
  );
  // Old and small browsers (e2e/engines/), on a display of their own (Xvfb) or in a terminal (tmux),
  // their screens read with ImageMagick and clicked with xdotool.
  const engines = Object.entries(OLD_ENGINES).every(([name, path]) => ensureDebianProgram(name, [path]));

  try {
    // Vitest: unit and integration projects in one run, in a zone with a 45-minute offset.
    log("unit and integration tests (Vitest, TZ=Asia/Kathmandu) …");
    const vitestReport = join(reports, "vitest.json");
    const vitestExit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
      TZ: "Asia/Kathmandu",
      ...databaseEnv,
    });
    const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
    if (vitest) {
      const failed = vitest.numFailedTests + vitest.numPendingTests + vitest.numTodoTests;
      // A file that fails to load has no failed test but fails the run: count it.
      results.push({ name: "vitest", passed: vitest.numPassedTests, failed: failed || (vitestExit === 0 ? 0 : 1) });
    } else {
      results.push({ name: "vitest", passed: 0, failed: 1, note: "no report" });
    }

    // Playwright: against a production build, in Debian's Chromium (desktop and phone) and old engines.
    let built = false;
    try {
      await ensureBuild(".next-test", log);
      built = true;
    } catch (error) {
      log((error as Error).message);
    }
    if (!duktape) log("Duktape is missing: the tests of the wait page's script in it fail.");
    if (!chromium || !nginx || !cluster || !engines || !built || !server) {
      results.push({ name: "playwright", passed: 0, failed: 1, note: "could not start" });
    } else {
      log("end-to-end tests (Playwright, Chromium) …");
      const playwrightReport = join(reports, "playwright.json");
      const playwrightExit = run(bin("playwright"), ["test", "--reporter=list,json"], {
        ...databaseEnv,
        CHROMIUM_PATH: chromium,
        NGINX_PATH: nginx,
        NEXT_DIST_DIR: ".next-test",
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      });
      const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightReport);
      if (report) {
        // A skipped test counts as failed: none may be left behind.
        const failed = report.stats.unexpected + report.stats.skipped;
        results.push({ name: "playwright", passed: report.stats.expected + report.stats.flaky, failed: failed || (playwrightExit === 0 ? 0 : 1) });
      } else {
        results.push({ name: "playwright", passed: 0, failed: 1, note: "no report" });
      }
    }
  } finally {
    if (server?.privateServer?.startedHere) await server.privateServer.stop();
  }

  console.log("");
  for (const r of results) {
    log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
