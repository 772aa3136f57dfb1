/**
 * The conferences table: the only code that talks to Prisma about conferences. Every function takes
 * what it needs and returns plain values; time comes in as an argument, never from the system clock.
 *
 * Rows hold no id and no room (see lib/keys/derive.ts): a request's invitation or admin id finds its
 * row by hash; the room is derived from the invitation id and the row's room generation, and its hash
 * is written once the room is handed out (recordRoom); the invitation id of a new conference is
 * derived from its admin id. Rows from before keep their ids sealed in `legacyIds`, or their room
 * derived from the invitation's hash until it is replaced (`roomFromHashUntil`).
 */
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { prismaErrorCode } from "../database-errors";
import type { Conference as ConferenceRow } from "../generated/prisma/client";
import { isId, newId } from "../ids";
import { hashId, invitationIdFor, roomOfRow, sameBytes, unsealIds } from "../keys/derive";
import type { Keys } from "../keys/derive";
import { confirmedKeys } from "../keys/store";
import { retryWrite, WriteConflict } from "../write-retry";
import { catchUpWithCluster, onceCaughtUp } from "../cluster-reads";
import { scheduleColumns, scheduleOf } from "./schedule-columns";
import { roomChangesWith } from "./conference";
import type { Conference, ManagedConference, Schedule } from "./conference";

/** The invitation id of a row found by its admin id. */
function invitationIdOf(keys: Keys, row: Pick<ConferenceRow, "invitationHash" | "legacyIds">, adminId: string): string {
  return row.legacyIds ? unsealIds(keys, row.legacyIds, row.invitationHash).invitationId : invitationIdFor(keys, adminId);
}

function fromRow(keys: Keys, row: ConferenceRow, invitationId: string): Conference {
  return {
    invitationId,
    ...roomOfRow(keys, row, invitationId),
    roomGeneration: row.roomGeneration,
    ...scheduleOf(row),
    revision: row.revision,
  };
}

function managed(keys: Keys, row: ConferenceRow, adminId: string): ManagedConference {
  return { ...fromRow(keys, row, invitationIdOf(keys, row, adminId)), adminId };
}

/**
 * The columns of a fresh room: the next generation, its hash not yet known (it is written once the
 * room is handed out: recordRoom), and nobody let in early.
 */
export function freshRoomColumns(previousGeneration: number) {
  return { roomGeneration: previousGeneration + 1, roomHash: null, openedEarlyAt: null };
}

/**
 * Remembers a room as handed out, by its hash, before anyone is sent to it: Jitsi's reservation calls
 * find the conference by it, and what replaces or deletes the conference retires it. One conditional
 * write per room: only while that room is still the conference's and not yet recorded. False when
 * it no longer is (the conference moved on or is gone since it was read): the room is retired then,
 * in case anyone else got it, and nobody may be sent to it.
 */
export async function recordRoom(conference: Pick<Conference, "invitationId" | "roomId" | "roomGeneration">): Promise<boolean> {
  const invitationHash = hashId(conference.invitationId);
  const roomHash = hashId(conference.roomId);
  const where = { invitationHash, roomGeneration: conference.roomGeneration };
  const { count } = await retryWrite(() => db().conference.updateMany({ where: { ...where, roomHash: null }, data: { roomHash } }));
  if (count === 1) return true;
  const row = await db().conference.findFirst({ where, select: { roomHash: true } });
  if (row?.roomHash && sameBytes(row.roomHash, roomHash)) return true;
  await retireRooms([roomHash], new Date());
  return false;
}

/** Stores a validated schedule under a fresh admin id (the invitation id and room follow from it). */
export async function insertConference(schedule: Schedule): Promise<ManagedConference> {
  const keys = await confirmedKeys();
  // 128-bit ids do not collide in practice; if one ever does, draw again rather than fail.
  for (let attempt = 0; ; attempt++) {
    const adminId = newId();
    const invitationHash = hashId(invitationIdFor(keys, adminId));
    try {
      // A refused commit (a deadlock, or Galera's certification) wrote nothing: insert again.
      const row = await retryWrite(() =>
        db().conference.create({
          data: { invitationHash, adminHash: hashId(adminId), roomGeneration: 1, ...scheduleColumns(schedule) },
        }),
      );
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
  const row = await onceCaughtUp(() => db().conference.findUnique({ where: { adminHash: hashId(adminId) } }));
  return row ? managed(keys, row, adminId) : null;
}

export async function findByInvitationId(invitationId: string): Promise<Conference | null> {
  if (!isId(invitationId)) return null;
  const keys = await confirmedKeys();
  const row = await onceCaughtUp(() => db().conference.findUnique({ where: { invitationHash: hashId(invitationId) } }));
  return row ? fromRow(keys, row, invitationId) : null;
}

export type ScheduleUpdate = { status: "saved"; conference: ManagedConference } | { status: "not-found" } | { status: "conflict" };

/**
 * Replaces the schedule if nobody changed it since `revision` (optimistic concurrency: a second
 * admin tab or the cleanup sweep may have moved it meanwhile). The revision rises by one; a later
 * start gets a fresh room (see roomChangesWith).
 */
export async function updateSchedule(adminId: string, revision: number, schedule: Schedule): Promise<ScheduleUpdate> {
  if (!isId(adminId)) return { status: "not-found" };
  const adminHash = hashId(adminId);
  const count = await replaceSchedule({ adminHash }, revision, schedule, "if-later");
  if (count === "not-found") return { status: "not-found" };
  if (count === 1) {
    const conference = await findByAdminId(adminId);
    return conference ? { status: "saved", conference } : { status: "not-found" };
  }
  return (await findByAdminId(adminId)) ? { status: "conflict" } : { status: "not-found" };
}

type RowKey = { adminHash: Uint8Array<ArrayBuffer> } | { invitationHash: Uint8Array<ArrayBuffer> } | { id: number };

/**
 * Replaces a row's schedule if its revision is still `revision`; a fresh room when `freshRoom` says
 * so. The old room is retired first: a room that is retired and still a conference's stays that
 * conference's (see findByRoom), so no failure between the two writes leaves a handed-out room
 * unretired. Returns the rows changed (0: someone changed it since), or "not-found".
 */
async function replaceSchedule(key: RowKey, revision: number, schedule: Schedule, freshRoom: "if-later" | "always"): Promise<number | "not-found"> {
  // Read what the whole cluster wrote (another server may just have saved a revision), and start
  // over when the commit is refused: the next read then sees the write that won.
  await catchUpWithCluster();
  return retryWrite(() => replaceOnce(key, revision, schedule, freshRoom));
}

async function replaceOnce(key: RowKey, revision: number, schedule: Schedule, freshRoom: "if-later" | "always"): Promise<number | "not-found"> {
  for (let attempt = 1; ; attempt++) {
    const current = await db().conference.findUnique({ where: key as Prisma.ConferenceWhereUniqueInput });
    if (!current) return "not-found";
    if (current.revision !== revision) return 0;
    const fresh = freshRoom === "always" || roomChangesWith(current.startsAt, schedule.startsAt);
    if (fresh) await retireRooms(handedOut([current.roomHash]), new Date());
    const room = fresh ? freshRoomColumns(current.roomGeneration) : {};
    // Conditional on the revision read (a change made since then raised it, and wins) and, for a fresh
    // room, on the old room's hash read: a room handed out meanwhile is retired on the next round.
    const { count } = await db().conference.updateMany({
      where: { id: current.id, revision, ...(fresh ? { roomHash: current.roomHash } : {}) },
      data: { ...scheduleColumns(schedule), ...room, revision: { increment: 1 } },
    });
    if (count === 1 || !fresh || attempt === 3) return count;
  }
}

/** Where a series is moved on to its next meeting ahead of the sweep: by invitation, admin id or row. */
export type SeriesKey = { invitationId: string } | { adminId: string } | { rowId: number };

/**
 * Moves a series on to `meeting` (its next one) with a fresh room, as the sweep would, if nobody
 * changed it since `revision`. Where Jitsi enforces bookings a meeting is over at the end of its
 * window, and nobody may be sent to a room that the sweep is about to replace. Whether this call or
 * another moved it, the row then holds the newer meeting.
 */
export async function moveSeriesOn(series: SeriesKey, revision: number, meeting: Schedule): Promise<void> {
  const key: RowKey =
    "invitationId" in series
      ? { invitationHash: hashId(series.invitationId) }
      : "adminId" in series
        ? { adminHash: hashId(series.adminId) }
        : { id: series.rowId };
  await replaceSchedule(key, revision, meeting, "always");
}

/** Deletes the conference and returns its invitation id; undefined when there was none. */
export async function deleteByAdminId(adminId: string): Promise<string | undefined> {
  if (!isId(adminId)) return undefined;
  const keys = await confirmedKeys();
  const adminHash = hashId(adminId);
  await catchUpWithCluster();
  return retryWrite(async () => {
    const row = await db().conference.findUnique({ where: { adminHash }, select: { invitationHash: true, legacyIds: true, roomHash: true } });
    if (!row) return undefined;
    // Retired first (see replaceSchedule): if the delete then fails, the room is still the conference's.
    await retireRooms(handedOut([row.roomHash]), new Date());
    // Only the row whose room was just retired: if an edit gave it a new room meanwhile, go round
    // again (the new room is retired too) rather than delete a room nobody retired.
    const { count } = await db().conference.deleteMany({ where: { adminHash, roomHash: row.roomHash } });
    if (count === 1) return invitationIdOf(keys, row, adminId);
    if (await db().conference.findUnique({ where: { adminHash }, select: { id: true } })) throw new WriteConflict("The room changed during the delete.");
    return undefined;
  });
}

/** The rooms among these that were handed out (a room never handed out has no hash, nor needs one). */
export function handedOut(roomHashes: (Uint8Array<ArrayBuffer> | null)[]): Uint8Array<ArrayBuffer>[] {
  return roomHashes.filter((hash) => hash !== null);
}

/**
 * Remembers rooms that were handed out and are no longer any conference's (by hash), so a Jitsi that
 * enforces bookings refuses them (lib/jitsi/reservations.ts).
 */
export async function retireRooms(roomHashes: Uint8Array<ArrayBuffer>[], at: Date): Promise<void> {
  if (roomHashes.length === 0) return;
  // Retired again later (a room retired ahead of a change that then failed): remembered from then on.
  const rows = roomHashes.map((roomHash) => Prisma.sql`(${roomHash}, ${at})`);
  await retryWrite(
    () => db().$executeRaw`INSERT INTO retired_rooms (room_hash, retired_at) VALUES ${Prisma.join(rows)}
      ON DUPLICATE KEY UPDATE retired_at = GREATEST(retired_at, VALUES(retired_at))`,
  );
}

/** A room as Jitsi's reservation calls ask about it. */
export interface RoomRecord extends Schedule {
  /** The reservation's id parts: the conference's row and its room generation. */
  rowId: number;
  generation: number;
  revision: number;
  room: string;
  openedEarlyAt: Date | null;
}

/** The conference whose room this is now; "retired" when it was one's; undefined when none's. */
export async function findByRoom(roomId: string): Promise<RoomRecord | "retired" | undefined> {
  if (!isId(roomId)) return undefined;
  const roomHash = hashId(roomId);
  const row = await onceCaughtUp(() => db().conference.findUnique({ where: { roomHash } }));
  if (row) return roomRecord(row, roomId);
  return (await db().retiredRoom.findUnique({ where: { roomHash } })) ? "retired" : undefined;
}

function roomRecord(row: ConferenceRow, room: string): RoomRecord {
  return {
    rowId: row.id,
    generation: row.roomGeneration,
    room,
    revision: row.revision,
    ...scheduleOf(row),
    openedEarlyAt: row.openedEarlyAt,
  };
}

/**
 * The organizer's "Join now" before the room's time: from `at` on, a Jitsi that enforces bookings
 * admits the room (the earliest such moment counts, until the room changes).
 */
export async function openEarly(adminId: string, at: Date): Promise<void> {
  if (!isId(adminId)) return;
  const adminHash = hashId(adminId);
  // Stored to the second, rounded down: never a moment later than the token's opening (MySQL rounds).
  at = new Date(Math.floor(at.getTime() / 1000) * 1000);
  await retryWrite(() =>
    db().conference.updateMany({ where: { adminHash, OR: [{ openedEarlyAt: null }, { openedEarlyAt: { gt: at } }] }, data: { openedEarlyAt: at } }),
  );
}
