/**
 * The cleanup sweep against the database. Safe with any number of sweeps and admin edits at once:
 * every write is conditional, so nothing is deleted or rolled forward twice and no edit is lost.
 *  - Over and nothing left to come: one DELETE per batch whose WHERE is the "over" condition itself.
 *    An edit that moves the start or adds meetings makes the row no longer match, whichever commits
 *    first.
 *  - Series with meetings to come: read a batch, plan each row (./plan.ts), then write all the
 *    plans in one statement, each row only if its revision is still the one that was read (an edit or
 *    another sweep raises it; the row is then left for the next sweep).
 * Cost follows the rows due, not the table: every query walks the index on starts_at, in batches
 * (which is why the cutoff is one instant on starts_at: lib/conferences/meeting-phase.ts).
 */
import { db } from "../db";
import { retryWrite } from "../write-retry";
import { Prisma } from "../generated/prisma/client";
import { handedOut, retireRooms } from "../conferences/store";
import { scheduleOf } from "../conferences/schedule-columns";
import { localToDate } from "../time/zoned";
import { sweepCutoff } from "../conferences/meeting-phase";
import { planSweep } from "./plan";

export interface SweepResult {
  /** Conferences deleted (over, nothing left to come). */
  deleted: number;
  /** Conferences moved to their next meeting. */
  rolled: number;
  /** Conferences changed by someone else while this sweep looked at them; the next sweep sees them. */
  skipped: number;
}

export const DEFAULT_BATCH_SIZE = 1000;

interface Roll {
  id: number;
  revision: number;
  startsAt: Date;
  localStart: Date;
  remainingOccurrences: number;
  /** The new generation (its room's hash is written once the room is handed out). */
  roomGeneration: number;
  /** The old room's hash as read (a room handed out since then leaves the row to the next sweep). */
  roomHash: Uint8Array | null;
}

async function rollForward(rolls: Roll[]): Promise<number> {
  if (rolls.length === 0) return 0;
  const rows = rolls.map((r, i) =>
    i === 0
      ? Prisma.sql`SELECT ${r.id} AS id, ${r.revision} AS revision, ${r.startsAt} AS starts_at, ${r.localStart} AS local_start, ${r.remainingOccurrences} AS remaining, ${r.roomGeneration} AS room_generation, ${r.roomHash} AS room_hash`
      : Prisma.sql`SELECT ${r.id}, ${r.revision}, ${r.startsAt}, ${r.localStart}, ${r.remainingOccurrences}, ${r.roomGeneration}, ${r.roomHash}`,
  );
  // A fresh room for every next meeting: whoever learned the last room cannot sit in the next one.
  return db().$executeRaw`
    UPDATE conferences c JOIN (${Prisma.join(rows, " UNION ALL ")}) v ON c.id = v.id AND c.revision = v.revision AND c.room_hash <=> v.room_hash
       SET c.starts_at = v.starts_at, c.local_start = v.local_start, c.remaining_occurrences = v.remaining,
           c.room_generation = v.room_generation, c.room_hash = NULL, c.opened_early_at = NULL, c.revision = c.revision + 1`;
}

async function deleteExhausted(rows: { id: number; revision: number }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const pairs = rows.map((r) => Prisma.sql`(${r.id}, ${r.revision})`);
  return db().$executeRaw`DELETE FROM conferences WHERE (id, revision) IN (${Prisma.join(pairs)})`;
}

export interface SweepOptions {
  batchSize?: number;
  /**
   * Called between reading a batch of series and writing their plans: the window in which an edit
   * or another sweep may change them. Tests use it to make that race happen on purpose.
   */
  beforeWrite?: () => Promise<void>;
}

/**
 * Deletes what is over with nothing left to come, batch by batch; their rooms are retired first.
 * The batch is read once and both writes name its rows: with several sweeps at once (other
 * servers), "the next N due rows" is not the same set twice, and a row must never be deleted
 * without its room retired.
 */
async function deleteFinished(now: Date, cutoff: Date, batchSize: number): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db().$queryRaw<{ id: number; room_hash: Uint8Array<ArrayBuffer> | null }[]>`
      SELECT id, room_hash FROM conferences WHERE starts_at <= ${cutoff} AND remaining_occurrences = 0 ORDER BY starts_at, id LIMIT ${batchSize}`;
    if (batch.length === 0) return deleted;
    // (A room retired here whose conference an edit saves meanwhile stays its room: a live room wins.)
    await retireRooms(handedOut(batch.map((row) => row.room_hash)), now);
    const ids = Prisma.join(batch.map((row) => row.id));
    // Still over with nothing left (an edit may have given it a new start meanwhile).
    deleted += await retryWrite(() => db().$executeRaw`DELETE FROM conferences WHERE id IN (${ids}) AND starts_at <= ${cutoff} AND remaining_occurrences = 0`);
    if (batch.length < batchSize) return deleted;
  }
}

/** Moves each due series to its next meeting (or deletes it when none is left). */
async function advanceSeries(now: Date, cleanupAfterHours: number, batchSize: number, options: SweepOptions): Promise<SweepResult> {
  const cutoff = sweepCutoff(now, cleanupAfterHours);
  const result: SweepResult = { deleted: 0, rolled: 0, skipped: 0 };
  // Keyset pagination over (starts_at, id): every due series is looked at once per sweep.
  let after: { startsAt: Date; id: number } | undefined;
  for (;;) {
    const batch = await db().conference.findMany({
      where: {
        startsAt: { lte: cutoff },
        remainingOccurrences: { gt: 0 },
        ...(after ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: {
        id: true,
        roomHash: true,
        roomGeneration: true,
        revision: true,
        startsAt: true,
        localStart: true,
        timeZone: true,
        durationMinutes: true,
        repeatEvery: true,
        repeatUnit: true,
        remainingOccurrences: true,
      },
    });
    if (batch.length === 0) return result;

    const rolls: Roll[] = [];
    const exhausted: { id: number; revision: number }[] = [];
    const retiring: (Uint8Array<ArrayBuffer> | null)[] = [];
    for (const row of batch) {
      const plan = planSweep(scheduleOf(row), now, cleanupAfterHours);
      if (plan.action === "roll") {
        rolls.push({
          id: row.id,
          revision: row.revision,
          startsAt: plan.startsAt,
          localStart: localToDate(plan.localStart),
          remainingOccurrences: plan.remainingOccurrences,
          roomGeneration: row.roomGeneration + 1,
          roomHash: row.roomHash,
        });
        retiring.push(row.roomHash);
      } else if (plan.action === "delete") {
        exhausted.push({ id: row.id, revision: row.revision });
        retiring.push(row.roomHash);
      }
    }
    await retireRooms(handedOut(retiring), now);
    await options.beforeWrite?.();
    const rolled = await retryWrite(() => rollForward(rolls));
    const deleted = await retryWrite(() => deleteExhausted(exhausted));
    result.rolled += rolled;
    result.deleted += deleted;
    result.skipped += rolls.length - rolled + (exhausted.length - deleted);

    if (batch.length < batchSize) return result;
    const last = batch[batch.length - 1]!;
    after = { startsAt: last.startsAt, id: last.id };
  }
}

/** Retired rooms are remembered this long (a Jitsi that enforces bookings refuses them meanwhile). */
export const RETIRED_ROOMS_DAYS = 30;

/** One sweep at `now`: the finished one-offs and the due series are worked on side by side. */
export async function sweep(now: Date, cleanupAfterHours: number, options: SweepOptions = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const [deleted, series] = await Promise.all([
    deleteFinished(now, sweepCutoff(now, cleanupAfterHours), batchSize),
    advanceSeries(now, cleanupAfterHours, batchSize, options),
  ]);
  const forgotten = new Date(now.getTime() - RETIRED_ROOMS_DAYS * 86_400_000);
  await retryWrite(() => db().$executeRaw`DELETE FROM retired_rooms WHERE retired_at < ${forgotten} LIMIT ${batchSize}`);
  return { ...series, deleted: deleted + series.deleted };
}

/** A program that swept once (npm run cleanup) lets its process end: the database pool is closed. */
export function endSweeping(): Promise<void> {
  return db().$disconnect();
}
