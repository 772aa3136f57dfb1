/**
 * Words for a conference: when it starts, how it repeats, the invitation text to copy or e-mail.
 * Pure functions of their arguments (the language included), so pages, e-mails and tests say exactly
 * the same thing.
 */
import type { Repeat } from "../time/recurrence";
import { intlLocale } from "../i18n/locales";
import { ENGLISH } from "../i18n/translate";
import type { Wording } from "../i18n/translate";

// Building a DateTimeFormat costs far more than using one (ICU loads the zone): keep one per
// language and zone. Zones are canonical (lib/time/time-zones.ts), so there are at most a few
// thousand; the bound holds anyway, whatever a caller passes.
const formatters = new Map<string, Intl.DateTimeFormat>();
export const MAX_FORMATTERS = 5_000;

/** How a start is written (the wait page's script writes it in the visitor's zone the same way). */
export const START_FORMAT = {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
} as const satisfies Intl.DateTimeFormatOptions;

/** "Tuesday, 1 December 2026 at 09:00" (or "Dienstag, 1. Dezember 2026 um 09:00") in the given zone. */
export function formatStart(instant: Date, timeZone: string, { locale }: Wording = ENGLISH): string {
  const key = `${locale} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, ...START_FORMAT, hourCycle: "h23" });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!);
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

/** A zone's name as people read it: "America/New York". */
export function zoneLabel(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}

/** "Tuesday, 1 December 2026 at 09:00 (Europe/Berlin)". */
export function formatStartWithZone(instant: Date, timeZone: string, wording: Wording = ENGLISH): string {
  return `${formatStart(instant, timeZone, wording)} (${zoneLabel(timeZone)})`;
}

/** "every week", "every 2 weeks", "every day" … */
export function describeInterval(repeat: Repeat, { t }: Wording = ENGLISH): string {
  return t("describe.interval", { unit: repeat.unit, every: repeat.every });
}

/** "Does not repeat" or "Every 2 weeks: this meeting and 3 more". */
export function describeRepeat(repeat: Repeat | null, remainingOccurrences: number, wording: Wording = ENGLISH): string {
  const { t, locale } = wording;
  if (!repeat) return t("describe.noRepeat");
  const text = describeInterval(repeat, wording);
  const interval = text.charAt(0).toLocaleUpperCase(intlLocale(locale)) + text.slice(1);
  if (remainingOccurrences === 0) return t("describe.repeatLast", { interval });
  return t("describe.repeatMore", { interval, remaining: remainingOccurrences });
}

export interface InvitationDetails {
  name: string;
  when: string;
  /** The repetition in words, or null when the conference does not repeat. */
  repeat: string | null;
  invitationUrl: string;
  calendarUrl: string;
  subscriptionUrl: string;
}

/** The text participants receive, by copy and paste or e-mail. */
export function invitationText(d: InvitationDetails, { t }: Wording = ENGLISH): string {
  return [
    t("describe.invitedTo", { name: d.name }),
    "",
    t("describe.when", { when: d.when }),
    ...(d.repeat ? [t("describe.repeats", { repeat: d.repeat })] : []),
    t("describe.join", { url: d.invitationUrl }),
    t("describe.calendar", { url: d.calendarUrl }),
    t("describe.subscribe", { url: d.subscriptionUrl }),
    "",
    t("describe.footer"),
  ].join("\n");
}

/** A mailto: link with subject and body filled in; the recipients are left to the sender. */
export function mailtoLink(name: string, text: string, { t }: Wording = ENGLISH): string {
  return `mailto:?subject=${encodeURIComponent(t("describe.subject", { name }))}&body=${encodeURIComponent(text.replaceAll("\n", "\r\n"))}`;
}

/** How many formatters are kept (for tests). */
export function formatterCount(): number {
  return formatters.size;
}
