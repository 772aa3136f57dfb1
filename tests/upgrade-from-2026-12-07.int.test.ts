/**
 * The release of 2026-12-07 derived rooms from the invitation's hash, which its rows hold: a copy of
 * the database plus the secret named every room. This one derives them from the invitation id. A
 * database, secret and links of that release (tests/fixtures/release-2026-12-07.json, made with that
 * release's own store), upgraded: every link still works, no room changes that may have been handed
 * out, and from their next room on those conferences are as safe as new ones.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { text, visit } from "../server/fast-path-test-setup";
import { formatDatabaseUrl, parseDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { connect, migrateDatabase } from "../scripts/lib/database-server";
import { migrate, readMigrations } from "../scripts/lib/migrate";
import { migrationsDir } from "../scripts/lib/paths";
import { createThrowawayDatabase } from "../scripts/lib/throwaway-database";

interface FixtureConference {
  label: string;
  adminId: string;
  invitationId: string;
  name?: string;
  invitationPath?: string;
  feedSignature?: string;
  room: string;
  generation: number;
  handedOut: boolean;
  startsAt: string;
}
type Cell = string | number | null | { hex: string };
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "release-2026-12-07.json"), "utf8")) as {
  moment: string;
  secret: string;
  migrations: string[];
  tables: Record<string, Record<string, Cell>[]>;
  conferences: FixtureConference[];
};
const moment = new Date(fixture.moment);
const conference = (label: string) => fixture.conferences.find((c) => c.label === label)!;
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

// That release's database: its migrations, then its rows as it wrote them.
const server = parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates;
const database = await createThrowawayDatabase(server, { migrate: false });
const conn = await connect(database.coordinates, { multipleStatements: true });
try {
  await migrate(
    conn,
    readMigrations(migrationsDir).filter((m) => fixture.migrations.includes(m.name)),
  );
  for (const [table, rows] of Object.entries(fixture.tables)) {
    for (const row of rows) {
      const columns = Object.keys(row);
      const values = Object.values(row).map((v) => (v !== null && typeof v === "object" ? Buffer.from(v.hex, "hex") : v));
      await conn.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, values);
    }
  }
} finally {
  await conn.end();
}
const upgrade = await migrateDatabase(database.coordinates);

// This process is a server of that installation: its secret, its calendar key (derived: none was set).
Object.assign(process.env, {
  DATABASE_URL: formatDatabaseUrl(database.coordinates),
  PLANADO_SECRET: fixture.secret,
  CALENDAR_SECRET: "",
  PLANADO_DATA_DIR: mkdtempSync(join(tmpdir(), "planado-upgrade-")),
});
const { db } = await import("../lib/db");
const { findByAdminId, findByInvitationId, findByRoom } = await import("../lib/conferences/store");
const { joinAsOrganizer } = await import("../lib/conferences/operations");
const { sweep } = await import("../lib/cleanup/run");
const { roomFromHashFor, roomIdFor, hashId } = await import("../lib/keys/derive");
const { serverKeys } = await import("../lib/keys/server-secret");

async function storedRoomHashes(): Promise<Map<string, string | null>> {
  const rows = await db().$queryRaw<{ i: string; r: string | null }[]>`SELECT LOWER(HEX(invitation_hash)) AS i, LOWER(HEX(room_hash)) AS r FROM conferences`;
  return new Map(rows.map((row) => [row.i, row.r]));
}

afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

describe("a database, secret and links of the 2026-12-07 release, upgraded", () => {
  it("applies only this change", () => {
    expect(upgrade.applied).toEqual(["20261207000000_rooms_from_invitation_ids"]);
  });

  it("keeps every conference's room as it was (handed out or not), and every row's stored room hash", async () => {
    const stored = await storedRoomHashes();
    for (const c of fixture.conferences) {
      expect(await findByInvitationId(c.invitationId), c.label).toMatchObject({ roomId: c.room, roomGeneration: c.generation, roomRecorded: true });
      expect(await findByAdminId(c.adminId), c.label).toMatchObject({ invitationId: c.invitationId, roomId: c.room });
      expect(stored.get(sha256(c.invitationId)), c.label).toBe(sha256(c.room));
    }
    // Jitsi's reservation calls still find each room, and the room retired before the upgrade stays retired.
    for (const c of fixture.conferences.filter((c) => c.handedOut)) expect(await findByRoom(c.room), c.label).toMatchObject({ room: c.room });
    expect(await db().retiredRoom.count()).toBe(fixture.tables.retired_rooms!.length);
  });

  it("answers every link as that release did: the invitation, its signed name, the calendar feed, the organizer's Join now", async () => {
    for (const label of ["open now", "weekly, open now"]) {
      const c = conference(label);
      const answer = await visit(`/i/${c.invitationId}${c.invitationPath}`, {}, moment);
      expect({ status: answer.status, location: answer.headers.location }, label).toEqual({ status: 307, location: `https://meet.example.org/${c.room}` });
    }
    const waiting = conference("one-off in January");
    const page = await visit(`/i/${waiting.invitationId}${waiting.invitationPath}`, {}, moment);
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain("Planning");
    const sealed = conference("sealed, from before hashed ids");
    expect((await visit(`/i/${sealed.invitationId}`, {}, moment)).status).toBe(200);

    const choir = conference("weekly, rolled once");
    const feed = await visit(`/calendar/feed/${choir.invitationId}.ics?${new URLSearchParams({ n: choir.name!, sig: choir.feedSignature! })}`, {}, moment);
    expect(feed.status).toBe(200);
    expect(text(feed.body)).toContain("SUMMARY:Choir");

    const early = conference("opened early");
    expect(await joinAsOrganizer(early.adminId, moment, {})).toEqual({ status: "room", url: `https://meet.example.org/${early.room}` });
  });

  it("gives each conference its next room the new way: named by nothing a copy of the database and the secret holds", async () => {
    const series = conference("weekly, open now");
    const keys = serverKeys();
    // A day later the sweep moves the series on to next week's meeting.
    await sweep(new Date(moment.getTime() + 86_400_000), 1);
    const next = (await findByInvitationId(series.invitationId))!;
    expect(next).toMatchObject({ roomGeneration: 2, roomRecorded: false, roomId: roomIdFor(keys, series.invitationId, 2) });
    expect(next.roomId).not.toBe(roomFromHashFor(keys, hashId(series.invitationId), 2));
    expect((await storedRoomHashes()).get(sha256(series.invitationId))).toBeNull();
    // The room handed out before the upgrade is retired by its hash; the new one is recorded when handed out.
    expect(await findByRoom(series.room)).toBe("retired");
    const atNext = new Date(next.startsAt.getTime() + 60_000);
    const answer = await visit(`/i/${series.invitationId}${series.invitationPath}`, {}, atNext);
    expect(answer.headers.location).toBe(`https://meet.example.org/${next.roomId}`);
    expect((await storedRoomHashes()).get(sha256(series.invitationId))).toBe(sha256(next.roomId));
  });

  it("reads a row that a server of that release, still running during the upgrade, writes after the migration", async () => {
    const keys = serverKeys();
    const invitationId = "kq3zbk7oixgmvqjt2bfxhdrq4a";
    const room = roomFromHashFor(keys, hashId(invitationId), 1);
    // As that release inserts a booking: its room's hash at once, and no room_from_hash_until (it knows no such column).
    await db().$executeRaw`INSERT INTO conferences (invitation_hash, admin_hash, room_hash, starts_at, local_start, time_zone)
      VALUES (${hashId(invitationId)}, ${hashId("a".repeat(26))}, ${hashId(room)}, '2026-12-20 09:00:00', '2026-12-20 10:00:00', 'Europe/Berlin')`;
    expect(await findByInvitationId(invitationId)).toMatchObject({ roomId: room, roomRecorded: true });
  });

  it("leaves a copy of the database, with the secret, naming no room of a conference once its old room is replaced", async () => {
    const keys = serverKeys();
    const rows = await db().conference.findMany();
    const replaced = rows.filter((row) => row.roomFromHashUntil !== null && row.roomGeneration > row.roomFromHashUntil);
    expect(replaced.length).toBeGreaterThan(0);
    for (const row of replaced) {
      const c = fixture.conferences.find((f) => sha256(f.invitationId) === Buffer.from(row.invitationHash).toString("hex"))!;
      const room = (await findByInvitationId(c.invitationId))!.roomId;
      // All the copy and the secret allow: the old rule, for any generation.
      for (let generation = 0; generation <= row.roomGeneration + 2; generation++) expect(roomFromHashFor(keys, row.invitationHash, generation)).not.toBe(room);
    }
  });
});
