/**
 * When Jitsi may hold a conference's room, for an operator who lets Planado enforce bookings on their
 * own Jitsi (reservations and tokens): from the room's opening (the start less EARLY_JOIN_MINUTES, or
 * earlier if the organizer opened it with "Join now") to the booked end plus a grace period. Pure.
 */
import type { Schedule } from "../conferences/conference";
import { occurrencesAfter } from "../time/recurrence";

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

/**
 * The meeting of a conference that is on or next at `now`, where Jitsi enforces bookings. A meeting is
 * over at the end of its window, long before the sweep moves a series on (CLEANUP_AFTER_HOURS after
 * the start): from then on a series shows, and Jitsi admits, its next meeting, as the sweep will make
 * it (the first request that sees it moves the series on: see onCurrentMeeting in lib/conferences).
 * A one-off conference, or a series' last meeting, stays as it is (and over).
 */
export function currentMeeting<T extends Schedule & { openedEarlyAt?: Date | null }>(conference: T, policy: WindowPolicy, now: Date): T {
  if (!conference.repeat || now < bookingWindow(conference, policy).endsAt) return conference;
  let used = 0;
  for (const next of occurrencesAfter(conference.localStart, conference.timeZone, conference.repeat, conference.remainingOccurrences)) {
    used++;
    const meeting = {
      ...conference,
      startsAt: next.instant, localStart: next.local, remainingOccurrences: conference.remainingOccurrences - used,
      // An early opening by "Join now" was the last meeting's.
      openedEarlyAt: null,
    };
    if (now < bookingWindow(meeting, policy).endsAt) return meeting;
  }
  return conference;
}
