/**
 * Wall-clock times in IANA time zones and the instants they stand for. Luxon does the zone
 * arithmetic; this module only decides the rules Planado follows (the same as RFC 5545, so the
 * calendar files agree):
 *  - a wall-clock time that does not exist (a daylight-saving gap) is refused when a person types it,
 *    and moved forward by the length of the gap when a recurrence lands on it;
 *  - a wall-clock time that exists twice (the hour repeated when clocks go back) means the first one.
 * Zones come in canonical (./time-zones.ts): this module never sees a name a visitor spelled.
 */
import { DateTime } from "luxon";

/** Wall-clock date and time without a zone: "YYYY-MM-DDTHH:mm". */
export type LocalDateTime = string;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function localParts(local: LocalDateTime): LocalParts {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatLocal({ year, month, day, hour, minute }: LocalParts): LocalDateTime {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** Whether the calendar has this day (no 30 February) and the clock this time. */
export function isRealLocal(local: string): boolean {
  if (!LOCAL_PATTERN.test(local)) return false;
  const p = localParts(local);
  return p.hour < 24 && p.minute < 60 && DateTime.fromObject(p, { zone: "utc" }).isValid;
}

/**
 * The instant of a wall-clock time in a zone. `shifted` says the time fell in a daylight-saving gap
 * and was moved forward; an ambiguous time resolves to its first occurrence.
 */
export function resolveLocal(local: LocalDateTime, zone: string): { instant: Date; shifted: boolean } {
  const parts = localParts(local);
  const dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid) throw new RangeError(`Cannot resolve ${local} in ${zone}: ${dt.invalidExplanation}`);
  if (dt.hour !== parts.hour || dt.minute !== parts.minute || dt.day !== parts.day) {
    // In a gap, Luxon moves the time forward by the gap's length (RFC 5545 3.3.5).
    return { instant: dt.toJSDate(), shifted: true };
  }
  const first = dt.getPossibleOffsets().reduce((a, b) => (a.toMillis() <= b.toMillis() ? a : b), dt);
  return { instant: first.toJSDate(), shifted: false };
}

/** The wall-clock time of an instant in a zone. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  return formatLocal({ year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute });
}

// The database keeps wall-clock times in DATETIME columns, which have no zone; Prisma reads and writes
// them as UTC, so a wall-clock time travels as the Date whose UTC fields are that wall clock.
export function localToDate(local: LocalDateTime): Date {
  return new Date(`${local}:00Z`);
}

export function dateToLocal(date: Date): LocalDateTime {
  return date.toISOString().slice(0, 16);
}
