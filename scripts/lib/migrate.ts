/**
 * Applies the hand-written SQL migrations in prisma/migrations and records them in Prisma's own
 * `_prisma_migrations` table, exactly as `prisma migrate deploy` would, so that an operator who has
 * Prisma's native schema engine can run `prisma migrate status`/`deploy` on the same database and
 * agree with us. (Prisma Migrate itself cannot run here: see shared notes / README.)
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mariadb";

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 hex of the file's bytes, as Prisma computes it. */
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

// Prisma's own definition for MySQL (prisma-engines, sql-schema-connector), so its CLI recognises it.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             DATETIME(3),
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          DATETIME(3),
    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

/**
 * The migration lock, a row in a table of its own. Not GET_LOCK(): on a Galera cluster that lock is
 * one node's, and two servers starting at once against different nodes would both migrate. A row
 * is the cluster's: of two runners inserting it on different nodes, Galera lets one commit and
 * refuses the other (a deadlock error), and on one server the primary key does the same. A lock
 * whose runner died is taken over once it expires; a runner renews it after each migration.
 */
const CREATE_LOCK_TABLE = `CREATE TABLE IF NOT EXISTS _planado_migration_lock (
    id          TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    holder      CHAR(36) NOT NULL,
    expires_at  DATETIME(3) NOT NULL
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;
const LOCK_WAIT_SECONDS = 60;
const LOCK_LEASE_MINUTES = 15;

export function checksumOf(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The migrations in a Prisma migrations folder, oldest first. */
export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}.`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
}

/**
 * Work a migration needs done in code: `before` its SQL (checks that can still refuse with nothing
 * changed), `after` it and before the next migration (what SQL cannot do: sealing ids with the
 * server's secret). Keyed by migration name; each step must be safe to run again on rows it already did.
 */
export interface DataStep {
  before?: (conn: Connection) => Promise<void>;
  after: (conn: Connection) => Promise<void>;
}
export type DataSteps = Record<string, DataStep>;

export interface MigrateResult {
  applied: string[];
  warnings: string[];
}

/**
 * Brings the database up to date, running each migration's data step (if any) right after its SQL.
 * The connection must have `multipleStatements` enabled (a migration
 * file holds several statements) and select the target database. Applying twice is a no-op; two
 * runners at once wait for each other; a failure is recorded (unfinished, with its log) and stops
 * every later run until someone repairs the database and marks it rolled back.
 */
export async function migrate(
  conn: Connection,
  migrations: Migration[],
  steps: DataSteps = {},
  options: { lockWaitSeconds?: number } = {},
): Promise<MigrateResult> {
  const holder = await acquireLock(conn, options.lockWaitSeconds);
  try {
    // On a cluster, read what every node wrote before deciding what is left to do.
    await readYourClusterWrites(conn);
    await conn.query(CREATE_MIGRATIONS_TABLE);
    const rows = await conn.query<MigrationRow[]>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, logs FROM _prisma_migrations ORDER BY started_at",
    );

    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      const reason = (failed.logs ?? "no log recorded").split("\n")[0];
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier (${reason}). Repair the database, then run ` +
          `"npm run migrate -- --rolled-back ${failed.migration_name}" and start again.`,
      );
    }

    const done = new Map(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]));
    const known = new Set(migrations.map((m) => m.name));
    const warnings: string[] = [];
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && row.checksum !== m.checksum) {
        warnings.push(`Migration ${m.name} was changed after it was applied; the database keeps the old version.`);
      }
    }
    for (const name of done.keys()) {
      if (!known.has(name)) warnings.push(`Migration ${name} is in the database but not in prisma/migrations.`);
    }

    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await applyOne(conn, m, steps[m.name]);
      applied.push(m.name);
      await renewLock(conn, holder);
    }
    return { applied, warnings };
  } finally {
    // Released; if the connection is gone, the lease runs out by itself, and the error that ended
    // the run is the one to report.
    await conn.query("DELETE FROM _planado_migration_lock WHERE id = 1 AND holder = ?", [holder]).catch(() => undefined);
  }
}

/** A refused insert: the row is there (1062), or another node's insert won (1213, Galera). */
function lockIsTaken(error: unknown): boolean {
  const errno = (error as { errno?: unknown }).errno;
  return errno === 1062 || errno === 1213;
}

/** Takes the lock, waiting up to LOCK_WAIT_SECONDS for another runner; returns this runner's token. */
async function acquireLock(conn: Connection, waitSeconds = LOCK_WAIT_SECONDS): Promise<string> {
  await conn.query(CREATE_LOCK_TABLE);
  const holder = randomUUID();
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    // A lock whose runner died (and so stopped renewing it) is free again once it expires.
    await conn.query("DELETE FROM _planado_migration_lock WHERE id = 1 AND expires_at < NOW(3)");
    try {
      await conn.query(`INSERT INTO _planado_migration_lock (id, holder, expires_at) VALUES (1, ?, NOW(3) + INTERVAL ${LOCK_LEASE_MINUTES} MINUTE)`, [holder]);
      return holder;
    } catch (error) {
      if (!lockIsTaken(error)) throw error;
    }
    if (Date.now() > deadline) throw new MigrationError(`Another migration kept the lock for ${waitSeconds} s; try again when it is done.`);
    await new Promise((done) => setTimeout(done, 200 + Math.random() * 300));
  }
}

async function renewLock(conn: Connection, holder: string): Promise<void> {
  const result = await conn.query<{ affectedRows: number }>(
    `UPDATE _planado_migration_lock SET expires_at = NOW(3) + INTERVAL ${LOCK_LEASE_MINUTES} MINUTE WHERE id = 1 AND holder = ?`,
    [holder],
  );
  // Taken over (this run outlived its lease): another runner migrates now; stop rather than race it.
  if (result.affectedRows !== 1) throw new MigrationError(`This migration run lost its lock after ${LOCK_LEASE_MINUTES} minutes; another run took over.`);
}

/**
 * On a Galera node, make this connection's reads wait until the node has applied every write the
 * cluster committed (wsrep_sync_wait): the runner that held the lock before may have migrated
 * through another node. Elsewhere (no such variable, or a server without Galera) nothing changes.
 */
async function readYourClusterWrites(conn: Connection): Promise<void> {
  try {
    const [row] = await conn.query<{ on: unknown }[]>("SELECT @@wsrep_on AS `on`");
    if (Number(row?.on) === 1 || row?.on === "ON") await conn.query("SET SESSION wsrep_sync_wait = 1");
  } catch {
    // Not MariaDB with Galera support: nothing to wait for.
  }
}

async function applyOne(conn: Connection, m: Migration, step?: DataStep): Promise<void> {
  await step?.before?.(conn);
  const id = randomUUID();
  await conn.query("INSERT INTO _prisma_migrations (id, checksum, migration_name, applied_steps_count) VALUES (?, ?, ?, 0)", [id, m.checksum, m.name]);
  try {
    await conn.query(m.sql);
    await step?.after(conn);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // MySQL cannot roll DDL back: record the failure so the table tells the truth about the schema.
    await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [`Migration ${m.name} failed to apply.\n${message}`, id]);
    throw new MigrationError(`Migration ${m.name} failed: ${message.split("\n")[0]}`);
  }
  await conn.query("UPDATE _prisma_migrations SET finished_at = CURRENT_TIMESTAMP(3), applied_steps_count = 1 WHERE id = ?", [id]);
}

/** Like `prisma migrate resolve --rolled-back`: marks a failed migration as rolled back. */
export async function markRolledBack(conn: Connection, name: string): Promise<void> {
  const result = await conn.query<{ affectedRows: number }>(
    "UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP(3) WHERE migration_name = ? AND finished_at IS NULL AND rolled_back_at IS NULL",
    [name],
  );
  if (result.affectedRows === 0) {
    throw new MigrationError(`There is no failed migration named ${name} to mark as rolled back.`);
  }
}
