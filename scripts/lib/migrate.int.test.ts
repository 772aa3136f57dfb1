import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { connect } from "./database-server";
import { migrationsDir } from "./paths";
import { markRolledBack, migrate, MigrationError, readMigrations } from "./migrate";
import type { Migration } from "./migrate";
import { createThrowawayDatabase } from "./throwaway-database";
import type { ThrowawayDatabase } from "./throwaway-database";

const server = parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates;
const databases: ThrowawayDatabase[] = [];

afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

async function emptyDatabase() {
  const db = await createThrowawayDatabase(server, { migrate: false });
  databases.push(db);
  return db.coordinates;
}

async function withConnection<T>(c: DatabaseCoordinates, work: (conn: Awaited<ReturnType<typeof connect>>) => Promise<T>) {
  const conn = await connect(c, { multipleStatements: true });
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}

function migrationsIn(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "planado-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
  id: string;
}

const rowsOf = (c: DatabaseCoordinates) =>
  withConnection(c, (conn) => conn.query<Row[]>("SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name"));

describe("migrate", () => {
  it("applies the project's migrations and records them as Prisma does", async () => {
    const c = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    const result = await withConnection(c, (conn) => migrate(conn, migrations));

    expect(result.applied).toEqual(migrations.map((m) => m.name));
    const rows = await rowsOf(c);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[i]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await withConnection(c, (conn) =>
      conn.query<{ t: string }[]>("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY t"),
    );
    expect(tables.map((t) => t.t).sort()).toEqual(["_planado_migration_lock", "_prisma_migrations", "conferences", "retired_rooms", "server_key"]);
  });

  it("lets one of two runners starting at once migrate, and the other find it done (the lock is a row, not GET_LOCK)", async () => {
    const c = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    const [first, second] = await Promise.all([withConnection(c, (conn) => migrate(conn, migrations)), withConnection(c, (conn) => migrate(conn, migrations))]);
    expect([...first.applied, ...second.applied]).toEqual(migrations.map((m) => m.name));
    expect([first.applied.length, second.applied.length].sort((a, b) => a - b)).toEqual([0, migrations.length]);
    expect((await rowsOf(c)).map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    // Released afterwards.
    expect(await withConnection(c, (conn) => conn.query("SELECT * FROM _planado_migration_lock"))).toEqual([]);
  });

  it("waits for a runner that holds the lock, and takes over a lock whose runner died", async () => {
    const c = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    await withConnection(c, (conn) => migrate(conn, migrations.slice(0, 1)));
    // A runner that died an hour ago, mid-migration: its lease ran out.
    await withConnection(c, (conn) => conn.query("INSERT INTO _planado_migration_lock VALUES (1, 'dead-runner', NOW(3) - INTERVAL 1 HOUR)"));
    const result = await withConnection(c, (conn) => migrate(conn, migrations));
    expect(result.applied).toEqual(migrations.slice(1).map((m) => m.name));
    // A live runner's lock is respected: this one waits, and says so when it must give up.
    await withConnection(c, (conn) => conn.query("INSERT INTO _planado_migration_lock VALUES (1, 'live-runner', NOW(3) + INTERVAL 1 HOUR)"));
    const waited = withConnection(c, (conn) => migrate(conn, migrations, {}, { lockWaitSeconds: 1 }));
    await expect(waited).rejects.toThrow(/Another migration kept the lock/);
  });

  it("is a no-op the second time", async () => {
    const c = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    await withConnection(c, (conn) => migrate(conn, migrations));
    const before = await rowsOf(c);
    const again = await withConnection(c, (conn) => migrate(conn, migrations));
    expect(again).toEqual({ applied: [], warnings: [] });
    expect(await rowsOf(c)).toEqual(before);
  });

  it("lets two runners race without applying anything twice", async () => {
    const c = await emptyDatabase();
    const migrations = readMigrations(migrationsDir);
    const results = await Promise.all([1, 2, 3].map(() => withConnection(c, (conn) => migrate(conn, migrations))));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(migrations.map((m) => m.name).sort());
    expect(await rowsOf(c)).toHaveLength(migrations.length);
  });

  it("applies only what is new", async () => {
    const c = await emptyDatabase();
    const dir = migrationsIn({ "1_a": "CREATE TABLE a (id INT);" });
    await withConnection(c, (conn) => migrate(conn, readMigrations(dir)));
    mkdirSync(join(dir, "2_b"));
    writeFileSync(join(dir, "2_b", "migration.sql"), "CREATE TABLE b (id INT);\nINSERT INTO b VALUES (1);");
    const result = await withConnection(c, (conn) => migrate(conn, readMigrations(dir)));
    expect(result.applied).toEqual(["2_b"]);
    const [count] = await withConnection(c, (conn) => conn.query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM b"));
    expect(Number(count!.n)).toBe(1);
  });

  it("records a failure truthfully, refuses to go on, and resumes once it is marked rolled back", async () => {
    const c = await emptyDatabase();
    const dir = migrationsIn({
      "1_good": "CREATE TABLE good (id INT);",
      "2_bad": "CREATE TABLE half (id INT);\nCREATE TABLE broken (id INT NOT A TYPE);",
    });
    await expect(withConnection(c, (conn) => migrate(conn, readMigrations(dir)))).rejects.toThrow(/Migration 2_bad failed: .*SQL syntax/);

    let rows = await rowsOf(c);
    expect(rows.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([
      ["1_good", true],
      ["2_bad", false],
    ]);
    expect(rows[1]!.logs).toMatch(/Migration 2_bad failed to apply/);
    expect(rows[1]!.applied_steps_count).toBe(0);

    // A later run stops at once and says how to get out of it.
    const second = withConnection(c, (conn) => migrate(conn, readMigrations(dir)));
    await expect(second).rejects.toBeInstanceOf(MigrationError);
    await expect(second).rejects.toThrow(/Migration 2_bad failed earlier .* --rolled-back 2_bad/);

    // The operator repairs the database and the file, then marks the failure rolled back.
    await withConnection(c, (conn) => conn.query("DROP TABLE half"));
    writeFileSync(join(dir, "2_bad", "migration.sql"), "CREATE TABLE half (id INT);\nCREATE TABLE fixed (id INT);");
    await withConnection(c, (conn) => markRolledBack(conn, "2_bad"));
    const resumed = await withConnection(c, (conn) => migrate(conn, readMigrations(dir)));
    expect(resumed.applied).toEqual(["2_bad"]);

    rows = await rowsOf(c);
    expect(rows.map((r) => [r.migration_name, r.rolled_back_at !== null, r.finished_at !== null])).toEqual([
      ["1_good", false, true],
      ["2_bad", true, false],
      ["2_bad", false, true],
    ]);
  });

  it("refuses to mark a migration that did not fail", async () => {
    const c = await emptyDatabase();
    await withConnection(c, (conn) => migrate(conn, readMigrations(migrationsDir)));
    await expect(withConnection(c, (conn) => markRolledBack(conn, "nope"))).rejects.toThrow(/no failed migration named nope/);
  });

  it("warns when an applied migration was edited or removed", async () => {
    const c = await emptyDatabase();
    const original: Migration[] = [{ name: "1_a", sql: "CREATE TABLE a (id INT);", checksum: "0".repeat(64) }];
    await withConnection(c, (conn) => migrate(conn, original));
    const changed = await withConnection(c, (conn) => migrate(conn, [{ ...original[0]!, checksum: "1".repeat(64) }]));
    expect(changed.warnings).toEqual(["Migration 1_a was changed after it was applied; the database keeps the old version."]);
    const removed = await withConnection(c, (conn) => migrate(conn, []));
    expect(removed.warnings).toEqual(["Migration 1_a is in the database but not in prisma/migrations."]);
  });
});
