import { describe, expect, it } from "vitest";
import type { Repeat } from "../time/recurrence";
import { resolveLocal } from "../time/zoned";
import { currentMeeting } from "../conferences/current-meeting";
import { meetingPhase } from "../conferences/meeting-phase";
import type { MeetingPolicy } from "../conferences/meeting-phase";
import { planSweep } from "./plan";

const H = 23;
function conference(local: string, timeZone: string, repeat: Repeat | null, remainingOccurrences: number) {
  return { startsAt: resolveLocal(local, timeZone).instant, localStart: local, timeZone, repeat, remainingOccurrences };
}
const at = (iso: string) => new Date(iso);

describe("planSweep: when a conference is over", () => {
  const oneOff = conference("2026-12-01T09:00", "UTC", null, 0);

  it("keeps it until exactly CLEANUP_AFTER_HOURS after the start, then deletes it", () => {
    expect(planSweep(oneOff, at("2026-12-02T07:59:59Z"), H)).toEqual({ action: "keep" });
    expect(planSweep(oneOff, at("2026-12-02T08:00:00Z"), H)).toEqual({ action: "delete" });
    expect(planSweep(oneOff, at("2027-12-02T08:00:00Z"), H)).toEqual({ action: "delete" });
  });

  it("follows the configured threshold", () => {
    expect(planSweep(oneOff, at("2026-12-01T10:59:59Z"), 2)).toEqual({ action: "keep" });
    expect(planSweep(oneOff, at("2026-12-01T11:00:00Z"), 2)).toEqual({ action: "delete" });
  });

  it("deletes the last meeting of a series", () => {
    expect(planSweep(conference("2026-12-01T09:00", "UTC", { every: 1, unit: "week" }, 0), at("2026-12-02T08:00:00Z"), H)).toEqual({ action: "delete" });
  });
});

describe("planSweep: rolling forward", () => {
  it.each([
    ["day", { every: 1, unit: "day" }, "2026-12-02T09:00"],
    ["2 weeks", { every: 2, unit: "week" }, "2026-12-15T09:00"],
    ["month", { every: 1, unit: "month" }, "2027-01-01T09:00"],
    ["year", { every: 1, unit: "year" }, "2027-12-01T09:00"],
  ] as const)("every %s: to the next meeting, one fewer to come", (_label, repeat, next) => {
    const c = conference("2026-12-01T09:00", "Europe/Berlin", repeat, 3);
    expect(planSweep(c, at("2026-12-02T08:00:00Z"), H)).toEqual({
      action: "roll",
      startsAt: resolveLocal(next, "Europe/Berlin").instant,
      localStart: next,
      remainingOccurrences: 2,
      skipped: 0,
    });
  });

  it("keeps the wall-clock time across a daylight-saving change (Europe/Berlin, America/New_York)", () => {
    const berlin = planSweep(conference("2027-03-22T09:00", "Europe/Berlin", { every: 1, unit: "week" }, 2), at("2027-03-23T09:00:00Z"), H);
    expect(berlin).toMatchObject({ action: "roll", localStart: "2027-03-29T09:00", startsAt: at("2027-03-29T07:00:00Z") });
    const newYork = planSweep(conference("2026-10-30T18:00", "America/New_York", { every: 1, unit: "week" }, 1), at("2026-10-31T22:00:00Z"), H);
    expect(newYork).toMatchObject({ action: "roll", localStart: "2026-11-06T18:00", startsAt: at("2026-11-06T23:00:00Z"), remainingOccurrences: 0 });
  });

  it("skips months without the day, as the calendar's RRULE does", () => {
    const c = conference("2027-01-31T10:00", "Europe/Berlin", { every: 1, unit: "month" }, 3);
    expect(planSweep(c, at("2027-02-01T10:00:00Z"), H)).toMatchObject({ action: "roll", localStart: "2027-03-31T10:00", remainingOccurrences: 2 });
  });

  it("after a long outage, skips every meeting already over in one step", () => {
    const c = conference("2026-12-01T09:00", "UTC", { every: 1, unit: "week" }, 10);
    // Three weeks and a day later: the meetings of 8, 15 and 22 December are over.
    expect(planSweep(c, at("2026-12-23T09:00:00Z"), H)).toEqual({
      action: "roll",
      startsAt: at("2026-12-29T09:00:00Z"),
      localStart: "2026-12-29T09:00",
      remainingOccurrences: 6,
      skipped: 3,
    });
  });

  it("moves to a meeting that has already begun (the room opens at once), not past it", () => {
    const c = conference("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 5);
    expect(planSweep(c, at("2026-12-02T10:00:00Z"), H)).toMatchObject({ action: "roll", localStart: "2026-12-02T09:00", skipped: 0 });
  });

  it("deletes a series whose remaining meetings are all over", () => {
    const c = conference("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 2);
    expect(planSweep(c, at("2026-12-04T08:00:00Z"), H)).toEqual({ action: "delete" });
  });
});

describe("planSweep agrees with the meeting's phase (lib/conferences/meeting-phase.ts)", () => {
  const plain: MeetingPolicy = { earlyJoinMinutes: 10, cleanupAfterHours: H };
  const enforcing: MeetingPolicy = { earlyJoinMinutes: 10, cleanupAfterHours: H, graceMinutes: 30 };
  const daily = { ...conference("2026-12-01T09:00", "Europe/Berlin", { every: 1, unit: "day" }, 3), durationMinutes: 60 };

  it("on plain Jitsi, sweeps a meeting exactly when it is over, to the meeting a request would move the series to", () => {
    for (let minutes = 0; minutes < 5 * 24 * 60; minutes += 10) {
      const now = new Date(daily.startsAt.getTime() + minutes * 60_000);
      const plan = planSweep(daily, now, H);
      expect(plan.action !== "keep").toBe(meetingPhase(daily, now, plain).status === "over");
      const current = currentMeeting(daily, plain, now);
      if (plan.action === "roll") {
        expect(current).toMatchObject({ startsAt: plan.startsAt, localStart: plan.localStart, remainingOccurrences: plan.remainingOccurrences });
      } else {
        expect(current).toBe(daily);
      }
    }
  });

  it("where Jitsi enforces bookings, sweeps only well after the meeting is over (and a request moved the series on)", () => {
    const oneOff = { ...daily, repeat: null, remainingOccurrences: 0 };
    expect(meetingPhase(oneOff, at("2026-12-01T09:30:00Z"), enforcing).status).toBe("over");
    expect(planSweep(oneOff, at("2026-12-01T09:30:00Z"), H)).toEqual({ action: "keep" });
    expect(planSweep(oneOff, at("2026-12-02T07:00:00Z"), H)).toEqual({ action: "delete" });
  });
});
