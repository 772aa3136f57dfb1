import { describe, expect, it } from "vitest";
import { decideReservation, parseReservationId, REFUSALS, reservationId, roomOfName, UNBOOKED_SECONDS } from "./reservations";
import { reservationRequestSchema } from "./schema";
import { isOpen } from "./window";

const at = (iso: string) => new Date(iso);
const startsAt = at("2026-12-01T08:00:00Z");
// A one-hour meeting, opening 10 minutes early, with 30 minutes' grace (what lib/conferences/meeting-phase.ts computes).
const window = { opensAt: at("2026-12-01T07:50:00Z"), endsAt: at("2026-12-01T09:30:00Z") };
const booked = { kind: "booked" as const, id: reservationId(42, 3), startsAt, window };
const options = { allowUnbooked: false, unbookedId: "unbooked-x" };

describe("the booking window", () => {
  it("is open from its opening, until (not at) its end", () => {
    expect([
      isOpen(window, at("2026-12-01T07:49:59.999Z")),
      isOpen(window, at("2026-12-01T07:50:00Z")),
      isOpen(window, at("2026-12-01T09:29:59.999Z")),
      isOpen(window, at("2026-12-01T09:30:00Z")),
    ]).toEqual([false, true, true, false]);
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
    expect(decideReservation({ name: "abc" }, booked, at("2026-12-01T07:49:00Z"), options)).toEqual({ status: 403, message: REFUSALS.early });
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

  it("gives each room of each conference its own id, and reads it back", () => {
    expect(reservationId(42, 3)).toMatch(/^\d+$/);
    expect(parseReservationId(reservationId(42, 3))).toEqual({ rowId: 42, generation: 3 });
    expect(reservationId(42, 3)).not.toBe(reservationId(42, 4));
    expect(parseReservationId(reservationId(4_294_967_295, 1_000_000))).toEqual({ rowId: 4_294_967_295, generation: 1_000_000 });
    // Beyond any row (a row id is an unsigned INT), or not digits: no such reservation.
    for (const bad of ["", "x", "-1", "1e3", "12.0", String(2 ** 32 * 2 ** 20), "99999999999999999"]) expect(parseReservationId(bad), bad).toBeUndefined();
  });
});
