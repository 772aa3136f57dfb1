import { describe, expect, it } from "vitest";
import { bookingWindow } from "../jitsi/window";
import { currentMeeting } from "./current-meeting";

const startsAt = new Date("2026-12-01T08:00:00Z");
const at = (iso: string) => new Date(iso);

describe("the meeting that is on or next", () => {
  const policy = { earlyJoinMinutes: 10, graceMinutes: 30 };
  const series = {
    startsAt,
    localStart: "2026-12-01T09:00",
    timeZone: "Europe/Berlin",
    durationMinutes: 60,
    repeat: { every: 1, unit: "week" as const },
    remainingOccurrences: 2,
  };

  it("is the booked one until its window is over, then the series' next one (before the sweep moves it)", () => {
    expect(currentMeeting(series, policy, at("2026-12-01T09:29:59Z"))).toBe(series);
    expect(currentMeeting(series, policy, at("2026-12-01T09:30:00Z"))).toEqual({
      ...series,
      startsAt: at("2026-12-08T08:00:00Z"),
      localStart: "2026-12-08T09:00",
      remainingOccurrences: 1,
      openedEarlyAt: null,
    });
    // Long after (no sweep ran): the meeting that is still to come.
    expect(currentMeeting(series, policy, at("2026-12-10T00:00:00Z")).startsAt).toEqual(at("2026-12-15T08:00:00Z"));
  });

  it("stays over for a one-off conference and after a series' last meeting", () => {
    const oneOff = { ...series, repeat: null, remainingOccurrences: 0 };
    expect(currentMeeting(oneOff, policy, at("2026-12-02T00:00:00Z"))).toBe(oneOff);
    expect(currentMeeting(series, policy, at("2026-12-16T00:00:00Z"))).toBe(series);
  });

  it("does not carry the last meeting's early opening over to the next", () => {
    const openedForLast = { ...series, openedEarlyAt: at("2026-12-01T07:00:00Z") };
    expect(bookingWindow(currentMeeting(openedForLast, policy, at("2026-12-08T06:30:00Z")), policy).opensAt).toEqual(at("2026-12-08T07:50:00Z"));
  });
});
