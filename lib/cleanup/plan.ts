/**
 * What the cleanup sweep does with one conference, decided without the database: a conference that
 * started at or before the sweep's cutoff (CLEANUP_AFTER_HOURS ago, on every deployment: why, in
 * lib/conferences/meeting-phase.ts) is swept. A one-off conference, or the last meeting of a series,
 * is deleted; otherwise the conference moves to its next meeting that is not past the cutoff (in its
 * own zone, by the same rule as the calendar's RRULE), skipping every meeting missed while the server
 * was down, and is deleted if none is left.
 */
import { occurrencesAfter } from "../time/recurrence";
import type { Repeat } from "../time/recurrence";
import type { LocalDateTime } from "../time/zoned";
import { sweepCutoff } from "../conferences/meeting-phase";

export interface DueConference {
  startsAt: Date;
  localStart: LocalDateTime;
  timeZone: string;
  repeat: Repeat | null;
  remainingOccurrences: number;
}

export type SweepPlan =
  { action: "keep" } | { action: "delete" } | { action: "roll"; startsAt: Date; localStart: LocalDateTime; remainingOccurrences: number; skipped: number };

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
