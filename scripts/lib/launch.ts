/**
 * How the compiled server is started, in one place: by `npm start` (scripts/start.sh, after the
 * set-up wrote launch.env) and by systemd (deploy/planado.service names the same flags; a test
 * checks that it does).
 */
import { join } from "node:path";
import { projectDir } from "./paths";

/**
 * Node's flags for the serving process: the memory budget (bench/README.md, "memory", says how these
 * were chosen). V8 would otherwise let garbage pile up toward a limit set by the machine's memory.
 * The young generation keeps Node's 16 MiB: at 8 the wait page lost a tenth of its throughput.
 */
export const SERVER_NODE_OPTIONS = ["--max-old-space-size=160", "--max-semi-space-size=16"];

/**
 * The C library's memory pools for the serving process: two, not eight per core. Node's threads
 * (V8's collector, libuv's pool) otherwise each keep a pool of their own; measured 20-60 MiB less
 * resident after a warm-up, no throughput lost (bench/README.md).
 */
export const SERVER_ENVIRONMENT = { MALLOC_ARENA_MAX: "2" };

/** What the set-up wrote down for the server of a build folder. */
export function launchFile(distDir: string): string {
  return join(projectDir, distDir, "planado", "launch.env");
}

/** A value as a POSIX shell reads it back from `. launch.env` unchanged, whatever it holds. */
function shellQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function launchVariables(launch: { distDir: string; databaseUrl: string; privateDatabasePid?: number }): string {
  const variables: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: launch.distDir,
    DATABASE_URL: launch.databaseUrl,
    PLANADO_NODE_OPTIONS: SERVER_NODE_OPTIONS.join(" "),
    ...SERVER_ENVIRONMENT,
    ...(launch.privateDatabasePid ? { PLANADO_PRIVATE_DATABASE_PID: String(launch.privateDatabasePid) } : {}),
  };
  return `${Object.entries(variables)
    .map(([name, value]) => `${name}=${shellQuoted(value)}`)
    .join("\n")}\n`;
}
