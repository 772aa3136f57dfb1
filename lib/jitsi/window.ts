/**
 * When Jitsi may hold a conference's room, for an operator who lets Planado enforce bookings on their
 * own Jitsi (reservations and tokens). What the window is (from the room's opening to the meeting's
 * end) is decided with the rest of a meeting's phase, in lib/conferences/meeting-phase.ts; Jitsi's
 * side only carries it. Pure.
 */

/** The configuration's part of the window where bookings are enforced (see roomAccess in ./access.ts). */
export interface WindowPolicy {
  earlyJoinMinutes: number;
  graceMinutes: number;
}

export interface BookingWindow {
  opensAt: Date;
  endsAt: Date;
}

/**
 * Clocks of Planado's servers and Jitsi's may differ by this much, so Jitsi may hold a room this long
 * before its window opens: a token is valid from then (its `nbf`) and a reservation is admitted from
 * then. One constant for both: Prosody's mod_reservations caches a refusal for 30 s and sweeps its
 * cache every 60 s, so a room its token admits but its reservation refuses (a server a second behind
 * the one that sent the class there) would stay refused for everyone for up to 90 s.
 */
export const CLOCK_SKEW_SECONDS = 60;

/** The first instant Jitsi may hold the room: the window's opening, less the clock skew. */
export function jitsiAdmitsFrom(window: BookingWindow): Date {
  return new Date(window.opensAt.getTime() - CLOCK_SKEW_SECONDS * 1000);
}

/** Whether Jitsi may hold the room at `now`: from jitsiAdmitsFrom until (not at) the window's end. */
export function jitsiAdmits(window: BookingWindow, now: Date): boolean {
  return now >= jitsiAdmitsFrom(window) && now < window.endsAt;
}
