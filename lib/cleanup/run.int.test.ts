import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseDatabaseUrl, formatDatabaseUrl } from "../database-url";
import type { DatabaseCoordinates } from "../database-url";
import { createThrowawayDatabase } from "../../scripts/lib/throwaway-database";
import type { ThrowawayDatabase } from "../../scripts/lib/throwaway-database";
import { db } from "../db";
import { hashId } from "../keys/derive";
import type { Repeat } from "../time/recurrence";
import { resolveLocal } from "../time/zoned";
import { findByAdminId } from "../conferences/store";
import { insertConference, recordRoom, updateSchedule } from "../conferences/store";
import { sweep } from "./run";

// This file counts what the sweep does, so it sweeps a database of its own.
let database: ThrowawayDatabase;
beforeAll(async () => {
  database = await createThrowawayDatabase(parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates);
  process.env.DATABASE_URL = formatDatabaseUrl(database.coordinates);
});
afterAll(async () => {
  await db().$disconnect();
  await database.drop();
});

const H = 23;
const hours = (n: number) => n * 3_600_000;

function schedule(local: string, timeZone: string, repeat: Repeat | null = null, remainingOccurrences = 0, durationMinutes = 60) {
  return { startsAt: resolveLocal(local, timeZone).instant, localStart: local, timeZone, durationMinutes, repeat, remainingOccurrences };
}

async function clear() {
  await db().conference.deleteMany({});
}

describe("sweep", () => {
  it("deletes a one-off conference exactly CLEANUP_AFTER_HOURS after its start, not a second earlier", async () => {
    await clear();
    const c = await insertConference(schedule("2026-12-01T09:00", "UTC"));
    expect(await sweep(new Date(c.startsAt.getTime() + hours(H) - 1000), H)).toEqual({ deleted: 0, rolled: 0, skipped: 0 });
    expect(await findByAdminId(c.adminId)).not.toBeNull();
    expect(await sweep(new Date(c.startsAt.getTime() + hours(H)), H)).toEqual({ deleted: 1, rolled: 0, skipped: 0 });
    expect(await findByAdminId(c.adminId)).toBeNull();
  });

  it("moves a weekly series across the spring change to 09:00 local, one meeting fewer, a new room, same links", async () => {
    await clear();
    const c = await insertConference(schedule("2027-03-22T09:00", "Europe/Berlin", { every: 1, unit: "week" }, 3));
    const result = await sweep(new Date(c.startsAt.getTime() + hours(H)), H);
    expect(result).toEqual({ deleted: 0, rolled: 1, skipped: 0 });
    const after = (await findByAdminId(c.adminId))!;
    expect(after).toMatchObject({
      invitationId: c.invitationId,
      startsAt: new Date("2027-03-29T07:00:00Z"),
      localStart: "2027-03-29T09:00",
      remainingOccurrences: 2,
      revision: 2,
    });
    expect(after.roomId).not.toBe(c.roomId);
    expect(after.roomId).toMatch(/^[a-z2-7]{26}$/);
  });

  it("moves a monthly series on the 31st past the short months, and a yearly one on 29 February to the next leap year", async () => {
    await clear();
    const monthly = await insertConference(schedule("2027-01-31T10:00", "America/New_York", { every: 1, unit: "month" }, 2));
    const yearly = await insertConference(schedule("2028-02-29T10:00", "America/New_York", { every: 1, unit: "year" }, 2));
    await sweep(new Date("2027-02-01T16:00:00Z"), H);
    expect(await findByAdminId(monthly.adminId)).toMatchObject({ localStart: "2027-03-31T10:00", remainingOccurrences: 1 });
    await sweep(new Date("2028-03-01T16:00:00Z"), H);
    expect(await findByAdminId(yearly.adminId)).toMatchObject({ localStart: "2032-02-29T10:00", remainingOccurrences: 1 });
  });

  it("skips every meeting missed while the server was down, and deletes a series with none left", async () => {
    await clear();
    const long = await insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 30));
    const short = await insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 3));
    const result = await sweep(new Date("2026-12-10T12:00:00Z"), H);
    expect(result).toEqual({ deleted: 1, rolled: 1, skipped: 0 });
    expect(await findByAdminId(long.adminId)).toMatchObject({ localStart: "2026-12-10T09:00", remainingOccurrences: 21, revision: 2 });
    expect(await findByAdminId(short.adminId)).toBeNull();
  });

  it("deletes the last meeting of a series", async () => {
    await clear();
    const c = await insertConference(schedule("2026-12-01T09:00", "Asia/Kathmandu", { every: 1, unit: "week" }, 0));
    expect(await sweep(new Date(c.startsAt.getTime() + hours(H)), H)).toEqual({ deleted: 1, rolled: 0, skipped: 0 });
  });

  it("works through more due rows than one batch, and leaves the rest alone", async () => {
    await clear();
    const due = await Promise.all(
      Array.from({ length: 25 }, (_, i) => insertConference(schedule(`2026-12-01T0${i % 10}:00`, "UTC", { every: 1, unit: "week" }, 2))),
    );
    const oneOffs = await Promise.all(Array.from({ length: 23 }, () => insertConference(schedule("2026-12-01T09:00", "UTC"))));
    const future = await insertConference(schedule("2027-06-01T09:00", "UTC", { every: 1, unit: "week" }, 2));
    const result = await sweep(new Date("2026-12-03T00:00:00Z"), H, { batchSize: 10 });
    expect(result).toEqual({ deleted: oneOffs.length, rolled: due.length, skipped: 0 });
    expect(await findByAdminId(future.adminId)).toEqual(future);
  });

  it("never deletes or rolls anything twice when several sweeps run at once", async () => {
    await clear();
    const series = await Promise.all(Array.from({ length: 150 }, () => insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 5))));
    const oneOffs = await Promise.all(Array.from({ length: 150 }, () => insertConference(schedule("2026-12-01T09:00", "UTC"))));
    // Participants were sent to the rooms of the first 100 (their hashes are recorded); nobody to the rest.
    await Promise.all(oneOffs.slice(0, 100).map((c) => recordRoom(c)));
    const now = new Date("2026-12-02T08:30:00Z");
    const results = await Promise.all([1, 2, 3, 4].map(() => sweep(now, H, { batchSize: 40 })));
    // Every one-off deleted had its handed-out room retired first, whichever sweep deleted it (each
    // sweep's "next 40 due rows" is a different set while the others delete); a room nobody was sent
    // to leaves no trace.
    const retired = await db().retiredRoom.count({ where: { roomHash: { in: oneOffs.map((c) => hashId(c.roomId)) } } });
    expect(retired).toBe(100);
    const total = results.reduce((a, r) => ({ deleted: a.deleted + r.deleted, rolled: a.rolled + r.rolled }), { deleted: 0, rolled: 0 });
    expect(total).toEqual({ deleted: 150, rolled: 150 });
    const rows = await db().conference.findMany({ where: { adminHash: { in: series.map((s) => hashId(s.adminId)) } } });
    expect(rows).toHaveLength(150);
    for (const row of rows) expect({ revision: row.revision, remaining: row.remainingOccurrences }).toEqual({ revision: 2, remaining: 4 });
    expect(await db().conference.count()).toBe(150);
  });

  it("an edit that lands between the sweep's read and write wins; an edit after the sweep is told it conflicts", async () => {
    await clear();
    const series = await Promise.all(Array.from({ length: 6 }, () => insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "week" }, 4))));
    const edited = schedule("2027-02-01T15:00", "Europe/Berlin", { every: 2, unit: "week" }, 9, 30);
    const early = series.slice(0, 3);
    const result = await sweep(new Date("2026-12-02T09:00:00Z"), H, {
      beforeWrite: async () => {
        for (const c of early) expect(await updateSchedule(c.adminId, 1, edited)).toMatchObject({ status: "saved" });
      },
    });
    expect(result).toEqual({ deleted: 0, rolled: 3, skipped: 3 });
    // (The edit moved the start later, so it has a fresh room of its own as well.)
    for (const c of early) expect(await findByAdminId(c.adminId)).toMatchObject({ localStart: "2027-02-01T15:00", revision: 2 });
    for (const c of series.slice(3)) {
      expect(await findByAdminId(c.adminId)).toMatchObject({ localStart: "2026-12-08T09:00", revision: 2 });
      // The admin's page was read before the sweep: the edit is refused, not applied over the new meeting.
      expect(await updateSchedule(c.adminId, 1, edited)).toEqual({ status: "conflict" });
    }
  });

  it("leaves a series whose room is handed out between its read and its write to the next sweep, which retires that room", async () => {
    await clear();
    const c = await insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "week" }, 3));
    const now = new Date("2026-12-02T09:00:00Z");
    // (A server whose clock is behind still sends someone to it.)
    const first = await sweep(now, H, { beforeWrite: async () => void (await recordRoom(c)) });
    expect(first).toEqual({ deleted: 0, rolled: 0, skipped: 1 });
    expect(await sweep(now, H)).toEqual({ deleted: 0, rolled: 1, skipped: 0 });
    expect(await db().retiredRoom.count({ where: { roomHash: hashId(c.roomId) } })).toBe(1);
  });

  it("never loses an admin's edit made while sweeps run", async () => {
    await clear();
    const series = await Promise.all(Array.from({ length: 120 }, () => insertConference(schedule("2026-12-01T09:00", "UTC", { every: 1, unit: "week" }, 4))));
    const edited = schedule("2027-02-01T15:00", "Europe/Berlin", { every: 2, unit: "week" }, 9, 30);
    const now = new Date("2026-12-02T09:00:00Z");
    const [edits] = await Promise.all([
      Promise.all(series.map((c) => updateSchedule(c.adminId, 1, edited))),
      sweep(now, H, { batchSize: 25 }),
      sweep(now, H, { batchSize: 25 }),
    ]);
    const saved = edits.filter((e) => e.status === "saved").length;
    const conflicts = edits.filter((e) => e.status === "conflict").length;
    expect(saved + conflicts).toBe(series.length);
    for (const [i, c] of series.entries()) {
      const row = (await findByAdminId(c.adminId))!;
      expect(row.revision).toBe(2); // exactly one of the edit and the sweep changed it
      if (edits[i]!.status === "saved") {
        expect(row).toMatchObject({ localStart: "2027-02-01T15:00", timeZone: "Europe/Berlin", durationMinutes: 30, remainingOccurrences: 9 });
      } else {
        expect(row).toMatchObject({ localStart: "2026-12-08T09:00", remainingOccurrences: 3 });
        expect(row.roomId).not.toBe(c.roomId);
      }
    }
    // A later sweep leaves the edited ones (now in the future) alone.
    expect(await sweep(now, H)).toEqual({ deleted: 0, rolled: 0, skipped: 0 });
  });

  it("finds due rows through the index on starts_at", async () => {
    // TRUNCATE, not DELETE: rows an earlier test deleted stay in the index until InnoDB purges them,
    // and the optimiser would count them, choosing a full scan now and then.
    await db().$executeRawUnsafe("TRUNCATE TABLE conferences");
    // Enough rows that the optimiser has a real choice.
    const values = Array.from({ length: 3000 }, (_, i) => {
      const id = String(i).padStart(6, "0");
      return `(UNHEX(SHA2('inv${id}', 256)), UNHEX(SHA2('adm${id}', 256)), UNHEX(SHA2('roo${id}', 256)), '2027-01-01 00:00:00' + INTERVAL ${i} HOUR, '2027-01-01 00:00:00', 'UTC', 60, 1, 'day', 3, 1)`;
    });
    await db().$executeRawUnsafe(
      `INSERT INTO conferences (invitation_hash, admin_hash, room_hash, starts_at, local_start, time_zone, duration_minutes, repeat_every, repeat_unit, remaining_occurrences, revision) VALUES ${values.join(",")}`,
    );
    await db().$executeRawUnsafe("ANALYZE TABLE conferences");
    const plans = [
      await db().$queryRawUnsafe<{ key: string | null }[]>(
        "EXPLAIN SELECT id FROM conferences WHERE starts_at <= '2027-01-01 05:00:00' AND remaining_occurrences > 0 ORDER BY starts_at, id LIMIT 1000",
      ),
      await db().$queryRawUnsafe<{ key: string | null }[]>(
        "EXPLAIN DELETE FROM conferences WHERE starts_at <= '2027-01-01 05:00:00' AND remaining_occurrences = 0 ORDER BY starts_at LIMIT 1000",
      ),
    ];
    for (const [plan] of plans)
      expect(
        plan!.key,
        JSON.stringify(plan, (_k, v) => (typeof v === "bigint" ? Number(v) : v)),
      ).toBe("conferences_starts_at_idx");
  });
});
