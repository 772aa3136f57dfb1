/**
 * What an organizer may ask for, validated the same way for the booking form and the API.
 *
 * API shape (the form is mapped onto it by ./booking-form.ts):
 *   { name, start, timeZone, durationMinutes?, repeat?: { every, unit, count } | null }
 * `start` is a wall-clock time "YYYY-MM-DDTHH:mm" in `timeZone`, an ISO instant with Z or an offset,
 * or "now". `count` is the number of meetings including the first.
 */
import { z } from "zod";
import { REPEAT_UNITS } from "../time/recurrence";
import { wholeNumber } from "../whole-number";
import { isRealLocal, isValidTimeZone, resolveLocal, toLocal } from "../time/zoned";
import type { Schedule } from "./conference";
import { cleanName, NAME_MAX_LENGTH, visibleLength } from "./name";

export const LIMITS = {
  durationMinutes: { min: 5, max: 24 * 60, default: 60 },
  every: { min: 1, max: 99 },
  count: { min: 2, max: 500 },
  /** A start this far in the past still counts as "now" (the organizer typed the current minute). */
  pastToleranceSeconds: 60,
  /** How far ahead a conference may start. */
  maxYearsAhead: 10,
} as const;

export const MESSAGES = {
  nameMissing: "Enter a name for the conference.",
  nameTooLong: `Use at most ${NAME_MAX_LENGTH} characters for the name.`,
  startMissing: "Enter the date and time the conference starts.",
  startInvalid: "Enter the date as YYYY-MM-DD and the time as HH:MM (24-hour clock).",
  dateMissing: "Enter the date the conference starts.",
  dateInvalid: "Enter the date as YYYY-MM-DD, for example 2026-12-01.",
  dateNonexistent: (date: string) => `${date} is not a date in the calendar.`,
  timeMissing: "Enter the time the conference starts.",
  timeInvalid: "Enter the time as HH:MM on a 24-hour clock, for example 09:30.",
  startNonexistent: (zone: string) =>
    `That time does not exist in ${zone}: the clocks skip it for daylight saving time. Choose another time.`,
  startPast: "That time has already passed. Choose a time in the future, or open a room now.",
  startTooFar: `Choose a start within the next ${LIMITS.maxYearsAhead} years.`,
  timeZoneInvalid: "Choose a time zone from the list.",
  duration: `Enter a duration from ${LIMITS.durationMinutes.min} to ${LIMITS.durationMinutes.max} minutes.`,
  every: `Enter how often it repeats: every ${LIMITS.every.min} to ${LIMITS.every.max}.`,
  unit: "Choose days, weeks, months or years.",
  count: `Enter the number of meetings, from ${LIMITS.count.min} to ${LIMITS.count.max}.`,
} as const;

export const nameSchema = z
  .string({ error: MESSAGES.nameMissing })
  .transform(cleanName)
  .refine((name) => name.length > 0, { error: MESSAGES.nameMissing })
  .refine((name) => visibleLength(name) <= NAME_MAX_LENGTH, { error: MESSAGES.nameTooLong });

export const repeatSchema = z.object({
  every: wholeNumber(LIMITS.every.min, LIMITS.every.max, MESSAGES.every),
  unit: z.enum(REPEAT_UNITS, { error: MESSAGES.unit }),
  count: wholeNumber(LIMITS.count.min, LIMITS.count.max, MESSAGES.count),
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const bookingSchema = z.object({
  name: nameSchema.meta({ description: "The conference's name (1-200 characters). Never stored: it only goes into the links." }),
  start: z
    .string({ error: MESSAGES.startMissing })
    .trim()
    .refine((s) => s.length > 0, { error: MESSAGES.startMissing })
    .refine((s) => s.length === 0 || s === "now" || INSTANT.test(s) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), { error: MESSAGES.startInvalid })
    .meta({
      description: 'Wall-clock time in timeZone ("2026-12-01T09:00"), an ISO instant with Z or an offset, or "now". Kept to the minute.',
      examples: ["2026-12-01T09:00", "2026-12-01T08:00:00Z", "now"],
    }),
  timeZone: z
    .string({ error: MESSAGES.timeZoneInvalid })
    .trim()
    .refine(isValidTimeZone, { error: MESSAGES.timeZoneInvalid })
    .meta({ description: "The organizer's IANA time zone; repetitions keep their wall-clock time in it.", examples: ["Europe/Berlin"] }),
  durationMinutes: wholeNumber(LIMITS.durationMinutes.min, LIMITS.durationMinutes.max, MESSAGES.duration).default(
    LIMITS.durationMinutes.default,
  ),
  repeat: repeatSchema
    .nullish()
    .transform((r) => r ?? null)
    .meta({ description: "How the conference repeats; omit or null for a one-off. count includes the first meeting." }),
});

export type BookingInput = z.input<typeof bookingSchema>;
type ParsedBooking = z.output<typeof bookingSchema>;

/** A booking ready to store: the start resolved against the clock and the zone, and the name. */
export interface Booking extends Schedule {
  name: string;
}

/** Field paths as the API reports them: "name", "start", "repeat.count" … */
export type FieldErrors = Record<string, string[]>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

export interface ValidateOptions {
  now: Date;
  /** A start equal to this instant is accepted even if it has passed (an edit that keeps the start). */
  unchangedStart?: Date;
}

/** Validates input from the form or the API and resolves its start; never throws on bad input. */
export function validateBooking(input: unknown, { now, unchangedStart }: ValidateOptions): Validation<Booking> {
  const parsed = bookingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const value: ParsedBooking = parsed.data;

  const start: string = value.start;
  let startsAt: Date;
  if (start === "now") {
    startsAt = now;
  } else if (INSTANT.test(start)) {
    startsAt = new Date(start);
    if (Number.isNaN(startsAt.getTime()) || !isRealLocal(start.slice(0, 16))) {
      return { ok: false, errors: { start: [MESSAGES.startInvalid] } };
    }
  } else {
    if (!isRealLocal(start)) return { ok: false, errors: { start: [MESSAGES.dateNonexistent(start.slice(0, 10))] } };
    const resolved = resolveLocal(start, value.timeZone);
    if (resolved.shifted) return { ok: false, errors: { start: [MESSAGES.startNonexistent(value.timeZone)] } };
    startsAt = resolved.instant;
  }

  // Planado schedules to the minute (the form has no seconds): an edit that keeps the start must
  // find it unchanged, and "now" is already open.
  startsAt = new Date(Math.floor(startsAt.getTime() / 60_000) * 60_000);

  const unchanged = unchangedStart !== undefined && unchangedStart.getTime() === startsAt.getTime();
  if (!unchanged && startsAt.getTime() < now.getTime() - LIMITS.pastToleranceSeconds * 1000) {
    return { ok: false, errors: { start: [MESSAGES.startPast] } };
  }
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + LIMITS.maxYearsAhead);
  if (startsAt > latest) return { ok: false, errors: { start: [MESSAGES.startTooFar] } };

  return {
    ok: true,
    value: {
      name: value.name,
      startsAt,
      localStart: toLocal(startsAt, value.timeZone),
      timeZone: value.timeZone,
      durationMinutes: value.durationMinutes,
      repeat: value.repeat ? { every: value.repeat.every, unit: value.repeat.unit } : null,
      remainingOccurrences: value.repeat ? value.repeat.count - 1 : 0,
    },
  };
}
