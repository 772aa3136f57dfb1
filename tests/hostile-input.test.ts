/**
 * Thousands of generated hostile inputs thrown at the form schema, the API's validation and the
 * calendar builder: each is either refused with clear messages or comes back exactly (as cleaned).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCalendar } from "./support/parse-calendar";
import { buildCalendar } from "@/lib/calendar/build";
import { decodeEvent, encodeEvent, fileSlug } from "@/lib/calendar/event";
import { FORM_FIELDS, validateBookingForm } from "@/lib/conferences/booking-form";
import type { BookingFormValues } from "@/lib/conferences/booking-form";
import { invitationText, mailtoLink } from "@/lib/conferences/describe";
import { NAME_MAX_LENGTH } from "@/lib/conferences/limits";
import { cleanName, nameFromLink, visibleLength } from "@/lib/conferences/name";
import { ENGLISH_TEXTS, validateBooking } from "@/lib/conferences/schema";

const now = new Date("2026-11-25T12:00:00Z");
const RUNS = 2000;

/** Strings a hostile visitor would try, mixed with arbitrary Unicode. */
const hostilePiece = fc.constantFrom(
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "\r\nSet-Cookie: x=y",
  "%0d%0aX-Injected: 1",
  "\u202eevil\u202c",
  "\u2066\u2067\u2068\u2069",
  "\u0000\u0007\u001b[31m",
  "\u2028\u2029",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "'; DROP TABLE conferences; --",
  "\\;,:",
  "BEGIN:VEVENT\r\nEND:VCALENDAR",
  "é".repeat(300),
);
const hostileString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 260 }),
  fc.string({ unit: "binary", maxLength: 260 }),
  fc.array(fc.oneof(hostilePiece, fc.string({ maxLength: 20 })), { maxLength: 6 }).map((parts) => parts.join("")),
);

const knownMessages = new Set<string>(Object.values(ENGLISH_TEXTS).flatMap((m) => (typeof m === "string" ? [m] : [])));
function isClearMessage(message: string): boolean {
  return (
    knownMessages.has(message) || /^That time does not exist in .+: the clocks skip it/.test(message) || /^.+ is not a date in the calendar\.$/.test(message)
  );
}

describe("hostile input", () => {
  it("the booking form schema refuses clearly or accepts with the cleaned name", () => {
    const formValues = fc.record(
      Object.fromEntries(
        FORM_FIELDS.map((f) => [f, fc.oneof(hostileString, fc.constantFrom("", "1", "weekly", "custom", "2027-01-01", "09:00", "Europe/Berlin"))]),
      ),
    ) as fc.Arbitrary<BookingFormValues>;
    fc.assert(
      fc.property(formValues, fc.constantFrom<"book" | "now">("book", "now"), (values, intent) => {
        const result = validateBookingForm(values, { now, intent });
        if (result.status === "valid") {
          expect(result.value.name).toBe(cleanName(values.name) || "Video conference");
          expect(visibleLength(result.value.name)).toBeLessThanOrEqual(NAME_MAX_LENGTH);
        } else {
          for (const [field, messages] of Object.entries(result.errors)) {
            expect([...FORM_FIELDS, "when"]).toContain(field);
            for (const message of messages) expect(isClearMessage(message), message).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the API's validation never throws, whatever JSON arrives", () => {
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          name: fc.oneof(hostileString, fc.jsonValue()),
          start: fc.oneof(hostileString, fc.constant("now")),
          timeZone: fc.oneof(hostileString, fc.constant("UTC")),
          durationMinutes: fc.jsonValue(),
          repeat: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(body, (input) => {
        const result = validateBooking(input, { now });
        if (result.status === "valid") {
          expect(result.value.name).toBe(cleanName((input as { name: string }).name));
          expect(result.value.startsAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 60_000);
        } else {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          for (const messages of Object.values(result.errors)) for (const m of messages) expect(m.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a name from a link comes back exactly in the calendar, the signed link, the file name, the text and the mailto link", () => {
    fc.assert(
      fc.property(hostileString, (raw) => {
        const name = nameFromLink(raw);
        if (!name) return; // nothing usable: pages fall back to a generic title
        expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        const event = {
          name,
          startsAt: new Date("2026-12-01T08:00:00Z"),
          durationMinutes: 60,
          timeZone: "Europe/Berlin",
          repeat: null,
          count: 1,
          invitationId: "abcdefghijklmnopqrstuvwxyz",
          revision: 1,
        };
        const secret = "k".repeat(43);
        expect(decodeEvent(new URLSearchParams(encodeEvent(event, secret).toString()), secret)).toEqual({ status: "valid", event });
        const text = buildCalendar(event, { now, uid: "x@planado", invitationUrl: "https://p.example/i/x", reminderMinutes: 10 });
        for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(parseCalendar(text).events[0]!.summary).toBe(name);
        expect(fileSlug(name)).toMatch(/^[a-z0-9-]{1,60}$/);
        const invitation = invitationText({ name, when: "w", repeat: null, invitationUrl: "u", calendarUrl: "c", subscriptionUrl: "s" });
        expect(invitation.split("\n")[0]).toBe(`You are invited to a video conference: ${name}`);
        const mailto = mailtoLink(name, invitation);
        expect(mailto).not.toMatch(/[\s<>"]/);
        expect(new URL(mailto).searchParams.get("subject")).toBe(`Invitation: ${name}`);
      }),
      { numRuns: RUNS / 2 },
    );
  }, 60_000);
});
