/**
 * How a schedule is kept in a conference's row, both ways (pure: the store and the sweep write and
 * read rows with it).
 */
import type { Conference as ConferenceRow } from "../generated/prisma/client";
import { canonicalTimeZone } from "../time/time-zones";
import { dateToLocal, localToDate } from "../time/zoned";
import type { Schedule } from "./conference";

/** The columns a schedule is stored in. */
export type ScheduleColumns = Pick<
  ConferenceRow,
  "startsAt" | "localStart" | "timeZone" | "durationMinutes" | "repeatEvery" | "repeatUnit" | "remainingOccurrences"
>;

/** A stored schedule as the domain reads it (read by the sweep too). */
export function scheduleOf(row: ScheduleColumns): Schedule {
  return {
    startsAt: row.startsAt,
    localStart: dateToLocal(row.localStart),
    // Rows are written canonical; a spelling from before that rule still reads as its zone.
    timeZone: canonicalTimeZone(row.timeZone) ?? row.timeZone,
    durationMinutes: row.durationMinutes,
    repeat: row.repeatEvery !== null && row.repeatUnit !== null ? { every: row.repeatEvery, unit: row.repeatUnit } : null,
    remainingOccurrences: row.remainingOccurrences,
  };
}

/** A schedule as its columns are written. */
export function scheduleColumns(schedule: Schedule) {
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
