/**
 * Jitsi's reservation system (the Prosody module mod_reservations, jitsi-meet's
 * resources/prosody-plugins/mod_reservations.lua): before Jitsi creates a room it asks whether the
 * room may exist, and for how long. Planado answers from its bookings, so that on an operator's own
 * Jitsi a booked room exists only within its booking window. Pure: the request, the conference found
 * and the moment come in as arguments.
 *
 * The contract, as the module implements it:
 *  - POST {prefix}/conference, application/x-www-form-urlencoded: name (the room, "[tenant]room" with a
 *    tenant), start_time (when Jitsi creates the room, UTC yyyy-MM-dd'T'HH:mm:ss.SSSX), mail_owner (a
 *    JID, random with token or anonymous login: ignored, never stored or logged).
 *  - 200 with JSON { id, name, mail_owner, start_time, duration }: `name` must be the room as sent
 *    (lower case), `duration` is in seconds from `start_time`, and Prosody ends the room then. Optional
 *    fields are left out, never null (a null fails the whole answer).
 *  - Any other status refuses the room; Prosody shows the JSON `message` to the person.
 *  - GET {prefix}/conference/{id} after a 409: Planado never answers 409, and answers this 404 always
 *    (lib/api/reservations.ts). DELETE when the room ends.
 */
import type { BookingWindow } from "./window";
import { jitsiAdmits, jitsiAdmitsFrom } from "./window";

/** What Prosody shows the person (English: it is Jitsi's screen; no ids, no times). */
export const REFUSALS = {
  early: "This meeting has not started yet. Please open it from your invitation at its start time.",
  over: "This meeting is over.",
  unbooked: "This meeting room is not booked on this server.",
} as const;

/** How long an unbooked room may run where the operator admits those (a generous working day). */
export const UNBOOKED_SECONDS = 24 * 3600;

/** The room a request names: without its tenant ("[school]room"), in lower case as Jitsi compares. */
export function roomOfName(name: string): string {
  return name.replace(/^\[[^\]]*\]/, "").toLowerCase();
}

/** What Planado knows of a room. */
export type RoomBooking = { kind: "booked"; id: string; startsAt: Date; window: BookingWindow } | { kind: "retired" } | { kind: "unknown" };

export interface Reservation {
  id: string;
  name: string;
  mail_owner: string;
  start_time: string;
  duration: number;
}

export type ReservationDecision = { status: 200; reservation: Reservation } | { status: 403; message: string };

/**
 * The answer for a room at `now`. A booked room within its window (from a minute before its opening,
 * as its tokens: CLOCK_SKEW_SECONDS in ./window.ts): admitted until the window's end
 * (the duration counts from the booked start, which is the start_time Jitsi is told). Outside it,
 * an old room of a conference, or (unless the operator admits them) a room nobody booked: refused.
 */
export function decideReservation(
  request: { name: string; mailOwner?: string },
  booking: RoomBooking,
  now: Date,
  options: { allowUnbooked: boolean; unbookedId: string },
): ReservationDecision {
  const name = request.name.toLowerCase();
  const mail_owner = request.mailOwner ?? "";
  if (booking.kind === "booked") {
    if (!jitsiAdmits(booking.window, now)) return { status: 403, message: now < jitsiAdmitsFrom(booking.window) ? REFUSALS.early : REFUSALS.over };
    const duration = Math.floor((booking.window.endsAt.getTime() - booking.startsAt.getTime()) / 1000);
    return { status: 200, reservation: { id: booking.id, name, mail_owner, start_time: booking.startsAt.toISOString(), duration } };
  }
  if (booking.kind === "retired") return { status: 403, message: REFUSALS.over };
  if (!options.allowUnbooked) return { status: 403, message: REFUSALS.unbooked };
  return { status: 200, reservation: { id: options.unbookedId, name, mail_owner, start_time: now.toISOString(), duration: UNBOOKED_SECONDS } };
}

/**
 * A reservation's id: stable for a conference's room (its row and room generation), digits in a
 * string (mod_reservations takes any string; a JSON number could come back as "12.0" from Lua).
 * Only Prosody sees it (GET /conference/{id}, which would look a room up by it, is always 404).
 */
const GENERATIONS = 2 ** 20;

export function reservationId(rowId: number, generation: number): string {
  return String(rowId * GENERATIONS + (generation % GENERATIONS));
}
