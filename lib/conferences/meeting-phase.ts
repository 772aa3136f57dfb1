/**
 * When a meeting opens and when it is over, decided in one place for every door: the invitation, the
 * wait page, the API's invitation status, the organizer's "Join now", the series moving on, Jitsi's
 * window (tokens, reservations) and the sweep. Pure.
 *
 * A meeting opens EARLY_JOIN_MINUTES before its start (or when the organizer's "Join now" opened it
 * earlier). When it is over depends on the deployment:
 *  - On a Jitsi that does not enforce bookings (meet.jit.si, the default), Planado cannot know when a
 *    meeting really ends: nobody tells it, and a meeting that runs late must not be cut off for
 *    whoever joins late. It is over CLEANUP_AFTER_HOURS after its start.
 *  - Where the operator's Jitsi enforces bookings (tokens or reservations), Jitsi itself refuses the
 *    room after its booking window: the meeting is over at the booked end plus
 *    JITSI_RESERVATION_GRACE_MINUTES, and Planado says so rather than send anyone to a refused room.
 *
 * The sweep deletes (or moves a series on) CLEANUP_AFTER_HOURS after the start on both deployments
 * (sweepCutoff): on plain Jitsi that is the moment the meeting is over; where bookings are enforced the
 * meeting is over earlier, and a series moves on at the first request after that (see
 * ./current-meeting.ts), while the row itself stays until the sweep. One cutoff on `starts_at` is what
 * lets the sweep's SQL walk the index on that column (an end that depends on each row's duration
 * could not), and the invitation of a meeting that is over reads as gone either way.
 */
import type { BookingWindow } from "../jitsi/window";

/**
 * How a deployment opens and ends meetings; built once from the configuration (meetingPolicy in
 * ./operations.ts). EARLY_JOIN_MINUTES opens the room before the start; the end is one of:
 *  - plain Jitsi: CLEANUP_AFTER_HOURS after the start;
 *  - the operator's Jitsi enforcing bookings (tokens or reservations): JITSI_RESERVATION_GRACE_MINUTES
 *    after the booked end (`graceMinutes` set). Jitsi's booking window (lib/jitsi/window.ts) is this
 *    policy. The sweep's threshold, which every deployment has, plays no part in the phase then.
 */
export type MeetingPolicy =
  | { earlyJoinMinutes: number; cleanupAfterHours: number; graceMinutes?: undefined }
  | { earlyJoinMinutes: number; graceMinutes: number; cleanupAfterHours?: number };

/** One meeting: a one-off conference, or the meeting a series is on. */
export interface Meeting {
  startsAt: Date;
  durationMinutes: number;
  /** When the organizer's "Join now" opened this meeting's room before its time. */
  openedEarlyAt?: Date | null;
}

export type MeetingPhase =
  | { status: "waiting"; opensAt: Date; msToOpen: number; secondsToOpen: number }
  /** `window`: from the opening to the end; a token is valid for it where Jitsi checks tokens. */
  | { status: "open"; window: BookingWindow }
  | { status: "over" };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When the meeting's room opens: EARLY_JOIN_MINUTES before the start, or earlier if "Join now" opened it. */
export function meetingOpensAt(meeting: Meeting, policy: MeetingPolicy): Date {
  const scheduled = meeting.startsAt.getTime() - policy.earlyJoinMinutes * MINUTE;
  return new Date(Math.min(scheduled, meeting.openedEarlyAt?.getTime() ?? Number.POSITIVE_INFINITY));
}

/** The instant the meeting is over (see the top of this file for why it differs by deployment). */
export function meetingEndsAt(meeting: Meeting, policy: MeetingPolicy): Date {
  if (policy.graceMinutes !== undefined) return new Date(meeting.startsAt.getTime() + (meeting.durationMinutes + policy.graceMinutes) * MINUTE);
  return new Date(meeting.startsAt.getTime() + policy.cleanupAfterHours * HOUR);
}

/**
 * From the opening to the end: what Jitsi is told where it enforces bookings (a token's validity, a
 * reservation's duration). Jitsi itself may hold the room a minute before the opening, for clocks that
 * differ (CLOCK_SKEW_SECONDS in lib/jitsi/window.ts); pages and the API open at the opening exactly.
 */
export function meetingWindow(meeting: Meeting, policy: MeetingPolicy): BookingWindow {
  return { opensAt: meetingOpensAt(meeting, policy), endsAt: meetingEndsAt(meeting, policy) };
}

/** Waiting before the opening, open from it, over from the end on. */
export function meetingPhase(meeting: Meeting, now: Date, policy: MeetingPolicy): MeetingPhase {
  const window = meetingWindow(meeting, policy);
  if (now < window.opensAt) {
    const msToOpen = window.opensAt.getTime() - now.getTime();
    return { status: "waiting", opensAt: window.opensAt, msToOpen, secondsToOpen: Math.ceil(msToOpen / 1000) };
  }
  if (now >= window.endsAt) return { status: "over" };
  return { status: "open", window };
}

/**
 * The sweep's cutoff at `now`: a meeting that started at or before it is swept (deleted, or its series
 * moved on). CLEANUP_AFTER_HOURS on every deployment: see the top of this file.
 */
export function sweepCutoff(now: Date, cleanupAfterHours: number): Date {
  return new Date(now.getTime() - cleanupAfterHours * HOUR);
}
