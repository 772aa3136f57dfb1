/** Where an invitation leads, on a Jitsi that does not enforce bookings and on one that does: as the meeting's phase says. */
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import type { RoomAccess } from "../jitsi/access";
import { invitationEntry, roomAfterNotice } from "./entry";
import { meetingPhase } from "./meeting-phase";
import type { MeetingPolicy } from "./meeting-phase";

const conference = { roomId: "abcdefghijklmnopqrstuvwxyz", startsAt: new Date("2026-12-01T08:00:00Z"), durationMinutes: 45 };
const plain: RoomAccess = { jitsiUrl: "https://meet.jit.si", showName: false };
const enforcing: RoomAccess = {
  jitsiUrl: "https://meet.example.org",
  window: { earlyJoinMinutes: 0, graceMinutes: 30 },
  token: { appId: "planado", secret: "s".repeat(40), audience: "jitsi", subject: "*" },
  showName: true,
};
const plainPolicy: MeetingPolicy = { earlyJoinMinutes: 0, cleanupAfterHours: 23 };
const enforcingPolicy: MeetingPolicy = { earlyJoinMinutes: 0, cleanupAfterHours: 23, graceMinutes: 30 };
const at = (iso: string) => new Date(iso);

/** The entry at `now`, for the phase the look-up decides at the same moment. */
function entryAt(iso: string, access: RoomAccess, policy: MeetingPolicy, name?: string) {
  const now = at(iso);
  return invitationEntry(conference, meetingPhase(conference, now, policy), access, { now, name });
}

describe("invitationEntry", () => {
  it("on a public Jitsi: the bare room, whatever the time after the start until the meeting is over, and never the name", () => {
    expect(entryAt("2026-12-01T20:00:00Z", plain, plainPolicy, "Choir")).toEqual({ kind: "room", roomUrl: "https://meet.jit.si/abcdefghijklmnopqrstuvwxyz" });
    expect(entryAt("2026-12-02T06:59:59.999Z", plain, plainPolicy).kind).toBe("room");
    expect(entryAt("2026-12-02T07:00:00Z", plain, plainPolicy)).toEqual({ kind: "over" });
  });

  it("waits before the room opens, on any Jitsi", () => {
    for (const [access, policy] of [
      [plain, plainPolicy],
      [enforcing, enforcingPolicy],
    ] as const) {
      expect(entryAt("2026-12-01T07:59:58.500Z", access, policy)).toEqual({ kind: "wait", msToOpen: 1500, secondsToOpen: 2 });
      expect(entryAt("2026-12-01T08:00:00Z", access, policy).kind).toBe("room");
    }
  });

  it("where Jitsi enforces bookings: a token for the window and the signed name in the fragment, also after the notice", () => {
    const now = at("2026-12-01T08:10:00Z");
    const entry = invitationEntry(
      conference,
      meetingPhase(conference, now, enforcingPolicy),
      { ...enforcing, privacyNoticeUrl: "https://example.org/privacy" },
      { now, name: "Choir" },
    );
    expect(entry.kind).toBe("notice");
    const room = new URL(roomAfterNotice(entry)!);
    expect(`${room.origin}${room.pathname}`).toBe("https://meet.example.org/abcdefghijklmnopqrstuvwxyz");
    expect(decodeJwt(room.searchParams.get("jwt")!)).toMatchObject({ room: conference.roomId, exp: at("2026-12-01T09:15:00Z").getTime() / 1000 });
    expect(room.hash).toBe("#config.localSubject=%22Choir%22");
    // Without a signed name in the link, no name.
    expect(entryAt("2026-12-01T08:10:00Z", enforcing, enforcingPolicy)).toEqual({ kind: "room", roomUrl: expect.not.stringContaining("#") });
  });

  it("is over once the window has passed: no way into the room", () => {
    expect(entryAt("2026-12-01T09:14:59.999Z", enforcing, enforcingPolicy).kind).toBe("room");
    const over = entryAt("2026-12-01T09:15:00Z", enforcing, enforcingPolicy);
    expect(over).toEqual({ kind: "over" });
    expect(roomAfterNotice(over)).toBeUndefined();
  });

  it("asks for the name only when it shows it in a room", () => {
    let asked = 0;
    const name = () => {
      asked++;
      return "Choir";
    };
    const waiting = meetingPhase(conference, at("2026-12-01T07:00:00Z"), enforcingPolicy);
    invitationEntry(conference, waiting, enforcing, { now: at("2026-12-01T07:00:00Z"), name });
    invitationEntry(conference, meetingPhase(conference, at("2026-12-01T08:00:00Z"), plainPolicy), plain, { now: at("2026-12-01T08:00:00Z"), name });
    expect(asked).toBe(0);
    invitationEntry(conference, meetingPhase(conference, at("2026-12-01T08:00:00Z"), enforcingPolicy), enforcing, { now: at("2026-12-01T08:00:00Z"), name });
    expect(asked).toBe(1);
  });
});
