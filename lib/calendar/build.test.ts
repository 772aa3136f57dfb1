import { describe, expect, it } from "vitest";
import { parseCalendar } from "../../tests/support/parse-calendar";
import { occurrencesAfter } from "../time/recurrence";
import type { Repeat } from "../time/recurrence";
import { resolveLocal } from "../time/zoned";
import { buildCalendar, buildFeed, recurrenceRule } from "./build";
import type { CalendarEvent } from "./event";

const now = new Date("2026-11-25T12:00:00Z");
const options = {
  now,
  uid: "0123456789abcdef0123456789abcdef@planado",
  invitationUrl: "https://planado.example.org/i/abcdefghijklmnopqrstuvwxyz?n=Team+sync",
  reminderMinutes: 10,
};

function event(local: string, timeZone: string, repeat: Repeat | null = null, count = 1, extra: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    name: "Team sync",
    startsAt: resolveLocal(local, timeZone).instant,
    durationMinutes: 60,
    timeZone,
    repeat,
    count,
    invitationId: "abcdefghijklmnopqrstuvwxyz",
    revision: 1,
    ...extra,
  };
}

/** What Planado itself will do: this start, then the sweep's next occurrences. */
function planadoOccurrences(local: string, timeZone: string, repeat: Repeat | null, count: number): string[] {
  const first = resolveLocal(local, timeZone).instant;
  const rest = repeat ? [...occurrencesAfter(local, timeZone, repeat, count - 1)].map((o) => o.instant) : [];
  return [first, ...rest].map((d) => d.toISOString());
}

function expectAgreement(e: CalendarEvent, local: string) {
  const text = buildCalendar(e, options);
  const [parsed] = parseCalendar(text).events;
  expect(parsed!.summary).toBe(e.name);
  expect(parsed!.start.toISOString()).toBe(e.startsAt.toISOString());
  expect(parsed!.end.getTime() - parsed!.start.getTime()).toBe(e.durationMinutes * 60_000);
  expect(parsed!.occurrences.map((d) => d.toISOString())).toEqual(planadoOccurrences(local, e.timeZone, e.repeat, e.count));
  return { text, parsed: parsed! };
}

describe("buildCalendar, read back by ical.js", () => {
  it("a weekly series in Europe/Berlin keeps 09:00 across the spring change", () => {
    const e = event("2027-03-15T09:00", "Europe/Berlin", { every: 1, unit: "week" }, 4);
    const { text, parsed } = expectAgreement(e, "2027-03-15T09:00");
    expect(parsed.tzid).toBe("Europe/Berlin");
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20270315T090000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Berlin:20270315T100000\r\n");
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4\r\n");
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n[\s\S]*END:VTIMEZONE\r\nBEGIN:VEVENT/);
    // Two meetings before the change at 08:00 UTC, two after at 07:00 UTC.
    expect(parsed.occurrences.map((d) => d.toISOString().slice(11, 16))).toEqual(["08:00", "08:00", "07:00", "07:00"]);
  });

  it("America/New_York in autumn, every 2 weeks", () => {
    expectAgreement(event("2026-10-19T18:00", "America/New_York", { every: 2, unit: "week" }, 3), "2026-10-19T18:00");
  });

  it("a quarter-hour zone (Asia/Kathmandu), daily", () => {
    const { parsed } = expectAgreement(event("2026-12-01T09:00", "Asia/Kathmandu", { every: 1, unit: "day" }, 5), "2026-12-01T09:00");
    expect(parsed.tzid).toBe("Asia/Kathmandu");
  });

  it("monthly on the 31st skips the short months, as Planado does", () => {
    const { parsed } = expectAgreement(event("2027-01-31T10:00", "Europe/Berlin", { every: 1, unit: "month" }, 4), "2027-01-31T10:00");
    expect(parsed.occurrences.map((d) => d.toISOString().slice(0, 10))).toEqual(["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31"]);
  });

  it("yearly on 29 February meets in leap years only", () => {
    expectAgreement(event("2028-02-29T12:00", "UTC", { every: 1, unit: "year" }, 3), "2028-02-29T12:00");
  });

  it("a daily 02:30 series through the spring gap: the gap meeting follows RFC 5545 (ical.js differs)", () => {
    const e = event("2027-03-26T02:30", "Europe/Berlin", { every: 1, unit: "day" }, 4);
    const ours = planadoOccurrences("2027-03-26T02:30", "Europe/Berlin", e.repeat, 4);
    // RFC 5545 3.3.5: a time in the gap takes the offset from before the gap (02:30 CET = 03:30 CEST).
    expect(ours[2]).toBe("2027-03-28T01:30:00.000Z");
    const [parsed] = parseCalendar(buildCalendar(e, options)).events;
    const theirs = parsed!.occurrences.map((d) => d.toISOString());
    // ical.js takes the offset after the gap for that one meeting; every other meeting agrees.
    expect(theirs[2]).toBe("2027-03-28T00:30:00.000Z");
    expect([theirs[0], theirs[1], theirs[3]]).toEqual([ours[0], ours[1], ours[3]]);
  });

  it("a one-off conference has no RRULE", () => {
    const { text, parsed } = expectAgreement(event("2026-12-01T09:00", "Europe/Berlin"), "2026-12-01T09:00");
    expect(text.slice(text.indexOf("BEGIN:VEVENT"))).not.toContain("RRULE");
    expect(parsed.occurrences).toHaveLength(1);
  });

  it("an alias zone is written under its canonical name", () => {
    const { parsed } = expectAgreement(event("2026-12-01T09:00", "Asia/Calcutta"), "2026-12-01T09:00");
    expect(parsed.tzid).toBe("Asia/Kolkata");
  });
});

describe("what every calendar needs", () => {
  const hostile = 'Q&A, "live"; back\\slash 👩‍👩‍👧 ' + "é".repeat(150) + " <script>alert(1)</script>";

  it("round-trips a name with commas, semicolons, quotes, emoji and 200 characters", () => {
    const e = event("2026-12-01T09:00", "Europe/Berlin", null, 1, { name: hostile });
    const [parsed] = parseCalendar(buildCalendar(e, options)).events;
    expect(parsed!.summary).toBe(hostile);
  });

  it("uses CRLF line ends and folds every line to 75 octets", () => {
    const text = buildCalendar(event("2026-12-01T09:00", "Europe/Berlin", { every: 1, unit: "week" }, 4, { name: hostile }), options);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("carries UID, SEQUENCE = revision, DTSTAMP in UTC, the link in URL and DESCRIPTION, and a reminder", () => {
    const { text, parsed } = expectAgreement(event("2026-12-01T09:00", "Europe/Berlin", null, 1, { revision: 7 }), "2026-12-01T09:00");
    expect(parsed.uid).toBe(options.uid);
    expect(parsed.sequence).toBe(7);
    expect(text).toContain("DTSTAMP:20261125T120000Z\r\n");
    expect(parsed.stamp.toISOString()).toBe(now.toISOString());
    expect(parsed.url).toBe(options.invitationUrl);
    expect(parsed.description).toContain(options.invitationUrl);
    expect(parsed.alarmTrigger).toBe("-PT10M");
    expect(text).toContain("METHOD:PUBLISH\r\n");
  });

  it("leaves the reminder out when it is set to 0 minutes", () => {
    const [parsed] = parseCalendar(buildCalendar(event("2026-12-01T09:00", "UTC"), { ...options, reminderMinutes: 0 })).events;
    expect(parsed!.alarmTrigger).toBeNull();
  });
});

describe("recurrenceRule", () => {
  it("counts the meetings still to come", () => {
    const start = "2028-02-29T12:00";
    expect(recurrenceRule({ repeat: { every: 1, unit: "week" }, count: 4 }, start)).toBe("FREQ=WEEKLY;INTERVAL=1;COUNT=4");
    expect(recurrenceRule({ repeat: { every: 1, unit: "month" }, count: 3 }, start)).toBe("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=29;COUNT=3");
    expect(recurrenceRule({ repeat: { every: 2, unit: "year" }, count: 2 }, start)).toBe("FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29;COUNT=2");
    expect(recurrenceRule({ repeat: { every: 1, unit: "week" }, count: 1 }, start)).toBeUndefined();
    expect(recurrenceRule({ repeat: null, count: 1 }, start)).toBeUndefined();
  });
});

describe("buildFeed", () => {
  it("names the calendar and asks to be refreshed hourly", () => {
    const text = buildFeed(event("2026-12-01T09:00", "Europe/Berlin"), { ...options, calendarName: "Team sync; weekly, Q&A" });
    const parsed = parseCalendar(text);
    // TEXT escaping (RFC 5545); ical.js shows X- properties as written, escapes included.
    expect(text).toContain("X-WR-CALNAME:Team sync\\; weekly\\, Q&A\r\n");
    expect(parsed.properties["x-wr-calname"]).toBe("Team sync\\; weekly\\, Q&A");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n");
    expect(parsed.events).toHaveLength(1);
  });

  it("is an empty calendar once the conference is gone", () => {
    const parsed = parseCalendar(buildFeed(undefined, { ...options, calendarName: "Team sync" }));
    expect(parsed.events).toHaveLength(0);
    expect(parsed.properties["x-wr-calname"]).toBe("Team sync");
  });
});
