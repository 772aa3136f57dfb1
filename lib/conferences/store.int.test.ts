import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "../db";
import { newId } from "../ids";
import { hashId } from "../keys/derive";
import { insertConference, deleteByAdminId, findByAdminId, findByInvitationId, findByRoom, recordRoom, updateSchedule } from "./store";
import { validateBooking } from "./schema";
import type { Booking } from "./schema";

const now = new Date("2026-11-25T12:00:00Z");

function booking(input: Record<string, unknown> = {}): Booking {
  const result = validateBooking({ name: "Secret project", start: "2026-12-01T09:00", timeZone: "Europe/Berlin", ...input }, { now });
  if (result.status === "invalid") throw new Error(JSON.stringify(result.errors));
  return result.value;
}

afterAll(async () => {
  await db().$disconnect();
});

describe("the conference store", () => {
  it("stores a booking under three fresh ids, and nothing that names anyone or opens anything", async () => {
    const c = await insertConference(booking({ repeat: { every: 1, unit: "week", count: 4 } }));
    expect(new Set([c.invitationId, c.adminId, c.roomId]).size).toBe(3);
    expect(c).toMatchObject({
      startsAt: new Date("2026-12-01T08:00:00Z"),
      localStart: "2026-12-01T09:00",
      timeZone: "Europe/Berlin",
      durationMinutes: 60,
      repeat: { every: 1, unit: "week" },
      remainingOccurrences: 3,
      revision: 1,
    });

    // What lands in the table, read without Prisma (the test process runs in Asia/Kathmandu).
    const [row] = await db().$queryRaw<Record<string, unknown>[]>`
      SELECT CAST(starts_at AS CHAR) AS starts_at, CAST(local_start AS CHAR) AS local_start FROM conferences WHERE admin_hash = ${hashId(c.adminId)}`;
    expect(row).toEqual({ starts_at: "2026-12-01 08:00:00", local_start: "2026-12-01 09:00:00" });
    const columns = await db().$queryRaw<{ name: string }[]>`
      SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'conferences'`;
    expect(columns.map((col) => col.name).sort()).toEqual(
      [
        "admin_hash",
        "duration_minutes",
        "id",
        "invitation_hash",
        "legacy_ids",
        "local_start",
        // When "Join now" opened the room early: a moment, nobody's.
        "opened_early_at",
        "remaining_occurrences",
        "repeat_every",
        "repeat_unit",
        "revision",
        "room_generation",
        // Rows from before rooms came from the invitation id: up to which room generation the old rule holds.
        "room_from_hash_until",
        "room_hash",
        "starts_at",
        "time_zone",
      ].sort(),
    );

    // A stolen copy of the table: every byte of it, as text and as hex, holds no id and no room.
    const dump = await db().$queryRawUnsafe<Record<string, unknown>[]>(
      "SELECT *, HEX(invitation_hash) AS i, HEX(admin_hash) AS a, HEX(room_hash) AS r FROM conferences",
    );
    const text = JSON.stringify(dump, (_key, value) =>
      value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : typeof value === "bigint" ? String(value) : value,
    );
    for (const secret of [c.invitationId, c.adminId, c.roomId, "Secret project"]) {
      expect(text).not.toContain(secret);
      expect(text.toLowerCase()).not.toContain(Buffer.from(secret).toString("hex"));
    }
    expect(dump.length).toBeGreaterThan(0);
  });

  it("finds a conference by its invitation id and by its admin id, never by the other", async () => {
    const c = await insertConference(booking());
    const { adminId: _adminId, ...participantsView } = c;
    expect(await findByInvitationId(c.invitationId)).toEqual(participantsView);
    expect(await findByAdminId(c.adminId)).toEqual(c);
    expect(await findByAdminId(c.invitationId)).toBeNull();
    expect(await findByInvitationId(c.adminId)).toBeNull();
    expect(await findByInvitationId(c.roomId)).toBeNull();
    expect(await findByInvitationId(newId())).toBeNull();
    expect(await findByInvitationId("not an id")).toBeNull();
    expect(await findByInvitationId(c.invitationId.toUpperCase())).toBeNull();
  });

  it("updates the schedule when the revision matches, and raises it", async () => {
    const c = await insertConference(booking());
    const outcome = await updateSchedule(c.adminId, 1, booking({ start: "2026-12-02T10:30", timeZone: "America/New_York", durationMinutes: 90 }));
    expect(outcome).toEqual({
      status: "saved",
      conference: {
        ...c,
        roomId: expect.not.stringMatching(c.roomId), // a later start: a fresh room
        startsAt: new Date("2026-12-02T15:30:00Z"),
        localStart: "2026-12-02T10:30",
        timeZone: "America/New_York",
        durationMinutes: 90,
        roomGeneration: 2,
        roomRecorded: false,
        revision: 2,
      },
    });
  });

  it("refuses an update based on an old revision, and an unknown conference", async () => {
    const c = await insertConference(booking());
    await updateSchedule(c.adminId, 1, booking({ durationMinutes: 30 }));
    expect(await updateSchedule(c.adminId, 1, booking({ durationMinutes: 45 }))).toEqual({ status: "conflict" });
    expect((await findByAdminId(c.adminId))?.durationMinutes).toBe(30);
    expect(await updateSchedule(newId(), 1, booking())).toEqual({ status: "not-found" });
    expect(await updateSchedule("nope", 1, booking())).toEqual({ status: "not-found" });
  });

  it("gives a conference a fresh room when its start moves later, not when it moves earlier", async () => {
    const c = await insertConference(booking({ start: "2026-12-10T09:00" }));
    const earlier = await updateSchedule(c.adminId, 1, booking({ start: "2026-12-09T09:00" }));
    expect(earlier).toMatchObject({ status: "saved", conference: { roomId: c.roomId } });
    const later = await updateSchedule(c.adminId, 2, booking({ start: "2026-12-11T09:00" }));
    expect(later).toMatchObject({ status: "saved" });
    const moved = (later as { conference: { roomId: string } }).conference.roomId;
    expect(moved).not.toBe(c.roomId);
    expect(await findByInvitationId(c.invitationId)).toMatchObject({ roomId: moved });
    // The row knows the new room not at all until it is handed out, then only by its hash.
    const roomOfRow = async () =>
      (
        await db().$queryRaw<{ room_hash: Uint8Array | null; room_generation: number }[]>`
          SELECT room_hash, room_generation FROM conferences WHERE admin_hash = ${hashId(c.adminId)}`
      )[0]!;
    const before = await roomOfRow();
    expect({ hash: before.room_hash, generation: Number(before.room_generation) }).toEqual({ hash: null, generation: 2 });
    await recordRoom((await findByInvitationId(c.invitationId))!);
    const row = await roomOfRow();
    expect(Number(row.room_generation)).toBe(2);
    expect(Buffer.from(row.room_hash!).equals(Buffer.from(hashId(moved)))).toBe(true);
  });

  it("records a room as handed out once, and only the room the conference still has", async () => {
    const c = await insertConference(booking({ start: "2026-12-10T09:00" }));
    expect(c).toMatchObject({ roomGeneration: 1, roomRecorded: false });
    expect(await findByRoom(c.roomId)).toBeUndefined();
    await recordRoom(c);
    expect(await findByInvitationId(c.invitationId)).toMatchObject({ roomId: c.roomId, roomRecorded: true });
    expect(await findByRoom(c.roomId)).toMatchObject({ generation: 1, room: c.roomId });
    // A hand-out read before the room changed writes nothing over the new room, and says so.
    const later = await updateSchedule(c.adminId, 1, booking({ start: "2026-12-11T09:00" }));
    expect(await recordRoom(c)).toBe(false);
    const moved = (later as { conference: { roomId: string } }).conference.roomId;
    expect(await findByInvitationId(c.invitationId)).toMatchObject({ roomId: moved, roomGeneration: 2, roomRecorded: false });
    // The room that was handed out is retired; the new one, handed out to nobody, is nowhere.
    expect(await findByRoom(c.roomId)).toBe("retired");
    expect(await findByRoom(moved)).toBeUndefined();
  });

  it("retires a room read before a change that is handed out after it, so Jitsi refuses it", async () => {
    const c = await insertConference(booking({ start: "2026-12-10T09:00" }));
    // Another process read it (not yet recorded); the organizer postpones it; then that process hands it out.
    await updateSchedule(c.adminId, 1, booking({ start: "2026-12-12T09:00" }));
    expect(await recordRoom(c)).toBe(false);
    expect(await findByRoom(c.roomId)).toBe("retired");
    const deleted = await insertConference(booking({ start: "2026-12-10T09:00" }));
    await deleteByAdminId(deleted.adminId);
    expect(await recordRoom(deleted)).toBe(false);
    expect(await findByRoom(deleted.roomId)).toBe("retired");
  });

  it("keeps a room recorded while an edit gives the conference a fresh one: the edit retires it too", async () => {
    const c = await insertConference(booking({ start: "2026-12-10T09:00" }));
    // The room is handed out between the edit's read and its write (the write's first round then changes nothing).
    const updateMany = db().conference.updateMany.bind(db().conference);
    let handedOut = false;
    const spy = vi.spyOn(db().conference, "updateMany").mockImplementation((async (args: Parameters<typeof updateMany>[0]) => {
      if (!handedOut && "revision" in (args.where ?? {})) {
        handedOut = true;
        spy.mockRestore();
        await recordRoom(c);
      }
      return updateMany(args);
    }) as typeof updateMany);
    try {
      expect(await updateSchedule(c.adminId, 1, booking({ start: "2026-12-11T09:00" }))).toMatchObject({ status: "saved" });
    } finally {
      spy.mockRestore();
    }
    expect(handedOut).toBe(true);
    expect(await findByRoom(c.roomId)).toBe("retired");
  });

  it("deletes a conference once", async () => {
    const c = await insertConference(booking());
    expect(await deleteByAdminId(c.adminId)).toBe(c.invitationId);
    expect(await deleteByAdminId(c.adminId)).toBeUndefined();
    expect(await findByInvitationId(c.invitationId)).toBeNull();
    expect(await deleteByAdminId(c.invitationId)).toBeUndefined();
  });
});
