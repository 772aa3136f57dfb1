/**
 * What the cleanup sweep does with one conference, decided without the database: a conference whose
 * start is CLEANUP_AFTER_HOURS in the past is over. A one-off conference, or the last meeting of a
 * series, is deleted; otherwise the conference moves to its next meeting that is not over yet (in its
 * own zone, by the same rule as the calendar's RRULE), skipping every meeting missed while the server
 * was down, and is deleted if none is left.
 */
import { occurrencesAfter } from "../time/recurrence";
import type { Repeat } from "../time/recurrence";
import type { LocalDateTime } from "../time/zoned";

export interface DueConference {
  startsAt: Date;
  localStart: LocalDateTime;
  timeZone: string;
  repeat: Repeat | null;
  remainingOccurrences: number;
}

export type SweepPlan =
  { action: "keep" } | { action: "delete" } | { action: "roll"; startsAt: Date; localStart: LocalDateTime; remainingOccurrences: number; skipped: number };

/** The moment before which every start is over: now less the cleanup threshold. */
export function sweepCutoff(now: Date, cleanupAfterHours: number): Date {
  return new Date(now.getTime() - cleanupAfterHours * 3_600_000);
}

export function planSweep(c: DueConference, now: Date, cleanupAfterHours: number): SweepPlan {
  const cutoff = sweepCutoff(now, cleanupAfterHours);
  if (c.startsAt > cutoff) return { action: "keep" };
  if (!c.repeat || c.remainingOccurrences <= 0) return { action: "delete" };
  let used = 0;
  for (const next of occurrencesAfter(c.localStart, c.timeZone, c.repeat, c.remainingOccurrences)) {
    used++;
    if (next.instant > cutoff) {
      return { action: "roll", startsAt: next.instant, localStart: next.local, remainingOccurrences: c.remainingOccurrences - used, skipped: used - 1 };
    }
  }
  return { action: "delete" };
}
