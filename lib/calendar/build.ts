/**
 * Builds .ics files with `ics` (structure, escaping, folding, alarms), in the organizer's time zone.
 * Pure: the clock, the UID and the links come in as arguments.
 */
import { createEvent, createEvents } from "ics";
import { english } from "../i18n/translate";
import type { Translate } from "../i18n/translate";
import type { EventAttributes, ReturnObject } from "ics";
import { localParts, toLocal } from "../time/zoned";
import type { LocalDateTime } from "../time/zoned";
import type { CalendarEvent } from "./event";
import { refold } from "./fold";
import { applyTimeZone, zoneDefinition } from "./time-zone";

export const PRODUCT_ID = "-//Planado//Planado//EN";

const FREQ: Record<string, string> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };

export interface BuildOptions {
  /** X-WR-CALNAME, for subscription feeds. */
  calendarName?: string;
  /** DTSTAMP. */
  now: Date;
  uid: string;
  invitationUrl: string;
  /** Minutes before the start for a reminder; 0 for none. */
  reminderMinutes: number;
  /** The language of the description (English when not given): the downloader's. */
  t?: Translate;
}

/** "20261201T090000" (wall clock, floating) or "20261201T080000Z" (UTC). */
function icsTime(instant: Date, zone: string | undefined): string {
  if (!zone) return `${instant.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  return `${toLocal(instant, zone).replace(/[-:]/g, "")}00`;
}

/**
 * The RRULE of a series: as many meetings as are still to come, counted from this start. Monthly and
 * yearly rules name their day (and month): calendars then skip months without a 31st and years
 * without 29 February, as RFC 5545 and Planado do, where a bare rule may move the date instead.
 */
export function recurrenceRule(event: Pick<CalendarEvent, "repeat" | "count">, localStart: LocalDateTime): string | undefined {
  if (!event.repeat || event.count < 2) return undefined;
  const { month, day } = localParts(localStart);
  const anchor = event.repeat.unit === "month" ? `;BYMONTHDAY=${day}` : event.repeat.unit === "year" ? `;BYMONTH=${month};BYMONTHDAY=${day}` : "";
  return `FREQ=${FREQ[event.repeat.unit]};INTERVAL=${event.repeat.every}${anchor};COUNT=${event.count}`;
}

export function describeEvent(invitationUrl: string, t: Translate = english): string {
  return t("calendar.eventDescription", { url: invitationUrl });
}

function attributes(event: CalendarEvent, zone: string | undefined, options: BuildOptions): EventAttributes {
  const end = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  const rrule = recurrenceRule(event, toLocal(event.startsAt, event.timeZone));
  return {
    uid: options.uid,
    sequence: event.revision,
    title: event.name,
    start: icsTime(event.startsAt, zone),
    end: icsTime(end, zone),
    // `timestamp` (DTSTAMP) is supported by ics but missing from its type definitions.
    ...({ timestamp: options.now.getTime() } as object),
    url: options.invitationUrl,
    description: describeEvent(options.invitationUrl, options.t),
    ...(rrule ? { recurrenceRule: rrule } : {}),
    ...(options.reminderMinutes > 0
      ? { alarms: [{ action: "display" as const, description: event.name, trigger: { minutes: options.reminderMinutes, before: true } }] }
      : {}),
    ...calendarHeader(options.calendarName),
  };
}

/** The calendar's own lines (PRODID, METHOD, X-WR-CALNAME), the same for a file, a feed and an empty feed. */
function calendarHeader(calendarName: string | undefined) {
  return { productId: PRODUCT_ID, method: "PUBLISH", ...(calendarName ? { calName: escapeText(calendarName) } : {}) };
}

/** What ics made of it, or the reason it could not. */
function built(result: ReturnObject): string {
  if (result.error || !result.value) throw new CalendarBuildError(result.error?.message ?? "ics produced nothing");
  return result.value;
}

/** RFC 5545 TEXT escaping, for the one property ics leaves unescaped (X-WR-CALNAME). */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`);
}

export class CalendarBuildError extends Error {
  override name = "CalendarBuildError";
}

/** One conference as a calendar file. */
export function buildCalendar(event: CalendarEvent, options: BuildOptions): string {
  // A zone the library does not know (none in practice) falls back to UTC times: still the right
  // instants, only without the daylight-saving rules.
  const zone = zoneDefinition(event.timeZone);
  const calendar = built(createEvent(attributes(event, zone ? event.timeZone : undefined, options)));
  return refold(zone ? applyTimeZone(calendar, zone) : calendar);
}

/** A subscription feed: the conference's event, or none once it is gone (calendars then drop it). */
export function buildFeed(event: CalendarEvent | undefined, options: BuildOptions & { calendarName: string }): string {
  const calendar = event ? buildCalendar(event, options) : built(createEvents([], calendarHeader(options.calendarName)));
  // Ask subscribed calendars to look again every hour (ics already sets X-PUBLISHED-TTL).
  return refold(calendar).replace("X-PUBLISHED-TTL:PT1H\r\n", "X-PUBLISHED-TTL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
}
