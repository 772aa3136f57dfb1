/**
 * Planado's private MariaDB instance: a mariadbd of its own under the project's git-ignored `.data/`
 * folder (or PLANADO_DATA_DIR), for a machine where MariaDB is installed but no server answers where
 * DATABASE_URL points. Created on first use, reused while it runs, stopped by whoever started it.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, closeSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";
import mariadb from "mariadb";
import type { Connection } from "mariadb";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { DatabaseSetupError } from "./database-setup-error";
import { freePort } from "./free-port";
import { projectDir } from "./paths";
import { findProgram, isAlive } from "./programs";

type Log = (line: string) => void;

interface PrivateState {
  port: number;
  user: string;
  password: string;
}

export interface PrivateServer {
  coordinates: Omit<DatabaseCoordinates, "database">;
  /** True when this process started it (and should stop it); false when it was already running. */
  startedHere: boolean;
  /** Its process, when started here (the server npm start hands it to stops it: see scripts/setup.ts). */
  pid?: number;
  stop(): Promise<void>;
}

function privateDir(): string {
  return join(process.env.PLANADO_DATA_DIR ? resolve(process.env.PLANADO_DATA_DIR) : join(projectDir, ".data"), "mariadb");
}

function socketPath(dir: string): string {
  const path = join(dir, "mysqld.sock");
  // A Unix socket path must fit in 108 bytes; fall back to a short name in the temp folder.
  if (Buffer.byteLength(path) < 100) return path;
  return join(tmpdir(), `planado-${createHash("sha256").update(dir).digest("hex").slice(0, 16)}.sock`);
}

function readPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, "mysqld.pid"), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function rootOverSocket(socket: string): Promise<Connection> {
  return mariadb.createConnection({ socketPath: socket, user: "root", connectTimeout: 1_000 });
}

async function waitForSocket(socket: string, pid: number, errorLog: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const conn = await rootOverSocket(socket);
      await conn.end();
      return;
    } catch {
      if (!isAlive(pid) || Date.now() > deadline) {
        const tail = existsSync(errorLog) ? readFileSync(errorLog, "utf8").trim().split("\n").slice(-3).join(" | ") : "";
        throw new DatabaseSetupError(`The private MariaDB did not start (see ${errorLog}): ${tail}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function stopPid(pid: number, timeoutMs = 30_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGTERM"); // mariadbd shuts down cleanly on SIGTERM
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/** Starts (or reuses) the private MariaDB instance and returns a TCP login for it. */
export async function startPrivateServer(log: Log): Promise<PrivateServer> {
  const dir = privateDir();
  const dataDir = join(dir, "data");
  const stateFile = join(dir, "planado.json");
  const errorLog = join(dir, "mysqld.err");
  const socket = socketPath(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  let state: PrivateState | undefined;
  try {
    state = JSON.parse(readFileSync(stateFile, "utf8")) as PrivateState;
  } catch {
    state = undefined;
  }

  const running = readPid(dir);
  if (state && running && isAlive(running)) {
    try {
      const conn = await rootOverSocket(socket);
      await conn.end();
      log(`Using the private MariaDB already running in ${dir}.`);
      return {
        coordinates: { host: "127.0.0.1", port: state.port, user: state.user, password: state.password },
        startedHere: false,
        stop: async () => {},
      };
    } catch {
      // A stale pid file: fall through and start afresh.
    }
  }

  const mariadbd = findProgram("mariadbd") ?? findProgram("mysqld");
  if (!mariadbd) throw new DatabaseSetupError("MariaDB is not installed.");
  const asRoot = process.getuid?.() === 0;
  const userArgs = asRoot ? ["--user=root"] : [`--user=${userInfo().username}`];

  if (!existsSync(join(dataDir, "mysql"))) {
    const installDb = findProgram("mariadb-install-db") ?? findProgram("mysql_install_db");
    if (!installDb) throw new DatabaseSetupError("MariaDB is installed without mariadb-install-db.");
    log(`Creating a private MariaDB in ${dir} …`);
    const result = spawnSync(installDb, ["--no-defaults", ...userArgs, `--datadir=${dataDir}`, "--auth-root-authentication-method=normal", "--skip-test-db"], {
      encoding: "utf8",
    });
    if (result.status !== 0) {
      throw new DatabaseSetupError(`mariadb-install-db failed: ${(result.stderr || result.stdout).trim().split("\n").slice(-1)[0]}`);
    }
  }

  const port = await freePort(state?.port);
  const logFd = openSync(errorLog, "a");
  const child = spawn(
    mariadbd,
    [
      "--no-defaults",
      ...userArgs,
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--pid-file=${join(dir, "mysqld.pid")}`,
      `--log-error=${errorLog}`,
      "--skip-name-resolve",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
    ],
    // Its own process group, so Ctrl-C in the terminal reaches us first and we shut it down cleanly.
    { detached: true, stdio: ["ignore", logFd, logFd] },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid;
  if (!pid) throw new DatabaseSetupError("Could not start mariadbd.");
  await waitForSocket(socket, pid, errorLog);

  const user = state?.user ?? "planado";
  const password = state?.password ?? randomBytes(18).toString("base64url");
  const root = await rootOverSocket(socket);
  try {
    await root.query("CREATE USER IF NOT EXISTS ?@'127.0.0.1' IDENTIFIED BY ?", [user, password]);
    await root.query("GRANT ALL PRIVILEGES ON *.* TO ?@'127.0.0.1'", [user]);
  } finally {
    await root.end();
  }
  writeFileSync(stateFile, JSON.stringify({ port, user, password } satisfies PrivateState), { mode: 0o600 });
  log(`Started a private MariaDB on 127.0.0.1:${port} (data in ${dataDir}).`);

  return {
    coordinates: { host: "127.0.0.1", port, user, password },
    startedHere: true,
    pid,
    stop: () => stopPid(pid),
  };
}
