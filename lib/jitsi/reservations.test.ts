import { describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { decideReservation, REFUSALS, reservationId, roomOfName, UNBOOKED_SECONDS } from "./reservations";
import { reservationRequestSchema } from "./schema";
import { roomToken } from "./token";
import { CLOCK_SKEW_SECONDS, jitsiAdmits } from "./window";

const at = (iso: string) => new Date(iso);
const startsAt = at("2026-12-01T08:00:00Z");
// A one-hour meeting, opening 10 minutes early, with 30 minutes' grace (what lib/conferences/meeting-phase.ts computes).
const window = { opensAt: at("2026-12-01T07:50:00Z"), endsAt: at("2026-12-01T09:30:00Z") };
const booked = { kind: "booked" as const, id: reservationId(42, 3), startsAt, window };
const options = { allowUnbooked: false, unbookedId: "unbooked-x" };

describe("the booking window", () => {
  it("admits the room from a minute before its opening (clocks differ), until (not at) its end", () => {
    expect(CLOCK_SKEW_SECONDS).toBe(60);
    expect([
      jitsiAdmits(window, at("2026-12-01T07:48:59.999Z")),
      jitsiAdmits(window, at("2026-12-01T07:49:00Z")),
      jitsiAdmits(window, at("2026-12-01T09:29:59.999Z")),
      jitsiAdmits(window, at("2026-12-01T09:30:00Z")),
    ]).toEqual([false, true, true, false]);
  });

  it("admits a reservation from the very instant the room's tokens become valid: 61 s before the opening refused, 59 s before admitted", () => {
    const settings = { appId: "planado", secret: "s".repeat(40), audience: "jitsi", subject: "meet.example.org" };
    const { nbf } = decodeJwt(roomToken(settings, "abc", window, { moderator: false }));
    const validFrom = new Date(nbf! * 1000);
    expect(validFrom).toEqual(at("2026-12-01T07:49:00Z"));
    const decide = (now: Date) => decideReservation({ name: "abc" }, booked, now, options).status;
    expect([decide(at("2026-12-01T07:48:59Z")), decide(at("2026-12-01T07:49:01Z")), decide(validFrom)]).toEqual([403, 200, 200]);
    expect(decide(new Date(validFrom.getTime() - 1))).toBe(403);
    // A room "Join now" opened at an odd moment: the token's second and the reservation's instant still agree.
    const early = { ...window, opensAt: at("2026-12-01T06:12:34Z") };
    const earlyNbf = decodeJwt(roomToken(settings, "abc", early, { moderator: true })).nbf! * 1000;
    const decideEarly = (now: number) => decideReservation({ name: "abc" }, { ...booked, window: early }, new Date(now), options).status;
    expect([decideEarly(earlyNbf - 1), decideEarly(earlyNbf)]).toEqual([403, 200]);
  });
});

describe("decideReservation", () => {
  it("admits a booked room within its window, until its end: the duration in seconds from the booked start", () => {
    expect(decideReservation({ name: "[School]ABC", mailOwner: "x@meet" }, booked, at("2026-12-01T07:55:00Z"), options)).toEqual({
      status: 200,
      reservation: { id: reservationId(42, 3), name: "[school]abc", mail_owner: "x@meet", start_time: "2026-12-01T08:00:00.000Z", duration: 90 * 60 },
    });
  });

  it("refuses before, after, an old room and an unbooked one, in words for the person", () => {
    expect(decideReservation({ name: "abc" }, booked, at("2026-12-01T07:48:59Z"), options)).toEqual({ status: 403, message: REFUSALS.early });
    expect(decideReservation({ name: "abc" }, booked, at("2026-12-01T09:30:00Z"), options)).toEqual({ status: 403, message: REFUSALS.over });
    expect(decideReservation({ name: "abc" }, { kind: "retired" }, at("2026-12-01T08:00:00Z"), { ...options, allowUnbooked: true })).toEqual({
      status: 403,
      message: REFUSALS.over,
    });
    expect(decideReservation({ name: "abc" }, { kind: "unknown" }, at("2026-12-01T08:00:00Z"), options)).toEqual({ status: 403, message: REFUSALS.unbooked });
    for (const text of Object.values(REFUSALS)) expect(text).not.toMatch(/\d/);
  });

  it("admits an unbooked room for a day where the operator allows those", () => {
    expect(decideReservation({ name: "Lobby" }, { kind: "unknown" }, at("2026-12-01T08:00:00Z"), { allowUnbooked: true, unbookedId: "unbooked-1" })).toEqual({
      status: 200,
      reservation: { id: "unbooked-1", name: "lobby", mail_owner: "", start_time: "2026-12-01T08:00:00.000Z", duration: UNBOOKED_SECONDS },
    });
  });
});

describe("requests and ids", () => {
  it("reads the room without its tenant, and refuses malformed fields", () => {
    expect(roomOfName("[Tenant]AbC")).toBe("abc");
    expect(reservationRequestSchema.safeParse({ name: "r", start_time: "2026-12-01T08:00:00.000Z", mail_owner: "a@b" }).success).toBe(true);
    expect(reservationRequestSchema.safeParse({ name: "r", start_time: "2026-12-01T08:00:00.000+0100" }).success).toBe(true);
    for (const bad of [
      { start_time: "2026-12-01T08:00:00.000Z" },
      { name: "", start_time: "2026-12-01T08:00:00.000Z" },
      { name: "r", start_time: "yesterday" },
      { name: "r", start_time: "2026-13-45T08:00:00.000Z" },
    ]) {
      expect(reservationRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("gives each room of each conference its own id, in digits", () => {
    expect(reservationId(42, 3)).toMatch(/^\d+$/);
    expect(reservationId(42, 3)).not.toBe(reservationId(42, 4));
    expect(reservationId(43, 3)).not.toBe(reservationId(42, 3));
    expect(reservationId(4_294_967_295, 1_000_000)).toMatch(/^\d{1,16}$/);
  });
});
