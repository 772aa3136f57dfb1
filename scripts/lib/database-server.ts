/**
 * Finding a MySQL/MariaDB server for Planado: the one DATABASE_URL names, or, when nothing answers
 * there on this machine and MariaDB is installed, the private instance (scripts/lib/private-server.ts).
 * Creating the database and migrating it live here too.
 */
import mariadb from "mariadb";
import type { Connection } from "mariadb";
import { describeDatabase, isLocalHost } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { dataSteps } from "./data-steps";
import { DatabaseSetupError } from "./database-setup-error";
import { migrate, readMigrations } from "./migrate";
import type { MigrateResult } from "./migrate";
import { migrationsDir } from "./paths";
import { startPrivateServer } from "./private-server";
import type { PrivateServer } from "./private-server";
import { findProgram } from "./programs";

type Log = (line: string) => void;

// Errors that mean "no server listens there", as opposed to "a server said no".
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ER_CONNECTION_TIMEOUT",
  "ER_SOCKET_UNEXPECTED_CLOSE",
]);

/** Whether a server answers: it does, nothing answers there, or it answers but refuses Planado. */
export type Probe = { status: "answers" } | { status: "unreachable" | "refused"; reason: string };

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
    return { status: "answers" };
  } catch (error) {
    const code = errorCode(error);
    return { status: code !== undefined && UNREACHABLE.has(code) ? "unreachable" : "refused", reason: firstLine(error) };
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

export interface ResolvedServer {
  coordinates: DatabaseCoordinates;
  privateServer?: PrivateServer;
}

/**
 * The server to use for `wanted`: that one when it answers; otherwise, for a server on this machine,
 * a private MariaDB. Throws a DatabaseSetupError whose message is one sentence for a person.
 */
export async function resolveServer(wanted: DatabaseCoordinates, log: Log, { privateAllowed = true } = {}): Promise<ResolvedServer> {
  const probe = await probeServer(wanted);
  if (probe.status === "answers") return { coordinates: wanted };
  const where = describeDatabase(wanted);
  if (probe.status === "refused") {
    throw new DatabaseSetupError(`The database server at ${where} refused Planado: ${probe.reason}. Check the user and password in DATABASE_URL.`);
  }
  if (!isLocalHost(wanted.host) || !privateAllowed) {
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
