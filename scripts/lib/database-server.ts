/**
 * Finding a MySQL/MariaDB server for Planado: the one DATABASE_URL names, or, when nothing answers
 * there on this machine and MariaDB is installed, a private instance under the project's git-ignored
 * `.data/` folder (or PLANADO_DATA_DIR). Creating the database and migrating it live here too.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, closeSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";
import mariadb from "mariadb";
import type { Connection } from "mariadb";
import { describeDatabase, isLocalHost } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { dataSteps } from "./data-steps";
import { migrate, readMigrations } from "./migrate";
import type { MigrateResult } from "./migrate";
import { findProgram, isAlive } from "./programs";

export const projectDir = resolve(import.meta.dirname, "../..");
export const migrationsDir = join(projectDir, "prisma/migrations");

export class DatabaseSetupError extends Error {
  override name = "DatabaseSetupError";
}

type Log = (line: string) => void;

// Errors that mean "no server listens there", as opposed to "a server said no".
const UNREACHABLE = new Set(["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ER_CONNECTION_TIMEOUT", "ER_SOCKET_UNEXPECTED_CLOSE"]);

export type Probe = { ok: true } | { ok: false; unreachable: boolean; reason: string };

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The driver prefixes messages with "(conn:…, no: …, SQLState: …)"; keep what a person can read.
  return text.replace(/^\(conn:[^)]*\)\s*/, "").split("\n")[0] ?? text;
}

/** Connects to the server (not to the database) to learn whether it answers and lets us in. */
export async function probeServer(c: DatabaseCoordinates): Promise<Probe> {
  let conn: Connection | undefined;
  try {
    conn = await mariadb.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, connectTimeout: 3_000 });
    return { ok: true };
  } catch (error) {
    const code = errorCode(error);
    return { ok: false, unreachable: code !== undefined && UNREACHABLE.has(code), reason: firstLine(error) };
  } finally {
    await conn?.end().catch(() => {});
  }
}

export function connect(c: DatabaseCoordinates, options: { database?: boolean; multipleStatements?: boolean } = {}): Promise<Connection> {
  return mariadb.createConnection({
    host: c.host,
    port: c.port,
    user: c.user,
    password: c.password,
    database: options.database === false ? undefined : c.database,
    multipleStatements: options.multipleStatements ?? false,
    connectTimeout: 5_000,
  });
}

const ER_BAD_DB_ERROR = 1049;

/** Creates the database when it does not exist yet; returns whether it did. */
export async function ensureDatabaseExists(c: DatabaseCoordinates): Promise<boolean> {
  try {
    const conn = await connect(c);
    await conn.end();
    return false;
  } catch (error) {
    if ((error as { errno?: number }).errno !== ER_BAD_DB_ERROR) throw error;
  }
  const conn = await connect(c, { database: false });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${c.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    return true;
  } finally {
    await conn.end();
  }
}

/** Brings the database up to date; `mayCreateSecret`: see dataSteps (only npm start on the server). */
export async function migrateDatabase(c: DatabaseCoordinates, options: { mayCreateSecret?: boolean } = {}): Promise<MigrateResult> {
  const conn = await connect(c, { multipleStatements: true });
  try {
    return await migrate(conn, readMigrations(migrationsDir), dataSteps(options));
  } finally {
    await conn.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The private MariaDB instance

interface PrivateState {
  port: number;
  user: string;
  password: string;
}

export interface PrivateServer {
  coordinates: Omit<DatabaseCoordinates, "database">;
  /** True when this process started it (and should stop it); false when it was already running. */
  startedHere: boolean;
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

/** A port nothing listens on now (the preferred one if it is free). */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once("error", () => done(undefined));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => done(typeof address === "object" && address ? address.port : undefined));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new DatabaseSetupError("Could not find a free port for the private MariaDB.");
  return port;
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
    const result = spawnSync(
      installDb,
      ["--no-defaults", ...userArgs, `--datadir=${dataDir}`, "--auth-root-authentication-method=normal", "--skip-test-db"],
      { encoding: "utf8" },
    );
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
    stop: () => stopPid(pid),
  };
}

export interface ResolvedServer {
  coordinates: DatabaseCoordinates;
  privateServer?: PrivateServer;
}

/**
 * The server to use for `wanted`: that one when it answers; otherwise, for a server on this machine,
 * a private MariaDB. Throws a DatabaseSetupError whose message is one sentence for a person.
 */
export async function resolveServer(wanted: DatabaseCoordinates, log: Log): Promise<ResolvedServer> {
  const probe = await probeServer(wanted);
  if (probe.ok) return { coordinates: wanted };
  const where = describeDatabase(wanted);
  if (!probe.unreachable) {
    throw new DatabaseSetupError(`The database server at ${where} refused Planado: ${probe.reason}. Check the user and password in DATABASE_URL.`);
  }
  if (!isLocalHost(wanted.host)) {
    throw new DatabaseSetupError(`No database server answers at ${where} (${probe.reason}). Start it, or set DATABASE_URL to one that runs.`);
  }
  if (!findProgram("mariadbd") && !findProgram("mysqld")) {
    throw new DatabaseSetupError(
      `No database server answers at ${where} and MariaDB is not installed: install it (apt-get install mariadb-server) or set DATABASE_URL to a running MySQL/MariaDB server.`,
    );
  }
  log(`No database server answers at ${where}; using a private MariaDB instead.`);
  const privateServer = await startPrivateServer(log);
  return { coordinates: { ...privateServer.coordinates, database: wanted.database }, privateServer };
}
