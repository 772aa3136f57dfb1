/** A conference as Planado's pages and API see it, and what its state is at a given moment. */
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

export interface Policy {
  /** Minutes before the start when the room already opens. */
  earlyJoinMinutes: number;
  /** Hours after the start when the meeting is over. */
  cleanupAfterHours: number;
}

export type InvitationState = { status: "waiting"; opensAt: Date; msToOpen: number; secondsToOpen: number } | { status: "open" } | { status: "ended" };

/**
 * Before the start (less the early-join minutes): waiting. From then until the cleanup threshold:
 * open. After it, a one-off conference has ended (the sweep will delete it); a recurring one stays
 * open until the sweep moves it to its next meeting.
 */
export function invitationState(c: Pick<Conference, "startsAt" | "remainingOccurrences">, now: Date, policy: Policy): InvitationState {
  const opensAt = new Date(c.startsAt.getTime() - policy.earlyJoinMinutes * 60_000);
  if (now < opensAt) {
    const msToOpen = opensAt.getTime() - now.getTime();
    return { status: "waiting", opensAt, msToOpen, secondsToOpen: Math.ceil(msToOpen / 1000) };
  }
  const endsAt = c.startsAt.getTime() + policy.cleanupAfterHours * 3_600_000;
  if (now.getTime() >= endsAt && c.remainingOccurrences === 0) return { status: "ended" };
  return { status: "open" };
}
