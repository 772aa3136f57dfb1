/** A conference as Planado's pages and API see it (when its meeting is open or over: ./meeting-phase.ts). */
import type { Repeat } from "../time/recurrence";
import type { LocalDateTime } from "../time/zoned";

/** When a conference meets: what the organizer chose, resolved to instants. */
export interface Schedule {
  startsAt: Date;
  /** The same start as wall-clock time in `timeZone`, as the organizer meant it. */
  localStart: LocalDateTime;
  timeZone: string;
  durationMinutes: number;
  repeat: Repeat | null;
  /** Meetings after the one at `startsAt`. */
  remainingOccurrences: number;
}

/** A conference as a participant's look-up finds it (by its invitation id). */
export interface Conference extends Schedule {
  invitationId: string;
  /** The Jitsi room now (derived, never stored: see lib/keys/derive.ts). */
  roomId: string;
  /** Which of the conference's rooms that is (the first is 1): it rises with every fresh room. */
  roomGeneration: number;
  /** Whether the room's hash is stored yet: it is once the room is handed out (see handOutRoom). */
  roomRecorded: boolean;
  revision: number;
}

/** A conference as its organizer finds it: with the admin id too. */
export interface ManagedConference extends Conference {
  adminId: string;
}

/**
 * Whether a change of start gets a fresh room: whenever the start moves later. Whoever was let into
 * the room before (the first meeting, the organizer's "Join now") must not sit in it early; moving
 * earlier hands the room to nobody new.
 */
export function roomChangesWith(previousStart: Date, newStart: Date): boolean {
  return newStart.getTime() > previousStart.getTime();
}
