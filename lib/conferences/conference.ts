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

export interface Conference extends Schedule {
  invitationId: string;
  adminId: string;
  roomId: string;
  revision: number;
}

export interface Policy {
  /** Minutes before the start when the room already opens. */
  earlyJoinMinutes: number;
  /** Hours after the start when the meeting is over. */
  cleanupAfterHours: number;
}

export type InvitationState =
  | { status: "waiting"; opensAt: Date; msToOpen: number; secondsToOpen: number }
  | { status: "open" }
  | { status: "ended" };

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
