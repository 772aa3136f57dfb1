import { describe, expect, it } from "vitest";
import { invitationState } from "./conference";

const startsAt = new Date("2026-12-01T08:00:00Z");
const policy = { earlyJoinMinutes: 0, cleanupAfterHours: 23 };
const at = (iso: string) => new Date(iso);

describe("invitationState", () => {
  it("waits until the start second, then opens", () => {
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-01T07:59:58.500Z"), policy)).toEqual({
      status: "waiting",
      opensAt: startsAt,
      msToOpen: 1500,
      secondsToOpen: 2,
    });
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-01T07:59:59.999Z"), policy)).toMatchObject({
      status: "waiting",
      secondsToOpen: 1,
    });
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, startsAt, policy)).toEqual({ status: "open" });
  });

  it("opens early when the operator allows it", () => {
    const early = { ...policy, earlyJoinMinutes: 10 };
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-01T07:49:59Z"), early)).toMatchObject({ status: "waiting", secondsToOpen: 1 });
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-01T07:50:00Z"), early)).toEqual({ status: "open" });
  });

  it("ends a one-off conference at the cleanup threshold; a recurring one stays open for the sweep", () => {
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-02T06:59:59Z"), policy)).toEqual({ status: "open" });
    expect(invitationState({ startsAt, remainingOccurrences: 0 }, at("2026-12-02T07:00:00Z"), policy)).toEqual({ status: "ended" });
    expect(invitationState({ startsAt, remainingOccurrences: 2 }, at("2026-12-02T07:00:00Z"), policy)).toEqual({ status: "open" });
  });
});
