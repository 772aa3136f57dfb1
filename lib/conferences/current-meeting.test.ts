import { describe, expect, it } from "vitest";
import { currentMeeting } from "./current-meeting";
import { meetingPhase, meetingWindow } from "./meeting-phase";
import type { MeetingPolicy } from "./meeting-phase";

const startsAt = new Date("2026-12-01T08:00:00Z");
const at = (iso: string) => new Date(iso);
const series = {
  startsAt,
  localStart: "2026-12-01T09:00",
  timeZone: "Europe/Berlin",
  durationMinutes: 60,
  repeat: { every: 1, unit: "week" as const },
  remainingOccurrences: 2,
};

describe("the meeting that is on or next, where Jitsi enforces bookings", () => {
  const policy: MeetingPolicy = { earlyJoinMinutes: 10, graceMinutes: 30 };

  it("is the booked one until its window is over, then the series' next one (before the sweep moves it)", () => {
    expect(currentMeeting(series, policy, at("2026-12-01T09:29:59.999Z"))).toBe(series);
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
    expect(meetingWindow(currentMeeting(openedForLast, policy, at("2026-12-08T06:30:00Z")), policy).opensAt).toEqual(at("2026-12-08T07:50:00Z"));
  });
});

describe("the meeting that is on or next, on plain Jitsi", () => {
  const policy: MeetingPolicy = { earlyJoinMinutes: 10, cleanupAfterHours: 23 };
  const daily = { ...series, repeat: { every: 1, unit: "day" as const }, remainingOccurrences: 3 };

  it("keeps a meeting running late (hours after its booked end) until CLEANUP_AFTER_HOURS after its start", () => {
    expect(currentMeeting(daily, policy, at("2026-12-01T18:00:00Z"))).toBe(daily);
    expect(currentMeeting(daily, policy, at("2026-12-02T06:59:59.999Z"))).toBe(daily);
  });

  it("then moves to the next meeting, whose room opens at its own time", () => {
    const next = currentMeeting(daily, policy, at("2026-12-02T07:00:00Z"));
    expect(next).toMatchObject({ startsAt: at("2026-12-02T08:00:00Z"), localStart: "2026-12-02T09:00", remainingOccurrences: 2 });
    expect(meetingPhase(next, at("2026-12-02T07:00:00Z"), policy)).toMatchObject({ status: "waiting", opensAt: at("2026-12-02T07:50:00Z") });
  });
});

describe("the current meeting and its phase agree", () => {
  it.each([
    ["plain Jitsi", { earlyJoinMinutes: 10, cleanupAfterHours: 23 }, "2026-12-16T07:00:00Z"],
    ["a Jitsi enforcing bookings", { earlyJoinMinutes: 10, cleanupAfterHours: 23, graceMinutes: 30 }, "2026-12-15T09:30:00Z"],
  ] as const)("on %s, a series is over only once its last meeting is", (_label, policy: MeetingPolicy, lastEnd) => {
    for (let minutes = 0; minutes < 17 * 24 * 60; minutes += 25) {
      const now = new Date(startsAt.getTime() + minutes * 60_000);
      expect(meetingPhase(currentMeeting(series, policy, now), now, policy).status === "over").toBe(now >= at(lastEnd));
    }
  });
});
