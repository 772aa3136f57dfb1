/**
 * Calendar links for a conference, signed with this instance's secret. The routes that answer them
 * live in app/calendar/.
 */
import type { Conference } from "../conferences/conference";
import { calendarEventOf, DEFAULT_EVENT_NAME, encodeEvent, feedSignature, fileSlug } from "./event";
import { serverKeys } from "../keys/server-secret";

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
}

export function calendarLinks(base: string, conference: Conference, name: string | undefined): CalendarLinks {
  const secret = secretFromConfig();
  const event = calendarEventOf(conference, name);
  const feedName = name ?? DEFAULT_EVENT_NAME;
  const feedQuery = new URLSearchParams({ n: feedName, sig: feedSignature(secret, conference.invitationId, feedName) });
  const feed = `${base}/calendar/feed/${conference.invitationId}.ics?${feedQuery}`;
  return {
    file: `${base}/calendar/${fileSlug(event.name)}.ics?${encodeEvent(event, secret)}`,
    feed,
    webcal: feed.replace(/^https?:/, "webcal:"),
  };
}
