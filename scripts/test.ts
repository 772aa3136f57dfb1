/**
 * `npm test`: every check, in order, then one line `N passed, N failed` summing them all.
 *   type check (1) · lint (1) · format (1) · Vitest unit + integration (each test) · Playwright (each test)
 * Finds or starts a database server for the integration and end-to-end tests, installs the Debian
 * programs the tests run when they are missing (as root: Chromium, nginx, haproxy, galera-4, Duktape
 * and the old browsers), and builds the app into .next-test when its sources changed.
 *
 * The loops a developer lives in are the same script with fewer steps (./lib/test-suites.ts), each
 * ending with the same line; what follows `--` goes to their runner:
 *   npm run test:unit     Vitest's unit project: no database, no build
 *   npm run test:int      Vitest's integration project, against MariaDB
 *   npm run test:e2e      Playwright without the Galera cluster (builds .next-test when needed)
 *   npm run test:cluster  Playwright's Galera cluster spec alone (one cluster, started by it)
 */
import { formatDatabaseUrl } from "../lib/database-url";
import { configOrExit, loadEnvFiles, log } from "./lib/cli";
import { clearGeneratedTypes, ensureBuild } from "./lib/build";
import { resolveServer } from "./lib/database-server";
import type { ResolvedServer } from "./lib/database-server";
import { dropStaleTestDatabases } from "./lib/throwaway-database";
import { ensureBrowserPrograms, ensureClusterPrograms, ensureDuktape } from "./lib/test-programs";
import { bin, playwright, printSummary, run, step, vitest } from "./lib/test-run";
import type { Tally } from "./lib/test-run";
import { parseSelection, USAGE } from "./lib/test-suites";

async function main() {
  const selection = parseSelection(process.argv.slice(2));
  if (!selection) {
    console.error(USAGE);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
  const { suite, passThrough } = selection;
  loadEnvFiles();
  const results: Tally[] = [];

  // Types and lint first: cheap, and they need no database. `next typegen` writes the route types.
  if (suite.checks) {
    log("type check …");
    clearGeneratedTypes();
    const typesOk = run(bin("next"), ["typegen"], { NEXT_DIST_DIR: ".next-test" }) === 0 && run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]) === 0;
    results.push({ name: "type check", passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1 });
    results.push(step("lint", bin("eslint"), [".", "--max-warnings", "0"]));
    results.push(step("format", bin("prettier"), ["--check", "."]));
  }

  let server: ResolvedServer | undefined;
  if (suite.database) {
    const config = configOrExit();
    try {
      server = await resolveServer(config.DATABASE_URL.coordinates, log);
      const dropped = await dropStaleTestDatabases(server.coordinates);
      if (dropped.length) log(`Dropped ${dropped.length} test database(s) left behind by earlier runs.`);
    } catch (error) {
      log(`No database for the integration and end-to-end tests: ${(error as Error).message}`);
    }
  }
  const databaseEnv: Record<string, string> = server ? { DATABASE_URL: formatDatabaseUrl(server.coordinates) } : {};

  // The programs the tests run, from Debian (installed when missing, as root), before any test runs.
  if (suite.vitest.includes("unit")) ensureDuktape();
  const browsers = suite.playwright === "all" || suite.playwright === "e2e" ? ensureBrowserPrograms() : {};
  const cluster = suite.playwright === "all" || suite.playwright === "cluster" ? ensureClusterPrograms() : true;

  try {
    if (suite.vitest.length) results.push(vitest(suite.vitest, passThrough, databaseEnv, `vitest-${suite.name}`));

    // Playwright: against a production build, in Debian's Chromium (desktop and phone) and old engines.
    if (suite.playwright) {
      let built = false;
      try {
        await ensureBuild(".next-test", log);
        built = true;
      } catch (error) {
        log((error as Error).message);
      }
      if (!browsers || !cluster || !built || (suite.database && !server)) {
        results.push({ name: "playwright", passed: 0, failed: 1, note: "could not start" });
      } else {
        log(`end-to-end tests (Playwright${suite.playwright === "all" ? "" : `, ${suite.playwright}`}) …`);
        const env = { ...databaseEnv, ...browsers, NEXT_DIST_DIR: ".next-test", PLANADO_E2E_SUITE: suite.playwright };
        results.push(playwright(passThrough, env, `playwright-${suite.name}`));
      }
    }
  } finally {
    if (server?.privateServer?.startedHere) await server.privateServer.stop();
  }

  process.exit(printSummary(results) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
