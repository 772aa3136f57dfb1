/**
 * Planado's own programs on the cluster: the app servers (started as playwright.config.ts starts the
 * others, with the settings both share) and `npm run migrate`, and what a server's log and health
 * check report.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatDatabaseUrl } from "../../../lib/database-url";
import type { DatabaseCoordinates } from "../../../lib/database-url";
import { CONFIG_VARIABLES } from "../../../lib/env";
import { freePort } from "../../../scripts/lib/free-port";
import { projectDir } from "../../../scripts/lib/paths";
import { waitFor } from "./pacing";
import { request } from "./requests";
import { CLEANUP_AFTER_HOURS, CLUSTER_SECRET, JITSI_STUB, SWEEP_INTERVAL_SECONDS } from "./shared-settings";

export interface PlanadoServer {
  name: string;
  base: string;
  logFile: string;
  process: ChildProcess;
  /** How it ended, once it has. */
  exited?: string;
}

/** The environment of Planado's programs: ours alone, none of the caller's Planado settings; data in `workDir`. */
function planadoEnvironment(workDir: string, settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...CONFIG_VARIABLES, "API_CREATE_LIMIT_PER_HOUR", "NODE_OPTIONS"]) delete env[name];
  return { ...env, PLANADO_SECRET: CLUSTER_SECRET, PLANADO_DATA_DIR: join(workDir, "data"), ...settings };
}

/** The last lines of a log file, for an error message or an attachment. */
export function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no output)";
}

/**
 * Starts our server (as playwright.config.ts starts the others) and waits until /api/health says ok.
 * Its log goes to `workDir`; it joins `servers` as soon as it runs, so that one that never answers is
 * stopped too.
 */
export async function startPlanado(name: string, database: DatabaseCoordinates, workDir: string, servers: PlanadoServer[]): Promise<PlanadoServer> {
  const port = await freePort();
  const logFile = join(workDir, `server-${name}.log`);
  const output = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectDir,
    // Its own process group: stopping it stops Next's workers too.
    detached: true,
    stdio: ["ignore", output, output],
    env: planadoEnvironment(workDir, {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      DATABASE_URL: formatDatabaseUrl(database),
      JITSI_URL: JITSI_STUB,
      DEFAULT_TIME_ZONE: "Europe/Berlin",
      // Both sweep whenever a request comes and a second has passed since their last sweep.
      CLEANUP_MODE: "request",
      CLEANUP_INTERVAL_SECONDS: String(SWEEP_INTERVAL_SECONDS),
      CLEANUP_AFTER_HOURS: String(CLEANUP_AFTER_HOURS),
      // Every request of the tests comes from loopback: no limits.
      WRITE_LIMIT_PER_HOUR: "0",
      API_LOOKUP_LIMIT_PER_MINUTE: "0",
      LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
      // A change made through the other server (or behind both, in SQL) is seen at once.
      INVITATION_CACHE_MS: "0",
    }),
  });
  closeSync(output);
  const server: PlanadoServer = { name, base: `http://127.0.0.1:${port}`, logFile, process: child };
  child.once("exit", (code, signal) => (server.exited = signal ?? `code ${code}`));
  servers.push(server);

  const healthy = await waitFor(
    async () => {
      if (server.exited) throw new Error(`Planado server ${name} exited (${server.exited}) while starting:\n${tail(logFile)}`);
      return (await request(server.base, "GET", "/api/health").catch(() => undefined))?.status === 200;
    },
    { timeoutMs: 90_000, intervalMs: 250 },
  );
  if (!healthy) throw new Error(`Planado server ${name} did not answer /api/health with 200 within 90 s:\n${tail(logFile)}`);
  return server;
}

export async function stopPlanado(server: PlanadoServer): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.process.pid!, name);
    } catch {
      // already gone
    }
  };
  if (server.exited) return;
  signal("SIGTERM");
  if (!(await waitFor(() => server.exited !== undefined, { timeoutMs: 10_000 }))) signal("SIGKILL");
}

export interface MigrateRun {
  label: string;
  code: number | null;
  output: string;
  ms: number;
}

/**
 * `npm run migrate` as an operator runs it: the database DATABASE_URL names. With `startAt` (ms since
 * the epoch) it loads its code first and begins at that moment (see ../start-together.ts).
 */
export function runMigrate(label: string, database: DatabaseCoordinates, workDir: string, startAt?: number): Promise<MigrateRun> {
  const started = Date.now();
  const together = startAt === undefined ? [] : ["--import", "./e2e/cluster/start-together.ts"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...together, "scripts/migrate.ts"], {
      cwd: projectDir,
      env: planadoEnvironment(workDir, {
        DATABASE_URL: formatDatabaseUrl(database),
        ...(startAt === undefined ? {} : { PLANADO_E2E_START_AT: String(startAt) }),
      }),
      stdio: ["ignore", "pipe", "pipe"],
      // A runner stuck on a lock (or a node) for two minutes is a failure, not something to wait out.
      timeout: 120_000,
      killSignal: "SIGKILL",
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("close", (code) => {
      resolve({ label, code, output: output.trim(), ms: Date.now() - started });
    });
  });
}

/** The log lines a server wrote since `offset` (bytes). */
export function logSince(server: PlanadoServer, offset: number): string[] {
  return readFileSync(server.logFile).subarray(offset).toString("utf8").split("\n");
}

export const logSize = (server: PlanadoServer) => statSync(server.logFile).size;

/** What GET /api/health says about writes the server ran again after a deadlock (see lib/write-retry.ts). */
export async function retriedWrites(server: PlanadoServer): Promise<unknown> {
  const health = await request(server.base, "GET", "/api/health");
  return (health.json as { retriedWrites?: unknown } | undefined)?.retriedWrites;
}
