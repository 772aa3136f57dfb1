/**
 * What an organizer may ask for, in numbers: the limits the schema (./schema.ts) enforces and the
 * booking form (app/_components/schedule-form.tsx) offers. Plain constants without imports, so the
 * form can use them without bringing the schema, zod or the messages to the browser.
 */

/** The longest name, in characters as a person counts them (see ./name.ts). */
export const NAME_MAX_LENGTH = 200;

export const LIMITS = {
  durationMinutes: { min: 5, max: 24 * 60, default: 60 },
  every: { min: 1, max: 99 },
  count: { min: 2, max: 500 },
  /** A start this far in the past still counts as "now" (the organizer typed the current minute). */
  pastToleranceSeconds: 60,
  /** How far ahead a conference may start. */
  maxYearsAhead: 10,
  /** How long a series may run, from its first meeting to its last. */
  maxSeriesYears: 10,
} as const;
