import { describe, expect, it } from "vitest";
import { calendarEventOf, decodeEvent, encodeEvent, feedSignature, fileSlug, verifyFeed } from "./event";
import type { CalendarEvent } from "./event";
import { eventUid } from "./signing";

const secret = "s".repeat(43);
const event: CalendarEvent = {
  name: 'Q&A, "live"; 👩‍👩‍👧',
  startsAt: new Date("2026-12-01T08:00:00Z"),
  durationMinutes: 90,
  timeZone: "Europe/Berlin",
  repeat: { every: 2, unit: "week" },
  count: 4,
  invitationId: "abcdefghijklmnopqrstuvwxyz",
  revision: 3,
};

describe("encodeEvent and decodeEvent", () => {
  it("round-trip every field through a signed query string", () => {
    const params = encodeEvent(event, secret);
    expect([...params.keys()]).toEqual(["n", "s", "d", "z", "r", "c", "i", "v", "sig"]);
    expect(params.get("s")).toBe("20261201T080000Z");
    expect(params.get("r")).toBe("2w");
    expect(params.get("sig")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const back = decodeEvent(new URLSearchParams(params.toString()), secret);
    expect(back).toEqual({ status: "valid", event });
  });

  it("round-trips a one-off conference", () => {
    const oneOff = { ...event, repeat: null, count: 1 };
    expect(decodeEvent(encodeEvent(oneOff, secret), secret)).toEqual({ status: "valid", event: oneOff });
  });

  it.each(["n", "s", "d", "z", "r", "c", "i", "v"])("rejects a link whose %s was changed", (key) => {
    const params = encodeEvent(event, secret);
    const changed: Record<string, string> = {
      n: "Phishing",
      s: "20261201T090000Z",
      d: "60",
      z: "UTC",
      r: "1w",
      c: "5",
      i: "bbbbbbbbbbbbbbbbbbbbbbbbbb",
      v: "4",
    };
    params.set(key, changed[key]!);
    expect(decodeEvent(params, secret)).toEqual({ status: "refused", reason: "forged" });
  });

  it("rejects a missing signature, another instance's signature, and missing fields", () => {
    const params = encodeEvent(event, secret);
    const unsigned = new URLSearchParams(params);
    unsigned.delete("sig");
    expect(decodeEvent(unsigned, secret)).toEqual({ status: "refused", reason: "unsigned" });
    expect(decodeEvent(params, "t".repeat(43))).toEqual({ status: "refused", reason: "forged" });
    const short = new URLSearchParams(params);
    short.delete("v");
    expect(decodeEvent(short, secret)).toEqual({ status: "refused", reason: "malformed" });
    params.set("sig", `${params.get("sig")}x`);
    expect(decodeEvent(params, secret)).toEqual({ status: "refused", reason: "forged" });
  });

  it("refuses signed nonsense (a signature does not make bad values good)", () => {
    const bad = encodeEvent({ ...event, timeZone: "Mars/Olympus" }, secret);
    expect(decodeEvent(bad, secret)).toEqual({ status: "refused", reason: "malformed" });
    const empty = encodeEvent({ ...event, name: " \n " }, secret);
    expect(decodeEvent(empty, secret)).toEqual({ status: "refused", reason: "malformed" });
  });
});

describe("feed signatures", () => {
  it("bind the invitation id and the name", () => {
    const sig = feedSignature(secret, event.invitationId, "Team sync");
    expect(verifyFeed(secret, event.invitationId, "Team sync", sig)).toBe(true);
    expect(verifyFeed(secret, event.invitationId, "Other", sig)).toBe(false);
    expect(verifyFeed(secret, "bbbbbbbbbbbbbbbbbbbbbbbbbb", "Team sync", sig)).toBe(false);
    // A file signature is not a feed signature.
    expect(verifyFeed(secret, event.invitationId, "Team sync", encodeEvent(event, secret).get("sig")!)).toBe(false);
  });
});

describe("eventUid", () => {
  it("is stable for a conference, differs between conferences, and reveals no id", () => {
    const uid = eventUid(secret, event.invitationId);
    expect(uid).toBe(eventUid(secret, event.invitationId));
    expect(uid).not.toBe(eventUid(secret, "bbbbbbbbbbbbbbbbbbbbbbbbbb"));
    expect(uid).toMatch(/^[0-9a-f]{32}@planado$/);
    expect(uid).not.toContain(event.invitationId);
  });
});

describe("calendarEventOf", () => {
  it("counts this meeting and the ones still to come", () => {
    const conference = {
      invitationId: event.invitationId,
      adminId: "cccccccccccccccccccccccccc",
      roomId: "dddddddddddddddddddddddddd",
      startsAt: event.startsAt,
      localStart: "2026-12-01T09:00",
      timeZone: "Europe/Berlin",
      durationMinutes: 90,
      repeat: { every: 2, unit: "week" as const },
      remainingOccurrences: 3,
      roomGeneration: 1,
      roomRecorded: false,
      revision: 3,
    };
    expect(calendarEventOf(conference, event.name)).toEqual(event);
    expect(calendarEventOf({ ...conference, repeat: null, remainingOccurrences: 0 }, undefined)).toMatchObject({ name: "Video conference", count: 1 });
  });
});

describe("fileSlug", () => {
  it.each([
    ["Team sync", "team-sync"],
    ["Café crème — Q&A", "cafe-creme-q-a"],
    ['x"; filename=evil.exe\r\nSet-Cookie: a=b', "x-filename-evil-exe-set-cookie-a-b"],
    ["👩‍👩‍👧", "conference"],
    ["a".repeat(100), "a".repeat(60)],
  ])("%j becomes %j", (name, slug) => {
    expect(fileSlug(name)).toBe(slug);
  });
});
