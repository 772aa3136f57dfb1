/**
 * Recurring conferences: every N days, weeks, months or years, at the same wall-clock time in the
 * organizer's zone, for a number of occurrences. The rule is RFC 5545's, so the RRULE in a calendar
 * file describes exactly the meetings Planado opens:
 *  - days and weeks keep the time of day across daylight-saving changes;
 *  - a monthly series on the 29th-31st skips the months without that day, and a yearly series on
 *    29 February happens in leap years only (RFC 5545: invalid dates are ignored, not moved).
 * Steps are counted from the series' first wall-clock start, never from a moved instance.
 */
import { DateTime } from "luxon";
import { formatLocal, localParts, resolveLocal } from "./zoned";
import type { LocalDateTime } from "./zoned";

export const REPEAT_UNITS = ["day", "week", "month", "year"] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];

export interface Repeat {
  every: number;
  unit: RepeatUnit;
}

/** The wall-clock time `steps` intervals after `start`, or undefined when that date does not exist. */
export function stepLocal(start: LocalDateTime, repeat: Repeat, steps: number): LocalDateTime | undefined {
  const p = localParts(start);
  const base = DateTime.fromObject(p, { zone: "utc" });
  const n = repeat.every * steps;
  switch (repeat.unit) {
    case "day":
      return formatLocal({ ...p, ...pick(base.plus({ days: n })) });
    case "week":
      return formatLocal({ ...p, ...pick(base.plus({ weeks: n })) });
    case "month": {
      const months = p.month - 1 + n;
      const year = p.year + Math.floor(months / 12);
      const month = (months % 12) + 1;
      return existing({ ...p, year, month });
    }
    case "year":
      return existing({ ...p, year: p.year + n });
  }
}

function pick(dt: DateTime) {
  return { year: dt.year, month: dt.month, day: dt.day };
}

function existing(p: { year: number; month: number; day: number; hour: number; minute: number }) {
  return DateTime.fromObject(p, { zone: "utc" }).isValid ? formatLocal(p) : undefined;
}

export interface Occurrence {
  local: LocalDateTime;
  instant: Date;
}

/**
 * The occurrences after `start` (exclusive), in order, at most `limit` of them. Skipped dates do not
 * count: the series has as many meetings as its count says.
 */
export function* occurrencesAfter(start: LocalDateTime, zone: string, repeat: Repeat, limit: number): Generator<Occurrence> {
  let found = 0;
  // A monthly series on the 31st finds a date at least every 2 months in 12; a leap day every 8 years.
  const maxMisses = 8 * 12;
  for (let step = 1, misses = 0; found < limit && misses <= maxMisses; step++) {
    const local = stepLocal(start, repeat, step);
    if (!local) {
      misses++;
      continue;
    }
    misses = 0;
    found++;
    yield { local, instant: resolveLocal(local, zone).instant };
  }
}

/** The first occurrence after `start`, if the series has another. */
export function nextOccurrence(start: LocalDateTime, zone: string, repeat: Repeat): Occurrence | undefined {
  return occurrencesAfter(start, zone, repeat, 1).next().value ?? undefined;
}

/**
 * When a series' last meeting would be by the calendar alone (count meetings, every N units, no
 * dates skipped): for limiting how long a series may live.
 */
export function nominalEnd(start: LocalDateTime, repeat: Repeat, count: number): LocalDateTime {
  const dt = DateTime.fromObject(localParts(start), { zone: "utc" }).plus({ [`${repeat.unit}s`]: repeat.every * (count - 1) });
  return formatLocal({ year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute });
}
