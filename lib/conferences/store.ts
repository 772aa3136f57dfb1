/**
 * The conferences table: the only code that talks to Prisma about conferences. Every function takes
 * what it needs and returns plain values; time comes in as an argument, never from the system clock.
 */
import { db } from "../db";
import { prismaErrorCode } from "../database-errors";
import type { Conference as ConferenceRow } from "../generated/prisma/client";
import { isId, newConferenceIds } from "../ids";
import { canonicalTimeZone } from "../time/time-zones";
import { dateToLocal, localToDate } from "../time/zoned";
import type { Conference, Schedule } from "./conference";

function fromRow(row: ConferenceRow): Conference {
  return {
    invitationId: row.invitationId,
    adminId: row.adminId,
    roomId: row.roomId,
    startsAt: row.startsAt,
    localStart: dateToLocal(row.localStart),
    // Rows are written canonical; a spelling from before that rule still reads as its zone.
    timeZone: canonicalTimeZone(row.timeZone) ?? row.timeZone,
    durationMinutes: row.durationMinutes,
    repeat: row.repeatEvery !== null && row.repeatUnit !== null ? { every: row.repeatEvery, unit: row.repeatUnit } : null,
    remainingOccurrences: row.remainingOccurrences,
    revision: row.revision,
  };
}

function scheduleColumns(schedule: Schedule) {
  return {
    startsAt: schedule.startsAt,
    localStart: localToDate(schedule.localStart),
    timeZone: schedule.timeZone,
    durationMinutes: schedule.durationMinutes,
    repeatEvery: schedule.repeat?.every ?? null,
    repeatUnit: schedule.repeat?.unit ?? null,
    remainingOccurrences: schedule.remainingOccurrences,
  };
}



/** Stores a validated schedule under three fresh ids. (A booking's name is not stored.) */
export async function createConference(schedule: Schedule): Promise<Conference> {
  // 128-bit ids do not collide in practice; if one ever does, draw again rather than fail.
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db().conference.create({ data: { ...newConferenceIds(), ...scheduleColumns(schedule) } });
      return fromRow(row);
    } catch (error) {
      if (prismaErrorCode(error) !== "P2002" || attempt >= 2) throw error;
    }
  }
}

export async function findByAdminId(adminId: string): Promise<Conference | null> {
  // A malformed id cannot exist; do not bother the database with it.
  if (!isId(adminId)) return null;
  const row = await db().conference.findUnique({ where: { adminId } });
  return row ? fromRow(row) : null;
}

export async function findByInvitationId(invitationId: string): Promise<Conference | null> {
  if (!isId(invitationId)) return null;
  const row = await db().conference.findUnique({ where: { invitationId } });
  return row ? fromRow(row) : null;
}

export type EditOutcome = { status: "saved"; conference: Conference } | { status: "not-found" } | { status: "conflict" };

/**
 * Replaces the schedule if nobody changed it since `revision` (optimistic concurrency: a second
 * admin tab or the cleanup sweep may have moved it meanwhile). The revision rises by one.
 */
export async function updateSchedule(adminId: string, revision: number, schedule: Schedule): Promise<EditOutcome> {
  if (!isId(adminId)) return { status: "not-found" };
  const { count } = await db().conference.updateMany({
    where: { adminId, revision },
    data: { ...scheduleColumns(schedule), revision: { increment: 1 } },
  });
  if (count === 1) {
    const conference = await findByAdminId(adminId);
    return conference ? { status: "saved", conference } : { status: "not-found" };
  }
  return (await findByAdminId(adminId)) ? { status: "conflict" } : { status: "not-found" };
}

/** Deletes the conference and returns its invitation id; undefined when there was none. */
export async function deleteConference(adminId: string): Promise<string | undefined> {
  if (!isId(adminId)) return undefined;
  try {
    const row = await db().conference.delete({ where: { adminId }, select: { invitationId: true } });
    return row.invitationId;
  } catch (error) {
    if (prismaErrorCode(error) === "P2025") return undefined; // nothing to delete
    throw error;
  }
}
