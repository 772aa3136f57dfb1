/**
 * When Jitsi may hold a conference's room, for an operator who lets Planado enforce bookings on their
 * own Jitsi (reservations and tokens): from the room's opening (the start less EARLY_JOIN_MINUTES, or
 * earlier if the organizer opened it with "Join now") to the booked end plus a grace period. Pure.
 */

export interface WindowPolicy {
  earlyJoinMinutes: number;
  graceMinutes: number;
}

export interface Booked {
  startsAt: Date;
  durationMinutes: number;
  /** When the organizer's "Join now" opened the room before its time (this meeting's room). */
  openedEarlyAt?: Date | null;
}

export interface BookingWindow {
  opensAt: Date;
  endsAt: Date;
}

const MINUTE = 60_000;

export function bookingWindow(booked: Booked, policy: WindowPolicy): BookingWindow {
  const scheduled = booked.startsAt.getTime() - policy.earlyJoinMinutes * MINUTE;
  const early = booked.openedEarlyAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return {
    opensAt: new Date(Math.min(scheduled, early)),
    endsAt: new Date(booked.startsAt.getTime() + (booked.durationMinutes + policy.graceMinutes) * MINUTE),
  };
}

export function isOpen(window: BookingWindow, now: Date): boolean {
  return now >= window.opensAt && now < window.endsAt;
}
