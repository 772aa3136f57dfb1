/**
 * Reads a calendar file with an independent parser (ical.js, Mozilla's), for tests: what any
 * calendar program would see. Test support only; the app never parses calendars.
 */
import ICAL from "ical.js";

export interface ParsedEvent {
  summary: string;
  uid: string;
  sequence: number;
  url: string;
  description: string;
  tzid: string | null;
  start: Date;
  end: Date;
  stamp: Date;
  /** Every occurrence's start, expanded by ical.js from DTSTART, RRULE and the VTIMEZONE. */
  occurrences: Date[];
  alarmTrigger: string | null;
}

export interface ParsedCalendar {
  properties: Record<string, string>;
  events: ParsedEvent[];
}

export function parseCalendar(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const properties: Record<string, string> = {};
  for (const property of root.getAllProperties()) properties[property.name] = String(property.getFirstValue());
  const events = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const occurrences: Date[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && occurrences.length < 1000; next = iterator.next()) occurrences.push(next.toJSDate());
    const alarm = vevent.getFirstSubcomponent("valarm");
    const tzid = vevent.getFirstProperty("dtstart")?.getParameter("tzid");
    return {
      summary: event.summary,
      uid: event.uid,
      sequence: event.sequence,
      url: String(vevent.getFirstPropertyValue("url")),
      description: event.description,
      tzid: typeof tzid === "string" ? tzid : null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      stamp: (vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate(),
      occurrences,
      alarmTrigger: alarm ? String(alarm.getFirstPropertyValue("trigger")) : null,
    };
  });
  return { properties, events };
}
