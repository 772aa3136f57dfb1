import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../tests/support/parse-calendar";
import { translator } from "../i18n/translate";
import { occurrencesAfter } from "../time/recurrence";
import type { Repeat } from "../time/recurrence";
import { resolveLocal } from "../time/zoned";
import type { CalendarEvent } from "./event";
import { zoneDefinition } from "./time-zone";
import { GOOGLE_CALENDAR, MICROSOFT_365, OUTLOOK_COM, webCalendarLinks } from "./web-calendars";

const invitation = "https://planado.example.org/i/abcdefghijklmnopqrstuvwxyz?n=Team+sync&sig=abc";
const english = translator("en");
/** The event's description in English, as both calendars get it. */
const description = `Join the video conference: ${invitation}\nThe link opens the room on Jitsi Meet when the conference starts.`;

function event(local: string, timeZone: string, repeat: Repeat | null = null, count = 1, name = "Team sync"): CalendarEvent {
  return {
    name,
    startsAt: resolveLocal(local, timeZone).instant,
    durationMinutes: 45,
    timeZone,
    repeat,
    count,
    invitationId: "abcdefghijklmnopqrstuvwxyz",
    revision: 3,
  };
}

/** A link's address without its query, and its query as one value per parameter (none repeated). */
function read(link: string): { address: string; fields: Record<string, string> } {
  const url = new URL(link);
  const keys = [...url.searchParams.keys()];
  expect(new Set(keys).size, `a parameter appears twice in ${link}`).toBe(keys.length);
  return { address: `${url.origin}${url.pathname}`, fields: Object.fromEntries(url.searchParams) };
}

/**
 * What Google Calendar makes of a link: its dates read in `ctz`, repeated by `recur`, expanded by an
 * independent parser (ical.js) with the zone's rules.
 */
function googleOccurrences(fields: Record<string, string>): Date[] {
  const [start, end] = fields.dates!.split("/");
  const zone = zoneDefinition(fields.ctz!)!;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//test//EN",
    zone.vtimezone.replace(/\r?\n/g, "\r\n"),
    "BEGIN:VEVENT",
    "UID:test",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=${zone.tzid}:${start}`,
    `DTEND;TZID=${zone.tzid}:${end}`,
    ...(fields.recur ? [fields.recur] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return parseCalendar(lines.join("\r\n")).events[0]!.occurrences;
}

describe("webCalendarLinks", () => {
  it("Google Calendar: name, wall-clock start and end with the zone, the invitation in the description", () => {
    const { google } = webCalendarLinks(event("2026-12-01T09:00", "Europe/Berlin"), invitation, english);
    const { address, fields } = read(google);
    expect(address).toBe(GOOGLE_CALENDAR);
    expect(fields).toEqual({
      action: "TEMPLATE",
      text: "Team sync",
      dates: "20261201T090000/20261201T094500",
      ctz: "Europe/Berlin",
      details: description,
    });
  });

  it("Outlook.com and Microsoft 365: the same fields, in UTC, for a single meeting", () => {
    const links = webCalendarLinks(event("2026-12-01T09:00", "Europe/Berlin"), invitation, english);
    for (const [link, host] of [
      [links.outlook, OUTLOOK_COM],
      [links.office, MICROSOFT_365],
    ] as const) {
      // Spaces as %20, and the invitation link's own "+" and "&" encoded: Outlook reads "+" as itself.
      expect(link).not.toContain("+");
      expect(link).toContain("subject=Team%20sync");
      const { address, fields } = read(link!);
      expect(address).toBe(host);
      expect(fields).toEqual({
        path: "/calendar/action/compose",
        rru: "addevent",
        subject: "Team sync",
        startdt: "2026-12-01T08:00:00Z",
        enddt: "2026-12-01T08:45:00Z",
        body: description,
      });
    }
  });

  it("a weekly series across the change to summer time stays at 09:00 in Google, as in Planado", () => {
    const e = event("2027-03-15T09:00", "Europe/Berlin", { every: 1, unit: "week" }, 4);
    const links = webCalendarLinks(e, invitation, english);
    const { fields } = read(links.google);
    expect(fields.dates).toBe("20270315T090000/20270315T094500");
    expect(fields.ctz).toBe("Europe/Berlin");
    expect(fields.recur).toBe("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4");
    const planado = [e.startsAt, ...[...occurrencesAfter("2027-03-15T09:00", "Europe/Berlin", e.repeat!, 3)].map((o) => o.instant)];
    expect(googleOccurrences(fields).map((d) => d.toISOString())).toEqual(planado.map((d) => d.toISOString()));
    // 08:00 UTC before the change on 28 March, 07:00 UTC after it.
    expect(googleOccurrences(fields).map((d) => d.toISOString().slice(11, 16))).toEqual(["08:00", "08:00", "07:00", "07:00"]);
    // Outlook's links would add the first meeting only: a series is not offered there (it subscribes).
    expect(links.outlook).toBeUndefined();
    expect(links.office).toBeUndefined();
  });

  it("a monthly series on the 31st names its day, as the calendar file does", () => {
    const { fields } = read(webCalendarLinks(event("2027-01-31T18:30", "America/New_York", { every: 1, unit: "month" }, 3), invitation, english).google);
    expect(fields.recur).toBe("RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31;COUNT=3");
    expect(googleOccurrences(fields).map((d) => d.toISOString())).toEqual(["2027-01-31T23:30:00.000Z", "2027-03-31T22:30:00.000Z", "2027-05-31T22:30:00.000Z"]);
  });

  it("a hostile name stays one value: it cannot add, change or end a parameter", () => {
    const hostile = `Math & "art" <script>alert(1)</script>?&ctz=Evil/Zone#&recur=RRULE:FREQ=SECONDLY\n`;
    const links = webCalendarLinks(event("2026-12-01T09:00", "Europe/Berlin", null, 1, hostile), invitation, english);
    for (const link of [links.google, links.outlook!, links.office!]) {
      expect(link).not.toMatch(/[<>"\s#]/);
      const { fields } = read(link);
      expect(fields.text ?? fields.subject).toBe(hostile);
      expect(fields.ctz ?? "Europe/Berlin").toBe("Europe/Berlin");
      expect(fields.recur).toBeUndefined();
    }
  });

  it("describes the meeting in the viewer's language", () => {
    const { fields } = read(webCalendarLinks(event("2026-12-01T09:00", "Europe/Berlin"), invitation, translator("de")).google);
    expect(fields.details).toBe(translator("de")("calendar.eventDescription", { url: invitation }));
    expect(fields.details).toContain(invitation);
    expect(fields.details).not.toBe(english("calendar.eventDescription", { url: invitation }));
  });
});
