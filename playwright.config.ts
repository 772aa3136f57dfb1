import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import type { LaunchOptions } from "@playwright/test";
import { formatDatabaseUrl } from "./lib/database-url";
import { parseConfig } from "./lib/env";

// One throwaway database per run, named here so the web server and the tests agree on it. Worker
// processes inherit this environment, so they see the name the main process chose.
process.env.PLANADO_E2E_DATABASE ??= `planado_e2e_${randomBytes(6).toString("hex")}`;
const server = parseConfig(process.env).DATABASE_URL.coordinates;
export const e2eDatabaseUrl = formatDatabaseUrl({ ...server, database: process.env.PLANADO_E2E_DATABASE });

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

// Debian's Chromium, never a downloaded browser; quiet flags so it makes no requests of its own.
const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-output/results",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: { baseURL, launchOptions, trace: "retain-on-failure" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: "cli/**" },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testIgnore: "cli/**" },
    { name: "cli", testMatch: "cli/**/*.spec.ts" },
  ],
  webServer: {
    command: `node_modules/.bin/next start --port ${port} --hostname 127.0.0.1`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      DATABASE_URL: e2eDatabaseUrl,
      PUBLIC_URL: "",
      JITSI_URL: "https://jitsi.e2e.invalid",
    },
  },
});
