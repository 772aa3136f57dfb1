import { z } from "zod";

/** A whole number from `min` to `max` (strings from forms and the environment are read as numbers). */
export function wholeNumber(min: number, max: number, message = `must be a whole number from ${min} to ${max}`) {
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}
