/**
 * Reading and printing MySQL/MariaDB connection URLs (`mysql://user:password@host:port/database`).
 * Pure: used by the validated configuration, the Prisma adapter and the operator scripts.
 */

export interface DatabaseCoordinates {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

const schemes = new Set(["mysql:", "mariadb:"]);
const databaseName = /^[A-Za-z0-9_$-]{1,64}$/;

/** Returns the coordinates, or a sentence saying what is wrong (never echoing the password). */
export function parseDatabaseUrl(text: string): DatabaseCoordinates | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL; expected mysql://user:password@host:3306/database";
  }
  if (!schemes.has(url.protocol)) {
    return `must start with mysql:// or mariadb:// (got ${url.protocol}//)`;
  }
  if (!url.hostname) return "has no host; expected mysql://user:password@host:3306/database";
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database) return "names no database; add one after the host, as in mysql://root@127.0.0.1:3306/planado";
  if (!databaseName.test(database)) {
    return `has an unusable database name "${database}" (letters, digits, _ $ - only, at most 64)`;
  }
  const port = url.port ? Number(url.port) : 3306;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port,
    user: decodeURIComponent(url.username) || "root",
    password: decodeURIComponent(url.password),
    database,
  };
}

export function formatDatabaseUrl(c: DatabaseCoordinates): string {
  const auth = c.password ? `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}` : encodeURIComponent(c.user);
  const host = c.host.includes(":") ? `[${c.host}]` : c.host;
  return `mysql://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/** The URL with its password masked, safe to print. */
export function describeDatabase(c: DatabaseCoordinates): string {
  return formatDatabaseUrl({ ...c, password: c.password ? "****" : "" });
}

export function isLocalHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
