/**
 * The booking and edit forms, mapped onto the one booking schema (./schema.ts) that the API uses too.
 * The form splits the start into date and time and offers repetition presets; errors come back keyed
 * by the form's own field names so each sits next to its field.
 */
import type { Repeat } from "../time/recurrence";
import { isRealLocal } from "../time/zoned";
import { english } from "../i18n/translate";
import { LIMITS } from "./limits";
import { validateBooking, validationTexts } from "./schema";
import type { Booking, BookingInput, FieldErrors, ValidateOptions, Validation } from "./schema";

export const FORM_FIELDS = ["name", "date", "time", "timeZone", "durationMinutes", "repeat", "repeatEvery", "repeatUnit", "occurrences"] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type BookingFormValues = Record<FormField, string>;

export const REPEAT_PRESETS = {
  none: null,
  daily: { every: 1, unit: "day" },
  weekly: { every: 1, unit: "week" },
  biweekly: { every: 2, unit: "week" },
  fourweekly: { every: 4, unit: "week" },
  monthly: { every: 1, unit: "month" },
  yearly: { every: 1, unit: "year" },
  custom: null,
} as const satisfies Record<string, Repeat | null>;
export type RepeatPreset = keyof typeof REPEAT_PRESETS;

/** The name of an instant conference whose organizer gave none. */
export const INSTANT_CONFERENCE_NAME = english("form.instantName");
export const DEFAULT_OCCURRENCES = "4";

/** The preset that describes a repetition, for filling the edit form. */
export function presetOf(repeat: Repeat | null): RepeatPreset {
  if (!repeat) return "none";
  const found = (Object.keys(REPEAT_PRESETS) as RepeatPreset[]).find((key) => {
    const preset = REPEAT_PRESETS[key];
    return preset !== null && preset.every === repeat.every && preset.unit === repeat.unit;
  });
  return found ?? "custom";
}

/** Reads the form's fields as strings (missing fields are empty). */
export function readBookingForm(form: { get(name: string): unknown }): BookingFormValues {
  const values = {} as BookingFormValues;
  for (const field of FORM_FIELDS) {
    const value = form.get(field);
    values[field] = typeof value === "string" ? value : "";
  }
  return values;
}

// Where the schema's paths are shown on the form.
const FIELD_OF_PATH: Record<string, FormField | "when"> = {
  name: "name",
  start: "when",
  timeZone: "timeZone",
  durationMinutes: "durationMinutes",
  "repeat.every": "repeatEvery",
  "repeat.unit": "repeatUnit",
  "repeat.count": "occurrences",
};

function toFormErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    (out[FIELD_OF_PATH[path] ?? "form"] ??= []).push(...messages);
  }
  return out;
}

function repeatOf(values: BookingFormValues): BookingInput["repeat"] | "invalid" {
  const preset = (values.repeat || "none") as RepeatPreset;
  if (!Object.hasOwn(REPEAT_PRESETS, preset)) return "invalid";
  if (preset === "none") return null;
  const rule = preset === "custom" ? { every: values.repeatEvery, unit: values.repeatUnit } : REPEAT_PRESETS[preset];
  return { ...rule, count: values.occurrences } as unknown as BookingInput["repeat"];
}

/**
 * Validates the form. `intent: "now"` books an instant conference: only the name (optional) and the
 * zone count, everything else is ignored.
 */
export function validateBookingForm(values: BookingFormValues, options: ValidateOptions & { intent?: "book" | "now" }): Validation<Booking> {
  const t = options.t ?? english;
  const say = validationTexts(t);
  if (options.intent === "now") {
    const result = validateBooking(
      { name: values.name.trim() || t("form.instantName"), start: "now", timeZone: values.timeZone, durationMinutes: LIMITS.durationMinutes.default },
      options,
    );
    return result.status === "valid" ? result : { status: "invalid", errors: toFormErrors(result.errors) };
  }

  const errors: FieldErrors = {};
  const date = values.date.trim();
  const time = values.time.trim();
  if (!date) errors.date = [say.dateMissing];
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = [say.dateInvalid];
  else if (!isRealLocal(`${date}T00:00`)) errors.date = [say.dateNonexistent(date)];
  if (!time) errors.time = [say.timeMissing];
  else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.time = [say.timeInvalid];

  const repeat = repeatOf(values);
  const input = {
    name: values.name,
    // With a bad date or time, validate everything else anyway so every error shows at once.
    start: errors.date || errors.time ? "now" : `${date}T${time}`,
    timeZone: values.timeZone,
    durationMinutes: values.durationMinutes || undefined,
    repeat: repeat === "invalid" ? null : repeat,
  };
  if (repeat === "invalid") errors.repeat = [say.unit];

  const result = validateBooking(input, options);
  if (result.status === "invalid") {
    const mapped = toFormErrors(result.errors);
    if (errors.date || errors.time) delete mapped.when;
    Object.assign(errors, mapped);
  }
  if (Object.keys(errors).length > 0 || result.status === "invalid") return { status: "invalid", errors };
  return result;
}
