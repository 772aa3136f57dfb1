import { describe, expect, it } from "vitest";
import { wording } from "../i18n/translate";
import { describeRepeat, formatStart, formatStartWithZone, formatterCount, invitationText, mailtoLink, MAX_FORMATTERS } from "./describe";
import { nameFromLink } from "./name";
import { invitationUrl } from "./links";

describe("formatStart", () => {
  it("keeps a bounded number of formatters, even if handed every spelling of a zone", () => {
    // 6,000 spellings Intl accepts as one zone (callers pass canonical names; this is the backstop).
    const spellings = Array.from({ length: MAX_FORMATTERS + 1000 }, (_, n) =>
      [..."america/argentina/catamarca"].map((c, i) => ((n >> (i % 13)) & 1 ? c.toUpperCase() : c)).join(""),
    );
    expect(new Set(spellings).size).toBeGreaterThan(MAX_FORMATTERS);
    for (const zone of spellings) formatStart(new Date(0), zone);
    expect(formatterCount()).toBeLessThanOrEqual(MAX_FORMATTERS);
  });
});

describe("formatStartWithZone", () => {
  it("shows the start in the organizer's zone, whatever the machine's zone", () => {
    expect(formatStartWithZone(new Date("2026-12-01T08:00:00Z"), "Europe/Berlin")).toBe("Tuesday, 1 December 2026 at 09:00 (Europe/Berlin)");
    expect(formatStartWithZone(new Date("2026-12-01T08:00:00Z"), "America/New_York")).toBe("Tuesday, 1 December 2026 at 03:00 (America/New York)");
  });
});

describe("describeRepeat", () => {
  it("says how a conference repeats", () => {
    expect(describeRepeat(null, 0)).toBe("Does not repeat");
    expect(describeRepeat({ every: 1, unit: "week" }, 3)).toBe("Every week: this meeting and 3 more");
    expect(describeRepeat({ every: 2, unit: "month" }, 1)).toBe("Every 2 months: this meeting and 1 more");
    expect(describeRepeat({ every: 1, unit: "day" }, 0)).toBe("Every day: this is the last meeting");
  });
});

describe("nameFromLink", () => {
  it("cleans and shortens what a link carries", () => {
    expect(nameFromLink("Team%20sync")).toBe("Team%20sync");
    expect(nameFromLink("Team sync\r\nBcc: x@example.org")).toBe("Team sync Bcc: x@example.org");
    expect(nameFromLink(["first", "second"])).toBe("first");
    expect(nameFromLink("")).toBeUndefined();
    expect(nameFromLink(undefined)).toBeUndefined();
    expect(nameFromLink("\u202e\u0000 ")).toBeUndefined();
    expect([...nameFromLink("é".repeat(500))!]).toHaveLength(200);
  });
});

describe("invitationText and mailtoLink", () => {
  const details = {
    name: 'Q&A "live" <b>',
    when: "Tuesday, 1 December 2026 at 09:00 (Europe/Berlin)",
    repeat: "Every week: this meeting and 3 more",
    invitationUrl: invitationUrl("https://planado.example.org", "a".repeat(26), 'Q&A "live" <b>'),
    calendarUrl: "https://planado.example.org/calendar/x.ics",
    subscriptionUrl: "webcal://planado.example.org/calendar/feed/y.ics",
  };

  it("puts name, time, repetition and both links in the text", () => {
    const text = invitationText(details);
    expect(text).toContain('Q&A "live" <b>');
    expect(text).toContain("When: Tuesday, 1 December 2026 at 09:00 (Europe/Berlin)");
    expect(text).toContain("Repeats: Every week: this meeting and 3 more");
    expect(text).toContain(`Join: https://planado.example.org/i/${"a".repeat(26)}?n=Q%26A+%22live%22+%3Cb%3E`);
    expect(text).toContain("Add to your calendar: https://planado.example.org/calendar/x.ics");
    expect(text).toContain("Or subscribe, and your calendar follows any change: webcal://planado.example.org/calendar/feed/y.ics");
    expect(invitationText({ ...details, repeat: null })).not.toContain("Repeats:");
  });

  it("makes a mailto: link without recipients that survives any name", () => {
    const link = mailtoLink(details.name, invitationText(details));
    expect(link.startsWith("mailto:?subject=Invitation%3A%20Q%26A%20%22live%22%20%3Cb%3E&body=")).toBe(true);
    expect(link).not.toMatch(/[\r\n <>"]/);
    const body = decodeURIComponent(new URL(link).searchParams.get("body") ?? "");
    expect(body).toContain("\r\nWhen: ");
  });
});

describe("in German", () => {
  const de = wording("de");

  it("formats dates, repetitions and the invitation in German", () => {
    expect(formatStartWithZone(new Date("2026-12-01T08:00:00Z"), "Europe/Berlin", de)).toBe("Dienstag, 1. Dezember 2026 um 09:00 (Europe/Berlin)");
    expect(describeRepeat(null, 0, de)).toBe("Keine Wiederholung");
    expect(describeRepeat({ every: 2, unit: "week" }, 3, de)).toBe("Alle 2 Wochen: dieser Termin und 3 weitere");
    expect(describeRepeat({ every: 1, unit: "day" }, 0, de)).toBe("Jeden Tag: Dies ist der letzte Termin");
    const text = invitationText({ name: "Chor", when: "w", repeat: null, invitationUrl: "u", calendarUrl: "c", subscriptionUrl: "s" }, de);
    expect(text.split("\n")[0]).toBe("Sie sind zu einer Videokonferenz eingeladen: Chor");
    expect(decodeURIComponent(mailtoLink("Chor", text, de))).toContain("subject=Einladung: Chor");
  });
});
