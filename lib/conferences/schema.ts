/**
 * What an organizer may ask for, validated the same way for the booking form and the API.
 *
 * API shape (the form is mapped onto it by ./booking-form.ts):
 *   { name, start, timeZone, durationMinutes?, repeat?: { every, unit, count } | null }
 * `start` is a wall-clock time "YYYY-MM-DDTHH:mm" in `timeZone`, an ISO instant with Z or an offset,
 * or "now". `count` is the number of meetings including the first.
 */
import "server-only";
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

/** The validation texts in one language (the texts live in messages/*.json). */
function textsIn(t: Translate) {
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

export type ValidationTexts = ReturnType<typeof textsIn>;
type TextKey = { [K in keyof ValidationTexts]: ValidationTexts[K] extends string ? K : never }[keyof ValidationTexts];

const byTranslator = new WeakMap<Translate, ValidationTexts>();
export function validationTexts(t: Translate = english): ValidationTexts {
  let found = byTranslator.get(t);
  if (!found) byTranslator.set(t, (found = textsIn(t)));
  return found;
}

/** The validation texts in English, for tests and logs. */
export const ENGLISH_TEXTS = validationTexts(english);

// The schema carries text keys; fieldErrors() turns them into sentences in the caller's language.
const KEY = Object.fromEntries(Object.keys(ENGLISH_TEXTS).map((key) => [key, key])) as { [K in TextKey]: K };

export const nameSchema = z
  .string({ error: KEY.nameMissing })
  .transform(cleanName)
  .refine((name) => name.length > 0, { error: KEY.nameMissing })
  .refine((name) => visibleLength(name) <= NAME_MAX_LENGTH, { error: KEY.nameTooLong });

export const repeatSchema = z.object({
  every: wholeNumber(LIMITS.every.min, LIMITS.every.max, KEY.every),
  unit: z.enum(REPEAT_UNITS, { error: KEY.unit }),
  count: wholeNumber(LIMITS.count.min, LIMITS.count.max, KEY.count),
});

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

export const bookingSchema = z.object({
  name: nameSchema.meta({ description: "The conference's name (1-200 characters). Never stored: it only goes into the links." }),
  start: z
    .string({ error: KEY.startMissing })
    .trim()
    .refine((s) => s.length > 0, { error: KEY.startMissing })
    .refine((s) => s.length === 0 || s === "now" || INSTANT.test(s) || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s), { error: KEY.startInvalid })
    .meta({
      description:
        'Wall-clock time in timeZone ("2026-12-01T09:00"), an ISO instant with Z or an offset, or "now". Kept to the minute: an instant with seconds is rounded up to the next minute (a room never opens before the asked instant); "now" is the current minute, open at once.',
      examples: ["2026-12-01T09:00", "2026-12-01T08:00:00Z", "now"],
    }),
  timeZone: z
    .string({ error: KEY.timeZoneInvalid })
    .transform((zone, ctx) => canonicalTimeZone(zone) ?? (ctx.addIssue({ code: "custom", message: KEY.timeZoneInvalid }), z.NEVER))
    .meta({
      description:
        "The organizer's IANA time zone; repetitions keep their wall-clock time in it. Any letter case and the usual aliases are accepted and stored as the current IANA name.",
      examples: ["Europe/Berlin"],
    }),
  durationMinutes: wholeNumber(LIMITS.durationMinutes.min, LIMITS.durationMinutes.max, KEY.duration).default(LIMITS.durationMinutes.default),
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

export type Validation<T> = { status: "valid"; value: T } | { status: "invalid"; errors: FieldErrors };

export function fieldErrors(error: z.ZodError, t: Translate = english): FieldErrors {
  const texts = validationTexts(t) as Record<string, unknown>;
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
  const say = validationTexts(t);
  const parsed = bookingSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error, t) };
  const value: ParsedBooking = parsed.data;

  const start: string = value.start;
  let startsAt: Date;
  if (start === "now") {
    startsAt = now;
  } else if (INSTANT.test(start)) {
    startsAt = new Date(start);
    if (Number.isNaN(startsAt.getTime()) || !isRealLocal(start.slice(0, 16))) {
      return { status: "invalid", errors: { start: [say.startInvalid] } };
    }
  } else {
    if (!isRealLocal(start)) return { status: "invalid", errors: { start: [say.dateNonexistent(start.slice(0, 10))] } };
    const resolved = resolveLocal(start, value.timeZone);
    if (resolved.shifted) return { status: "invalid", errors: { start: [say.startNonexistent(value.timeZone)] } };
    startsAt = resolved.instant;
  }

  // Planado schedules to the minute (the form has no seconds, and an edit that keeps the start must
  // find it unchanged). A start is never moved earlier than asked: seconds round up to the next
  // minute. Only "now" rounds down, so that it is open at once.
  const minute = (ms: number) => (start === "now" ? Math.floor(ms / 60_000) : Math.ceil(ms / 60_000)) * 60_000;
  startsAt = new Date(minute(startsAt.getTime()));

  const unchanged = unchangedStart !== undefined && unchangedStart.getTime() === startsAt.getTime();
  if (!unchanged && startsAt.getTime() < now.getTime() - LIMITS.pastToleranceSeconds * 1000) {
    return { status: "invalid", errors: { start: [say.startPast] } };
  }
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + LIMITS.maxYearsAhead);
  if (startsAt > latest) return { status: "invalid", errors: { start: [say.startTooFar] } };

  const localStart = toLocal(startsAt, value.timeZone);
  if (value.repeat) {
    const end = nominalEnd(localStart, value.repeat, value.repeat.count);
    const limit = nominalEnd(localStart, { every: LIMITS.maxSeriesYears, unit: "year" }, 2);
    if (end > limit) return { status: "invalid", errors: { "repeat.count": [say.seriesTooLong] } };
  }

  return {
    status: "valid",
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

/** An API edit (PATCH): any of the booking fields; the others keep their current values (see mergeChanges). */
export const changesSchema = z.object({
  name: nameSchema.optional().meta({ description: "Only used to build the links in the answer." }),
  start: z.string().optional(),
  timeZone: z.string().optional(),
  durationMinutes: z.number().int().optional(),
  repeat: repeatSchema.nullable().optional(),
});

/**
 * An API edit as a whole booking: the fields sent over the conference's current ones (a new zone alone
 * keeps the wall-clock start; a series keeps the meetings it has left). A name that was not sent is
 * not changed (it is not stored: a stand-in that always passes fills its place).
 */
export function mergeChanges(current: Schedule, changes: Record<string, unknown>, t: Translate = english): Record<string, unknown> {
  return {
    name: "name" in changes ? changes.name : t("form.instantName"),
    start: changes.start ?? current.localStart,
    timeZone: changes.timeZone ?? current.timeZone,
    durationMinutes: changes.durationMinutes ?? current.durationMinutes,
    repeat: changes.repeat === undefined ? current.repeat && { ...current.repeat, count: current.remainingOccurrences + 1 } : changes.repeat,
  };
}
