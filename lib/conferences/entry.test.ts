/** Where an invitation leads, on a Jitsi that does not enforce bookings and on one that does. */
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import type { RoomAccess } from "../jitsi/access";
import { invitationEntry, roomAfterNotice } from "./entry";

const conference = { roomId: "abcdefghijklmnopqrstuvwxyz", startsAt: new Date("2026-12-01T08:00:00Z"), durationMinutes: 45 };
const open = { status: "open" as const };
const plain: RoomAccess = { jitsiUrl: "https://meet.jit.si", showName: false };
const enforcing: RoomAccess = {
  jitsiUrl: "https://meet.example.org",
  window: { earlyJoinMinutes: 0, graceMinutes: 30 },
  token: { appId: "planado", secret: "s".repeat(40), audience: "jitsi", subject: "*" },
  showName: true,
};
const at = (iso: string) => new Date(iso);

describe("invitationEntry", () => {
  it("on a public Jitsi: the bare room, whatever the time after the start, and never the name", () => {
    expect(invitationEntry(conference, open, plain, { now: at("2026-12-01T20:00:00Z"), name: "Choir" })).toEqual({
      kind: "room",
      roomUrl: "https://meet.jit.si/abcdefghijklmnopqrstuvwxyz",
    });
  });

  it("waits before the room opens, on any Jitsi", () => {
    const waiting = { status: "waiting" as const, opensAt: conference.startsAt, msToOpen: 1500, secondsToOpen: 2 };
    expect(invitationEntry(conference, waiting, enforcing, { now: at("2026-12-01T07:59:58.500Z") })).toEqual({
      kind: "wait",
      msToOpen: 1500,
      secondsToOpen: 2,
    });
  });

  it("where Jitsi enforces bookings: a token for the window and the signed name in the fragment, also after the notice", () => {
    const entry = invitationEntry(
      conference,
      open,
      { ...enforcing, privacyNoticeUrl: "https://example.org/privacy" },
      { now: at("2026-12-01T08:10:00Z"), name: "Choir" },
    );
    expect(entry.kind).toBe("notice");
    const room = new URL(roomAfterNotice(entry)!);
    expect(`${room.origin}${room.pathname}`).toBe("https://meet.example.org/abcdefghijklmnopqrstuvwxyz");
    expect(decodeJwt(room.searchParams.get("jwt")!)).toMatchObject({ room: conference.roomId, exp: at("2026-12-01T09:15:00Z").getTime() / 1000 });
    expect(room.hash).toBe("#config.localSubject=%22Choir%22");
    // Without a signed name in the link, no name.
    expect(invitationEntry(conference, open, enforcing, { now: at("2026-12-01T08:10:00Z") })).toEqual({
      kind: "room",
      roomUrl: expect.not.stringContaining("#"),
    });
  });

  it("is over once the window has passed: no way into the room", () => {
    expect(invitationEntry(conference, open, enforcing, { now: at("2026-12-01T09:14:59Z") }).kind).toBe("room");
    const over = invitationEntry(conference, open, enforcing, { now: at("2026-12-01T09:15:00Z") });
    expect(over).toEqual({ kind: "over" });
    expect(roomAfterNotice(over)).toBeUndefined();
  });
});
