/**
 * The one step `ics` cannot do: zoned times. `ics` writes UTC or floating times and no VTIMEZONE, and a
 * repeating event in UTC drifts by an hour across daylight saving in every calendar. So the builder
 * gives `ics` floating (wall-clock) DTSTART/DTEND, and this step names their zone and adds the zone's
 * VTIMEZONE from timezones-ical-library, which follows the tz database.
 */
import { tzlib_get_ical_block } from "timezones-ical-library";

export interface ZoneDefinition {
  /** The TZID to use (the library's canonical name: Asia/Calcutta becomes Asia/Kolkata). */
  tzid: string;
  vtimezone: string;
}

/** The VTIMEZONE of a zone, or undefined when the library does not know it. */
export function zoneDefinition(zone: string): ZoneDefinition | undefined {
  const found: unknown = tzlib_get_ical_block(zone);
  if (!Array.isArray(found) || typeof found[0] !== "string" || typeof found[1] !== "string") return undefined;
  const [vtimezone, tzidParameter] = found as [string, string];
  const tzid = tzidParameter.replace(/^TZID=/, "");
  if (!vtimezone.startsWith("BEGIN:VTIMEZONE") || !tzid) return undefined;
  return { tzid, vtimezone };
}

/**
 * Turns the floating DTSTART/DTEND lines of a calendar into zoned ones and inserts the zone's
 * VTIMEZONE before the first event, as RFC 5545 asks.
 */
export function applyTimeZone(calendar: string, zone: ZoneDefinition): string {
  const zoned = calendar.replace(/^(DTSTART|DTEND):(\d{8}T\d{6})\r$/gm, `$1;TZID=${zone.tzid}:$2\r`);
  const at = zoned.indexOf("BEGIN:VEVENT\r\n");
  if (at < 0) return zoned;
  return `${zoned.slice(0, at)}${zone.vtimezone.replace(/\r?\n/g, "\r\n")}\r\n${zoned.slice(at)}`;
}
