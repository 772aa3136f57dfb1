/**
 * Upgrading a database from before ids were hashed: the conferences booked then keep their links and
 * rooms, and afterwards the table holds none of their ids. Also: a runner that skips the data step
 * (Prisma's own `migrate deploy`) cannot lose them.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDatabaseUrl, parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { newId } from "../../lib/ids";
import { deriveKeys } from "../../lib/keys/derive";
import { connect, migrateDatabase } from "./database-server";
import { migrationsDir } from "./paths";
import { migrate, MigrationError, readMigrations } from "./migrate";
import { createThrowawayDatabase } from "./throwaway-database";
import type { ThrowawayDatabase } from "./throwaway-database";

const server = parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates;
const databases: ThrowawayDatabase[] = [];
const all = readMigrations(migrationsDir);
const before = all.filter((m) => m.name < "20261130000000");

async function databaseFromBefore(): Promise<DatabaseCoordinates> {
  const db = await createThrowawayDatabase(server, { migrate: false });
  databases.push(db);
  const conn = await connect(db.coordinates, { multipleStatements: true });
  try {
    await migrate(conn, before);
  } finally {
    await conn.end();
  }
  return db.coordinates;
}

async function sql<T>(c: DatabaseCoordinates, query: string, values: unknown[] = []): Promise<T> {
  const conn = await connect(c, { multipleStatements: true });
  try {
    return await conn.query<T>(query, values);
  } finally {
    await conn.end();
  }
}

/** Conferences as the earlier version stored them: ids in the clear, a zone in an odd spelling. */
async function bookedBefore(c: DatabaseCoordinates) {
  const rows = [0, 1].map(() => ({ invitationId: newId(), adminId: newId(), roomId: newId() }));
  for (const [i, r] of rows.entries()) {
    await sql(
      c,
      `INSERT INTO conferences (invitation_id, admin_id, room_id, starts_at, local_start, time_zone, repeat_every, repeat_unit, remaining_occurrences)
       VALUES (?, ?, ?, '2026-12-01 08:00:00', '2026-12-01 09:00:00', ?, 1, 'week', 3)`,
      [r.invitationId, r.adminId, r.roomId, i === 0 ? "eUROPE/bERLIN" : "Europe/Berlin"],
    );
  }
  return rows;
}

afterAll(async () => {
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

describe("upgrading to hashed ids", () => {
  let database: DatabaseCoordinates;
  let earlier: Awaited<ReturnType<typeof bookedBefore>>;

  beforeAll(async () => {
    database = await databaseFromBefore();
    earlier = await bookedBefore(database);
    const result = await migrateDatabase(database);
    expect(result.applied).toEqual([
      "20261130000000_hash_ids",
      "20261130000001_drop_plain_ids",
      "20261201000000_jitsi_enforcement",
      "20261207000000_rooms_from_invitation_ids",
    ]);
    // The store of this process reads the upgraded database.
    process.env.DATABASE_URL = formatDatabaseUrl(database);
  });

  it("leaves no id of those conferences in the table, and pins the secret that sealed them", async () => {
    const dump = JSON.stringify(await sql<unknown[]>(database, "SELECT *, HEX(legacy_ids) AS sealed FROM conferences"), (_key, value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : typeof value === "bigint" ? String(value) : value,
    );
    for (const ids of earlier) for (const id of Object.values(ids)) expect(dump).not.toContain(id);
    const keys = deriveKeys(process.env.PLANADO_SECRET!);
    expect(await sql(database, "SELECT fingerprint FROM server_key")).toEqual([{ fingerprint: keys.fingerprint }]);
  });

  it("keeps their links, rooms and zones working", async () => {
    const { findByAdminId, findByInvitationId, updateSchedule } = await import("../../lib/conferences/store");
    const [first, second] = earlier;
    expect(await findByInvitationId(first!.invitationId)).toMatchObject({ roomId: first!.roomId, timeZone: "Europe/Berlin", localStart: "2026-12-01T09:00" });
    const managed = await findByAdminId(second!.adminId);
    expect(managed).toMatchObject({ adminId: second!.adminId, invitationId: second!.invitationId, roomId: second!.roomId });
    // Once its start moves later, it gets a fresh room like any conference (derived, not stored).
    const later = await updateSchedule(second!.adminId, 1, { ...managed!, startsAt: new Date("2026-12-02T08:00:00Z"), localStart: "2026-12-02T09:00" });
    expect(later).toMatchObject({ status: "saved", conference: { invitationId: second!.invitationId } });
    const moved = (later as { conference: { roomId: string } }).conference.roomId;
    expect(moved).not.toBe(second!.roomId);
    expect(await findByInvitationId(second!.invitationId)).toMatchObject({ roomId: moved });
  });
});

describe("upgrading without the servers' secret", () => {
  it("refuses before changing anything, then upgrades once the secret is given", async () => {
    const database = await databaseFromBefore();
    await bookedBefore(database);
    const secret = process.env.PLANADO_SECRET;
    const dataDir = process.env.PLANADO_DATA_DIR;
    delete process.env.PLANADO_SECRET;
    process.env.PLANADO_DATA_DIR = mkdtempSync(join(tmpdir(), "planado-no-secret-"));
    try {
      // (`npm run migrate` on another machine: a secret made here would seal them with a key no server has.)
      await expect(migrateDatabase(database)).rejects.toThrow(/needs the secret your servers use/);
      expect(existsSync(join(process.env.PLANADO_DATA_DIR, "secret"))).toBe(false);
      expect(await sql(database, "SELECT migration_name FROM _prisma_migrations WHERE migration_name LIKE '2026113%'")).toEqual([]);
    } finally {
      const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
      restore("PLANADO_SECRET", secret);
      restore("PLANADO_DATA_DIR", dataDir);
    }
    expect((await migrateDatabase(database)).applied).toEqual([
      "20261130000000_hash_ids",
      "20261130000001_drop_plain_ids",
      "20261201000000_jitsi_enforcement",
      "20261207000000_rooms_from_invitation_ids",
    ]);
  });
});

describe("upgrading with a weak secret", () => {
  it("refuses before changing anything: sealing would make it the installation's secret", async () => {
    const database = await databaseFromBefore();
    await bookedBefore(database);
    const secret = process.env.PLANADO_SECRET;
    process.env.PLANADO_SECRET = "changeme-changeme-changeme-changeme-please";
    try {
      await expect(migrateDatabase(database)).rejects.toThrow(/too weak for a new installation: it holds about \d+ bits/);
      expect(await sql(database, "SELECT migration_name FROM _prisma_migrations WHERE migration_name LIKE '2026113%'")).toEqual([]);
    } finally {
      process.env.PLANADO_SECRET = secret;
    }
  });
});

describe("a runner that skips the data step", () => {
  it("cannot drop ids that were not sealed: the second step refuses, the ids stay", async () => {
    const database = await databaseFromBefore();
    const [row] = await bookedBefore(database);
    const conn = await connect(database, { multipleStatements: true });
    try {
      // As `prisma migrate deploy` would: the SQL of both steps, and nothing between them.
      await expect(migrate(conn, all)).rejects.toThrow(MigrationError);
    } finally {
      await conn.end();
    }
    expect(await sql(database, "SELECT COUNT(*) AS n FROM conferences WHERE invitation_id = ?", [row!.invitationId])).toEqual([{ n: 1n }]);
  });
});
