/**
 * What an organizer may ask for, validated the same way for the booking form and the API.
 *
 * API shape (the form is mapped onto it by ./booking-form.ts):
 *   { name, start, timeZone, durationMinutes?, repeat?: { every, unit, count } | null }
 * `start` is a wall-clock time "YYYY-MM-DDTHH:mm" in `timeZone`, an ISO instant with Z or an offset,
 * or "now". `count` is the number of meetings including the first.
 */
import { z } from "zod";
import { nominalEnd, REPEAT_UNITS } from "../time/recurrence";
import { wholeNumber } from "../whole-number";
import { canonicalTimeZone } from "../time/time-zones";
import { isRealLocal, resolveLocal, toLocal } from "../time/zoned";
import type { Schedule } from "./conference";
import { english } from "../i18n/translate";
import type { Translate } from "../i18n/translate";
import { cleanName, visibleLength } from "./name";
import { LIMITS, NAME_MAX_LENGTH } from "./limits";

/** The validation messages in one language (the texts live in messages/*.json). */
export function messagesFor(t: Translate) {
  return {
    nameMissing: t("errors.nameMissing"),
    nameTooLong: t("errors.nameTooLong", { max: NAME_MAX_LENGTH }),
    startMissing: t("errors.startMissing"),
    startInvalid: t("errors.startInvalid"),
    dateMissing: t("errors.dateMissing"),
    dateInvalid: t("errors.dateInvalid"),
    dateNonexistent: (date: string) => t("errors.dateNonexistent", { date }),
    timeMissing: t("errors.timeMissing"),
    timeInvalid: t("errors.timeInvalid"),
    startNonexistent: (zone: string) => t("errors.startNonexistent", { zone }),
    startPast: t("errors.startPast"),
    startTooFar: t("errors.startTooFar", { years: LIMITS.maxYearsAhead }),
    timeZoneInvalid: t("errors.timeZoneInvalid"),
    duration: t("errors.duration", { min: LIMITS.durationMinutes.min, max: LIMITS.durationMinutes.max }),
    every: t("errors.every", { min: LIMITS.every.min, max: LIMITS.every.max }),
    unit: t("errors.unit"),
    count: t("errors.count", { min: LIMITS.count.min, max: LIMITS.count.max }),
    seriesTooLong: t("errors.seriesTooLong", { years: LIMITS.maxSeriesYears }),
  };
}

export type Messages = ReturnType<typeof messagesFor>;
type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

const byTranslator = new WeakMap<Translate, Messages>();
export function messages(t: Translate = english): Messages {
  let found = byTranslator.get(t);
  if (!found) byTranslator.set(t, (found = messagesFor(t)));
  return found;
}

/** English messages, for tests and logs. */
export const MESSAGES = messages(english);

// The schema carries message keys; fieldErrors() turns them into sentences in the caller's language.
const M = Object.fromEntries(Object.keys(MESSAGES).map((key) => [key, key])) as { [K in MessageKey]: K };

export const nameSchema = z
  .string({ error: M.nameMissing })
  .transform(cleanName)
  .refine((name) => name.length > 0, { error: M.nameMissing })
  .refine((name) => visibleLength(name) <= NAME_MAX_LENGTH, { error: M.nameTooLong });

export const repeatSchema = z.object({
  every: wholeNumber(LIMITS.every.min, LIMITS.every.max, M.every),
  unit: z.enum(REPEAT_UNITS, { error: M.unit }),
  count: wholeNumber(LIMITS.count.min, LIMITS.count.max, M.count),
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const bookingSchema = z.object({
  name: nameSchema.meta({ description: "The conference's name (1-200 characters). Never stored: it only goes into the links." }),
  start: z
    .string({ error: M.startMissing })
    .trim()
    .refine((s) => s.length > 0, { error: M.startMissing })
    .refine((s) => s.length === 0 || s === "now" || INSTANT.test(s) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), { error: M.startInvalid })
    .meta({
      description:
        'Wall-clock time in timeZone ("2026-12-01T09:00"), an ISO instant with Z or an offset, or "now". Kept to the minute: an instant with seconds is rounded up to the next minute (a room never opens before the asked instant); "now" is the current minute, open at once.',
      examples: ["2026-12-01T09:00", "2026-12-01T08:00:00Z", "now"],
    }),
  timeZone: z
    .string({ error: M.timeZoneInvalid })
    .transform((zone, ctx) => canonicalTimeZone(zone) ?? (ctx.addIssue({ code: "custom", message: M.timeZoneInvalid }), z.NEVER))
    .meta({
      description: "The organizer's IANA time zone; repetitions keep their wall-clock time in it. Any letter case and the usual aliases are accepted and stored as the current IANA name.",
      examples: ["Europe/Berlin"],
    }),
  durationMinutes: wholeNumber(LIMITS.durationMinutes.min, LIMITS.durationMinutes.max, M.duration).default(
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

export function fieldErrors(error: z.ZodError, t: Translate = english): FieldErrors {
  const texts = messages(t) as Record<string, unknown>;
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    const text = texts[issue.message];
    (errors[key] ??= []).push(typeof text === "string" ? text : issue.message);
  }
  return errors;
}

export interface ValidateOptions {
  now: Date;
  /** The language of the messages (English when not given). */
  t?: Translate;
  /** A start equal to this instant is accepted even if it has passed (an edit that keeps the start). */
  unchangedStart?: Date;
}

/** Validates input from the form or the API and resolves its start; never throws on bad input. */
export function validateBooking(input: unknown, { now, unchangedStart, t = english }: ValidateOptions): Validation<Booking> {
  const say = messages(t);
  const parsed = bookingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, t) };
  const value: ParsedBooking = parsed.data;

  const start: string = value.start;
  let startsAt: Date;
  if (start === "now") {
    startsAt = now;
  } else if (INSTANT.test(start)) {
    startsAt = new Date(start);
    if (Number.isNaN(startsAt.getTime()) || !isRealLocal(start.slice(0, 16))) {
      return { ok: false, errors: { start: [say.startInvalid] } };
    }
  } else {
    if (!isRealLocal(start)) return { ok: false, errors: { start: [say.dateNonexistent(start.slice(0, 10))] } };
    const resolved = resolveLocal(start, value.timeZone);
    if (resolved.shifted) return { ok: false, errors: { start: [say.startNonexistent(value.timeZone)] } };
    startsAt = resolved.instant;
  }

  // Planado schedules to the minute (the form has no seconds, and an edit that keeps the start must
  // find it unchanged). A start is never moved earlier than asked: seconds round up to the next
  // minute. Only "now" rounds down, so that it is open at once.
  const minute = (ms: number) => (start === "now" ? Math.floor(ms / 60_000) : Math.ceil(ms / 60_000)) * 60_000;
  startsAt = new Date(minute(startsAt.getTime()));

  const unchanged = unchangedStart !== undefined && unchangedStart.getTime() === startsAt.getTime();
  if (!unchanged && startsAt.getTime() < now.getTime() - LIMITS.pastToleranceSeconds * 1000) {
    return { ok: false, errors: { start: [say.startPast] } };
  }
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + LIMITS.maxYearsAhead);
  if (startsAt > latest) return { ok: false, errors: { start: [say.startTooFar] } };

  const localStart = toLocal(startsAt, value.timeZone);
  if (value.repeat) {
    const end = nominalEnd(localStart, value.repeat, value.repeat.count);
    const limit = nominalEnd(localStart, { every: LIMITS.maxSeriesYears, unit: "year" }, 2);
    if (end > limit) return { ok: false, errors: { "repeat.count": [say.seriesTooLong] } };
  }

  return {
    ok: true,
    value: {
      name: value.name,
      startsAt,
      localStart,
      timeZone: value.timeZone,
      durationMinutes: value.durationMinutes,
      repeat: value.repeat ? { every: value.repeat.every, unit: value.repeat.unit } : null,
      remainingOccurrences: value.repeat ? value.repeat.count - 1 : 0,
    },
  };
}
