import { defineConfig, devices } from "@playwright/test";
import type { LaunchOptions } from "@playwright/test";
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from "./scripts/lib/launch";
import { JITSI } from "./e2e/support/jitsi-stub";
import {
  baseURL,
  BEHIND_NGINX_PORT,
  E2E_SECRET,
  e2eDatabaseUrl,
  ENFORCING_JITSI,
  ENFORCING_PORT,
  NGINX_PORT,
  NO_DATABASE_PORT,
  OPERATOR_OPTIONS_PORT,
  port,
  PUBLIC_HOST,
} from "./e2e/support/settings";

/**
 * Our server on the test build, on a port, with Planado's configuration for the tests: compiled, as
 * npm start and systemd run it (plain node, the memory budget's flags: scripts/lib/launch.ts).
 */
function server(serverPort: number, env: Record<string, string>) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-test";
  return {
    command: `node ${SERVER_NODE_OPTIONS.join(" ")} ${distDir}/planado/server.mjs`,
    url: `http://127.0.0.1:${serverPort}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...SERVER_ENVIRONMENT,
      NEXT_DIST_DIR: distDir,
      PORT: String(serverPort),
      LISTEN_ADDRESS: "127.0.0.1",
      DATABASE_URL: e2eDatabaseUrl,
      PUBLIC_URL: "",
      JITSI_URL: JITSI,
      DEFAULT_TIME_ZONE: "Europe/Berlin",
      EARLY_JOIN_MINUTES: "",
      PRIVACY_NOTICE_URL: "",
      PLANADO_SECRET: E2E_SECRET,
      CALENDAR_SECRET: "e2e-calendar-secret-0123456789abcdef0123456789",
      CALENDAR_REMINDER_MINUTES: "",
      CLEANUP_MODE: "",
      CLEANUP_INTERVAL_SECONDS: "",
      CLEANUP_AFTER_HOURS: "",
      // Many tests book through the API from one address: no limits, except where a test wants them.
      WRITE_LIMIT_PER_HOUR: "0",
      API_LOOKUP_LIMIT_PER_MINUTE: "0",
      API_CORS_ORIGINS: "",
      LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
      // Tests change rows behind the app's back (as another server would); see them at once.
      INVITATION_CACHE_MS: "0",
      ...env,
    },
  };
}

// Debian's Chromium, never a downloaded browser; quiet flags so it makes no requests of its own.
const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

/**
 * Which part runs (scripts/test.ts sets it): "e2e" all but the Galera cluster (npm run test:e2e),
 * "cluster" the cluster alone (npm run test:cluster); unset or "all", everything, the cluster last.
 */
const suite = process.env.PLANADO_E2E_SUITE;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-output/results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  globalSetup: suite === "cluster" ? undefined : "./e2e/support/global-setup.ts",
  use: { baseURL, launchOptions, trace: "retain-on-failure" },
  // Two cores run the servers, the browsers and (last) a database cluster: a page may take a few
  // seconds more than on a developer's machine. Waits end as soon as the page is there.
  expect: { timeout: 10_000 },
  projects: [
    // Browsers in zones other than the organizers' and the server's, to catch zone mix-ups.
    // Every language's pages are checked at desktop width; on a phone, French and Arabic (and the wait
    // page of each language, saved for review).
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions, timezoneId: "America/New_York" },
      testIgnore: ["cli/**", "api/**", "deploy/**", "cluster/**", "engines/**", "languages/phone-*.spec.ts"],
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], launchOptions, timezoneId: "Asia/Kolkata" },
      testIgnore: ["cli/**", "api/**", "deploy/**", "cluster/**", "engines/**", "languages/all-*.spec.ts"],
    },
    { name: "cli", testMatch: "cli/**/*.spec.ts" },
    // The API needs no browser: one run is enough.
    { name: "api", testMatch: "api/**/*.spec.ts" },
    // Old and small engines from Debian (NetSurf, Dillo, w3m, ELinks, lynx), and the stylesheets they
    // need, beside Chromium at the same size for comparison.
    { name: "engines", testMatch: "engines/**/*.spec.ts", use: { ...devices["Desktop Chrome"], viewport: { width: 1024, height: 768 }, launchOptions } },
    // Several servers on a real Galera cluster (e2e/cluster/): heavy (three database nodes), so it
    // runs after everything else, alone.
    // Alone (npm run test:cluster), it waits for nothing.
    {
      name: "cluster",
      testMatch: "cluster/**/*.spec.ts",
      dependencies: suite === "cluster" ? [] : ["desktop", "phone", "cli", "api", "deploy", "engines"],
    },
    // Through nginx, at the public address: the browser resolves the public host name to loopback.
    {
      name: "deploy",
      testMatch: "deploy/**/*.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://${PUBLIC_HOST}:${NGINX_PORT}`,
        launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`] },
      },
    },
  ].filter((project) => (suite === "e2e" ? project.name !== "cluster" : suite === "cluster" ? project.name === "cluster" : true)),
  webServer: [
    server(port, {}),
    // The same app, as an operator may configure it: a privacy notice, and rooms that open early.
    // (It also sweeps every second, so a test can watch the cleanup that requests trigger.)
    // (…and it has low API limits and lets one website call the API.)
    server(OPERATOR_OPTIONS_PORT, {
      PRIVACY_NOTICE_URL: "https://planado.example.org/privacy",
      EARLY_JOIN_MINUTES: "10",
      CLEANUP_INTERVAL_SECONDS: "1",
      WRITE_LIMIT_PER_HOUR: "3",
      API_LOOKUP_LIMIT_PER_MINUTE: "5",
      API_CORS_ORIGINS: "https://site.example",
      LOOKUP_MISS_LIMIT_PER_MINUTE: "5",
      INVITATION_CACHE_MS: "1000",
    }),
    // …and one whose database does not answer.
    server(NO_DATABASE_PORT, { DATABASE_URL: "mysql://planado@127.0.0.1:9/planado" }),
    // …and one in front of a Jitsi that enforces bookings (reservations, tokens, the name shown).
    server(ENFORCING_PORT, ENFORCING_JITSI),
    // …and one behind nginx (started by e2e/deploy/nginx.spec.ts with deploy/nginx.conf): it trusts
    // nginx alone, and has a write limit to see whose requests it counts.
    server(BEHIND_NGINX_PORT, {
      PUBLIC_URL: `http://${PUBLIC_HOST}:${NGINX_PORT}`,
      TRUSTED_PROXIES: "127.0.0.1",
      WRITE_LIMIT_PER_HOUR: "3",
    }),
    // The cluster spec starts its own servers on its own cluster: alone, it needs none of these.
  ].filter(() => suite !== "cluster"),
});
