/**
 * "Add event" links for the web calendars people live in (Google Calendar, Outlook.com, Microsoft 365),
 * for those who cannot import a file or subscribe (Android's Google Calendar app does neither).
 *
 * Hand-written rather than a library's: each template is a handful of query parameters, and what
 * matters (wall-clock times in the organizer's zone, the same RRULE as the calendar file) is ours
 * already. URLSearchParams encodes every value, so no name can add or change a parameter.
 */
import type { Translate } from "../i18n/translate";
import { toLocal } from "../time/zoned";
import { describeEvent, recurrenceRule } from "./build";
import type { CalendarEvent } from "./event";

export interface WebCalendarLinks {
  google: string;
  /**
   * Outlook's compose links take one meeting and no recurrence: they are offered for single meetings
   * only. A series would arrive as its first meeting alone; Outlook subscribes to the feed instead.
   */
  outlook?: string;
  office?: string;
}

export const GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render";
export const OUTLOOK_COM = "https://outlook.live.com/calendar/0/deeplink/compose";
export const MICROSOFT_365 = "https://outlook.office.com/calendar/0/deeplink/compose";

/** "20261201T090000": a wall-clock time, read in the zone given beside it (Google's `ctz`). */
function googleLocal(instant: Date, zone: string): string {
  return `${toLocal(instant, zone).replace(/[-:]/g, "")}00`;
}

/** "2026-12-01T08:00:00Z": Outlook reads a time with Z as UTC and shows it in the user's zone. */
function utc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function webCalendarLinks(event: CalendarEvent, invitationUrl: string, t: Translate): WebCalendarLinks {
  const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  const description = describeEvent(invitationUrl, t);
  // Wall-clock times with the zone: a weekly series stays at 09:00 across a change to summer time.
  const google = new URLSearchParams({
    action: "TEMPLATE",
    text: event.name,
    dates: `${googleLocal(event.startsAt, event.timeZone)}/${googleLocal(end, event.timeZone)}`,
    ctz: event.timeZone,
    details: description,
  });
  const rule = recurrenceRule(event, toLocal(event.startsAt, event.timeZone));
  if (rule) google.set("recur", `RRULE:${rule}`);
  const links: WebCalendarLinks = { google: `${GOOGLE_CALENDAR}?${google}` };
  if (rule) return links;
  const outlook = percentEncoded({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.name,
    startdt: utc(event.startsAt),
    enddt: utc(end),
    body: description,
  });
  return { ...links, outlook: `${OUTLOOK_COM}?${outlook}`, office: `${MICROSOFT_365}?${outlook}` };
}

/**
 * A query with every value percent-encoded, a space as %20: Outlook's compose page shows a "+" (the
 * form encoding URLSearchParams writes) as a plus, and would break the invitation link's own query.
 */
function percentEncoded(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join("&");
}
