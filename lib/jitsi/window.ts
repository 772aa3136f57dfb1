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

export function isOpen(window: BookingWindow, now: Date): boolean {
  return now >= window.opensAt && now < window.endsAt;
}
