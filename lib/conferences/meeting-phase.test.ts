/** When a meeting opens and when it is over, on plain Jitsi and where the operator's Jitsi enforces bookings. */
import { describe, expect, it } from "vitest";
import { meetingEndsAt, meetingPhase, meetingWindow, sweepCutoff } from "./meeting-phase";
import type { MeetingPolicy } from "./meeting-phase";

const at = (iso: string) => new Date(iso);
const meeting = { startsAt: at("2026-12-01T08:00:00Z"), durationMinutes: 60 };
const plain: MeetingPolicy = { earlyJoinMinutes: 10, cleanupAfterHours: 23 };
const enforcing: MeetingPolicy = { earlyJoinMinutes: 10, cleanupAfterHours: 23, graceMinutes: 30 };

describe.each([
  ["plain Jitsi", plain],
  ["a Jitsi enforcing bookings", enforcing],
] as const)("meetingPhase on %s: the opening", (_label, policy) => {
  it("waits until EARLY_JOIN_MINUTES before the start, counting the seconds up", () => {
    expect(meetingPhase(meeting, at("2026-12-01T07:49:58.500Z"), policy)).toEqual({
      status: "waiting",
      opensAt: at("2026-12-01T07:50:00Z"),
      msToOpen: 1500,
      secondsToOpen: 2,
    });
    expect(meetingPhase(meeting, at("2026-12-01T07:49:59.999Z"), policy)).toMatchObject({ status: "waiting", msToOpen: 1, secondsToOpen: 1 });
    expect(meetingPhase(meeting, at("2026-12-01T07:50:00Z"), policy)).toEqual({ status: "open", window: meetingWindow(meeting, policy) });
  });

  it("opens at once without early minutes", () => {
    const onTime = { ...policy, earlyJoinMinutes: 0 };
    expect(meetingPhase(meeting, at("2026-12-01T07:59:59.999Z"), onTime)).toMatchObject({ status: "waiting", opensAt: meeting.startsAt });
    expect(meetingPhase(meeting, meeting.startsAt, onTime).status).toBe("open");
  });

  it("opens when the organizer's Join now opened it, however early", () => {
    const opened = { ...meeting, openedEarlyAt: at("2026-11-30T18:00:00Z") };
    expect(meetingPhase(opened, at("2026-11-30T17:59:59.999Z"), policy)).toMatchObject({ status: "waiting", opensAt: opened.openedEarlyAt });
    expect(meetingPhase(opened, at("2026-11-30T18:00:00Z"), policy)).toMatchObject({ status: "open", window: { opensAt: opened.openedEarlyAt } });
    // An opening after the scheduled one changes nothing.
    expect(meetingWindow({ ...meeting, openedEarlyAt: at("2026-12-01T07:55:00Z") }, policy).opensAt).toEqual(at("2026-12-01T07:50:00Z"));
  });
});

describe("meetingPhase: the end", () => {
  it("on plain Jitsi, CLEANUP_AFTER_HOURS after the start: a meeting running late is never cut off", () => {
    // Hours after the booked end (09:00), whoever joins late still gets in.
    expect(meetingPhase(meeting, at("2026-12-01T13:00:00Z"), plain).status).toBe("open");
    expect(meetingPhase(meeting, at("2026-12-02T06:59:59.999Z"), plain)).toEqual({
      status: "open",
      window: { opensAt: at("2026-12-01T07:50:00Z"), endsAt: at("2026-12-02T07:00:00Z") },
    });
    expect(meetingPhase(meeting, at("2026-12-02T07:00:00Z"), plain)).toEqual({ status: "over" });
    expect(meetingPhase(meeting, at("2026-12-01T11:00:00Z"), { ...plain, cleanupAfterHours: 3 })).toEqual({ status: "over" });
  });

  it("where Jitsi enforces bookings, at the booked end plus the grace period (Jitsi's window)", () => {
    expect(meetingPhase(meeting, at("2026-12-01T09:29:59.999Z"), enforcing)).toEqual({
      status: "open",
      window: { opensAt: at("2026-12-01T07:50:00Z"), endsAt: at("2026-12-01T09:30:00Z") },
    });
    expect(meetingPhase(meeting, at("2026-12-01T09:30:00Z"), enforcing)).toEqual({ status: "over" });
    // Jitsi's side of the policy alone (roomAccess().window, the reservation hook's settings) ends it the same way.
    expect(meetingEndsAt(meeting, { earlyJoinMinutes: 10, graceMinutes: 30 })).toEqual(at("2026-12-01T09:30:00Z"));
    expect(meetingEndsAt({ ...meeting, durationMinutes: 90 }, enforcing)).toEqual(at("2026-12-01T10:00:00Z"));
  });

  it("is over for good: long after, still over", () => {
    expect(meetingPhase(meeting, at("2036-12-01T00:00:00Z"), plain)).toEqual({ status: "over" });
    expect(meetingPhase(meeting, at("2036-12-01T00:00:00Z"), enforcing)).toEqual({ status: "over" });
  });
});

describe("sweepCutoff", () => {
  it("is CLEANUP_AFTER_HOURS before now: on plain Jitsi, a start at or before it is a meeting that is over", () => {
    const now = at("2026-12-02T07:00:00Z");
    expect(sweepCutoff(now, 23)).toEqual(meeting.startsAt);
    expect(meetingPhase(meeting, now, plain).status).toBe("over");
    expect(meetingPhase(meeting, new Date(now.getTime() - 1), plain).status).toBe("open");
    expect(meeting.startsAt <= sweepCutoff(new Date(now.getTime() - 1), 23)).toBe(false);
  });
});
