/**
 * Calendar links for a conference, signed with this instance's secret. The routes that answer them
 * live in app/calendar/.
 */
import type { Conference } from "../conferences/conference";
import { calendarEventOf, DEFAULT_EVENT_NAME, encodeEvent, feedSignature, fileSlug } from "./event";
import { serverKeys } from "../keys/server-secret";
import { invitationUrl, nameIfSigned, nameProof } from "../conferences/links";
import { getConfig } from "../env";
import { english, translator } from "../i18n/translate";
import type { Locale } from "../i18n/locales";
import type { BuildOptions } from "./build";
import { eventUid } from "./signing";
import type { Translate } from "../i18n/translate";
import { webCalendarLinks } from "./web-calendars";
import type { WebCalendarLinks } from "./web-calendars";

/** The key calendar links are signed with (see lib/keys/server-secret.ts). */
export function secretFromConfig(): string {
  return serverKeys().calendar;
}

export interface CalendarLinks {
  /** A file to download: a snapshot of the schedule now. */
  file: string;
  /** A subscription that follows every change (https, for calendars that ask for a URL). */
  feed: string;
  /** The same subscription as webcal://, which opens the calendar app's "subscribe" dialog. */
  webcal: string;
  /** "Add event" links of Google Calendar and Outlook, with the description in the viewer's language. */
  web: WebCalendarLinks;
}

/**
 * The links, for a name Planado signed (or none). A named link also carries the name's own signature
 * (`ns`): only with it does the calendar file's invitation link carry the name on. A calendar link
 * from before names were signed still works, with a bare invitation link in it, so that no old link
 * can be turned into a signed name of someone's choosing.
 */
export function calendarLinks(base: string, conference: Conference, name: string | undefined, t: Translate = english): CalendarLinks {
  const secret = secretFromConfig();
  const event = calendarEventOf(conference, name);
  const feedName = name ?? DEFAULT_EVENT_NAME;
  const feedQuery = new URLSearchParams({ n: feedName, sig: feedSignature(secret, conference.invitationId, feedName) });
  const fileQuery = encodeEvent(event, secret);
  if (name) {
    feedQuery.set("ns", nameProof(conference.invitationId, name));
    fileQuery.set("ns", nameProof(conference.invitationId, name));
  }
  const feed = `${base}/calendar/feed/${conference.invitationId}.ics?${feedQuery}`;
  return {
    file: `${base}/calendar/${fileSlug(event.name)}.ics?${fileQuery}`,
    feed,
    webcal: feed.replace(/^https?:/, "webcal:"),
    web: webCalendarLinks(event, invitationUrl(base, conference.invitationId, name), t),
  };
}

/** What a calendar file or feed asked for by a visitor is built with: the same for both. */
export interface CalendarRequest {
  now: Date;
  /** The address Planado answers at (links in the calendar point there). */
  base: string;
  invitationId: string;
  name: string;
  /** The `ns` of the link: Planado's signature for the name. */
  nameProof: string | null;
  locale: Locale;
}

export function calendarBuildOptions(request: CalendarRequest, secret: string): BuildOptions {
  return {
    now: request.now,
    uid: eventUid(secret, request.invitationId),
    // The name goes on into the invitation link only with Planado's own signature for it (see calendarLinks).
    invitationUrl: invitationUrl(request.base, request.invitationId, nameIfSigned(request.invitationId, request.name, request.nameProof)),
    reminderMinutes: getConfig().CALENDAR_REMINDER_MINUTES,
    t: translator(request.locale),
  };
}
