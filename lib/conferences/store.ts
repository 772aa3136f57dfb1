/**
 * The conferences table: the only code that talks to Prisma about conferences. Every function takes
 * what it needs and returns plain values; time comes in as an argument, never from the system clock.
 *
 * Rows hold no id and no room (see lib/keys/derive.ts): a request's invitation or admin id finds its
 * row by hash; the room is derived from the invitation's hash and the row's room generation; the
 * invitation id of a new conference is derived from its admin id. Rows from before that keep their
 * ids sealed in `legacyIds`.
 */
import { db } from "../db";
import { OtherSecretError, prismaErrorCode } from "../database-errors";
import type { Conference as ConferenceRow } from "../generated/prisma/client";
import { isId, newId } from "../ids";
import { hashId, invitationIdFor, roomIdFor, unsealIds } from "../keys/derive";
import type { Keys } from "../keys/derive";
import { serverKeys } from "../keys/server-secret";
import { processWide } from "../process-wide";
import { canonicalTimeZone } from "../time/time-zones";
import { dateToLocal, localToDate } from "../time/zoned";
import { roomChangesWith } from "./conference";
import type { Conference, ManagedConference, Schedule } from "./conference";

/**
 * The server's keys, once the database has said they are the ones it was set up with (the first
 * server to ask sets it up with its own). Every function here that derives or seals uses them, so a
 * server with another secret never hands out a room, not even for a moment.
 */
export async function confirmedKeys(): Promise<Keys> {
  const check = processWide("planadoKeyCheck", () => ({ confirmed: false }));
  if (!check.confirmed) {
    if ((await claimKeyFingerprint(serverKeys().fingerprint)) !== "matches") throw new OtherSecretError("this database was set up with another secret");
    check.confirmed = true;
  }
  return serverKeys();
}

/** The row's room now: its first one while a conference from before still has it, else derived. */
function roomOf(keys: Keys, row: Pick<ConferenceRow, "invitationHash" | "roomGeneration" | "legacyIds">): string {
  if (row.legacyIds && row.roomGeneration === 0) return unsealIds(keys, row.legacyIds, row.invitationHash).roomId;
  return roomIdFor(keys, row.invitationHash, row.roomGeneration);
}

/** The invitation id of a row found by its admin id. */
function invitationIdOf(keys: Keys, row: Pick<ConferenceRow, "invitationHash" | "legacyIds">, adminId: string): string {
  return row.legacyIds ? unsealIds(keys, row.legacyIds, row.invitationHash).invitationId : invitationIdFor(keys, adminId);
}

function fromRow(keys: Keys, row: ConferenceRow, invitationId: string): Conference {
  return {
    invitationId,
    roomId: roomOf(keys, row),
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

function managed(keys: Keys, row: ConferenceRow, adminId: string): ManagedConference {
  return { ...fromRow(keys, row, invitationIdOf(keys, row, adminId)), adminId };
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

/** The columns of a room generation: the number and the room's hash (never the room). */
export function roomColumns(keys: Keys, invitationHash: Uint8Array, generation: number) {
  return { roomGeneration: generation, roomHash: hashId(roomIdFor(keys, invitationHash, generation)) };
}

/** Stores a validated schedule under a fresh admin id (the invitation id and room follow from it). */
export async function createConference(schedule: Schedule): Promise<ManagedConference> {
  const keys = await confirmedKeys();
  // 128-bit ids do not collide in practice; if one ever does, draw again rather than fail.
  for (let attempt = 0; ; attempt++) {
    const adminId = newId();
    const invitationHash = hashId(invitationIdFor(keys, adminId));
    try {
      const row = await db().conference.create({
        data: { invitationHash, adminHash: hashId(adminId), ...roomColumns(keys, invitationHash, 1), ...scheduleColumns(schedule) },
      });
      return managed(keys, row, adminId);
    } catch (error) {
      if (prismaErrorCode(error) !== "P2002" || attempt >= 2) throw error;
    }
  }
}

export async function findByAdminId(adminId: string): Promise<ManagedConference | null> {
  // A malformed id cannot exist; do not bother the database with it.
  if (!isId(adminId)) return null;
  const keys = await confirmedKeys();
  const row = await db().conference.findUnique({ where: { adminHash: hashId(adminId) } });
  return row ? managed(keys, row, adminId) : null;
}

export async function findByInvitationId(invitationId: string): Promise<Conference | null> {
  if (!isId(invitationId)) return null;
  const keys = await confirmedKeys();
  const row = await db().conference.findUnique({ where: { invitationHash: hashId(invitationId) } });
  return row ? fromRow(keys, row, invitationId) : null;
}

export type EditOutcome = { status: "saved"; conference: ManagedConference } | { status: "not-found" } | { status: "conflict" };

/**
 * Replaces the schedule if nobody changed it since `revision` (optimistic concurrency: a second
 * admin tab or the cleanup sweep may have moved it meanwhile). The revision rises by one; a later
 * start gets a fresh room (see roomChangesWith).
 */
export async function updateSchedule(adminId: string, revision: number, schedule: Schedule): Promise<EditOutcome> {
  if (!isId(adminId)) return { status: "not-found" };
  const keys = await confirmedKeys();
  const adminHash = hashId(adminId);
  const current = await db().conference.findUnique({ where: { adminHash } });
  if (!current) return { status: "not-found" };
  if (current.revision !== revision) return { status: "conflict" };
  const room = roomChangesWith(current.startsAt, schedule.startsAt) ? roomColumns(keys, current.invitationHash, current.roomGeneration + 1) : {};
  // Conditional on the revision read: a change made since then (which raised it) wins.
  const { count } = await db().conference.updateMany({
    where: { adminHash, revision },
    data: { ...scheduleColumns(schedule), ...room, revision: { increment: 1 } },
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
  const keys = await confirmedKeys();
  try {
    const row = await db().conference.delete({ where: { adminHash: hashId(adminId) }, select: { invitationHash: true, legacyIds: true } });
    return invitationIdOf(keys, row, adminId);
  } catch (error) {
    if (prismaErrorCode(error) === "P2025") return undefined; // nothing to delete
    throw error;
  }
}

/**
 * Makes sure this server's secret is the one the database was set up with: the first server to ask
 * records the fingerprint of its secret; "differs" means this server would derive other rooms.
 */
export async function claimKeyFingerprint(fingerprint: string): Promise<"matches" | "differs"> {
  await db().$executeRaw`INSERT IGNORE INTO server_key (id, fingerprint) VALUES (1, ${fingerprint})`;
  const stored = await db().serverKey.findUnique({ where: { id: 1 } });
  return stored?.fingerprint === fingerprint ? "matches" : "differs";
}
