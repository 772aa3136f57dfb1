import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { newId } from "../ids";
import { createConference, deleteConference, findByAdminId, findByInvitationId, updateSchedule } from "./store";
import { validateBooking } from "./schema";
import type { Booking } from "./schema";

const now = new Date("2026-11-25T12:00:00Z");

function booking(input: Record<string, unknown> = {}): Booking {
  const result = validateBooking({ name: "Secret project", start: "2026-12-01T09:00", timeZone: "Europe/Berlin", ...input }, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

afterAll(async () => {
  await db().$disconnect();
});

describe("the conference store", () => {
  it("stores a booking under three fresh ids and nothing that names anyone", async () => {
    const c = await createConference(booking({ repeat: { every: 1, unit: "week", count: 4 } }));
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
      SELECT CAST(starts_at AS CHAR) AS starts_at, CAST(local_start AS CHAR) AS local_start FROM conferences WHERE admin_id = ${c.adminId}`;
    expect(row).toEqual({ starts_at: "2026-12-01 08:00:00", local_start: "2026-12-01 09:00:00" });
    const columns = await db().$queryRaw<{ name: string }[]>`
      SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'conferences'`;
    const serialised = JSON.stringify(await db().conference.findUnique({ where: { adminId: c.adminId } }));
    expect(serialised).not.toContain("Secret project");
    expect(columns.map((col) => col.name).sort()).toEqual(
      ["admin_id", "duration_minutes", "id", "invitation_id", "local_start", "remaining_occurrences", "repeat_every", "repeat_unit", "revision", "room_id", "starts_at", "time_zone"].sort(),
    );
  });

  it("finds a conference by its invitation id and by its admin id, never by the other", async () => {
    const c = await createConference(booking());
    expect(await findByInvitationId(c.invitationId)).toEqual(c);
    expect(await findByAdminId(c.adminId)).toEqual(c);
    expect(await findByAdminId(c.invitationId)).toBeNull();
    expect(await findByInvitationId(c.adminId)).toBeNull();
    expect(await findByInvitationId(c.roomId)).toBeNull();
    expect(await findByInvitationId(newId())).toBeNull();
    expect(await findByInvitationId("not an id")).toBeNull();
    expect(await findByInvitationId(c.invitationId.toUpperCase())).toBeNull();
  });

  it("updates the schedule when the revision matches, and raises it", async () => {
    const c = await createConference(booking());
    const outcome = await updateSchedule(c.adminId, 1, booking({ start: "2026-12-02T10:30", timeZone: "America/New_York", durationMinutes: 90 }));
    expect(outcome).toEqual({
      status: "saved",
      conference: {
        ...c,
        startsAt: new Date("2026-12-02T15:30:00Z"),
        localStart: "2026-12-02T10:30",
        timeZone: "America/New_York",
        durationMinutes: 90,
        revision: 2,
      },
    });
  });

  it("refuses an update based on an old revision, and an unknown conference", async () => {
    const c = await createConference(booking());
    await updateSchedule(c.adminId, 1, booking({ durationMinutes: 30 }));
    expect(await updateSchedule(c.adminId, 1, booking({ durationMinutes: 45 }))).toEqual({ status: "conflict" });
    expect((await findByAdminId(c.adminId))?.durationMinutes).toBe(30);
    expect(await updateSchedule(newId(), 1, booking())).toEqual({ status: "not-found" });
    expect(await updateSchedule("nope", 1, booking())).toEqual({ status: "not-found" });
  });

  it("deletes a conference once", async () => {
    const c = await createConference(booking());
    expect(await deleteConference(c.adminId)).toBe(c.invitationId);
    expect(await deleteConference(c.adminId)).toBeUndefined();
    expect(await findByInvitationId(c.invitationId)).toBeNull();
    expect(await deleteConference(c.invitationId)).toBeUndefined();
  });
});
