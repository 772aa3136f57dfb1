/**
 * The meeting a series is on at a moment: the first of its meetings that is not over yet (by
 * ./meeting-phase.ts, on either deployment). Pure; the operations move a stored series on when this
 * differs from what is stored, and the sweep's plan (lib/cleanup/plan.ts) makes the same move.
 */
import { occurrencesAfter } from "../time/recurrence";
import type { Schedule } from "./conference";
import { meetingEndsAt } from "./meeting-phase";
import type { MeetingPolicy } from "./meeting-phase";

/**
 * The meeting of a conference that is on or next at `now`. Once a meeting is over a series shows, and
 * Jitsi admits, its next meeting, as the sweep will make it (the first request that sees it moves the
 * series on: see onCurrentMeeting in ./operations.ts). Where Jitsi enforces bookings that is hours
 * before the sweep; on plain Jitsi it is the sweep's own moment, and whichever comes first moves it.
 * A one-off conference, or a series' last meeting, stays as it is (and over).
 */
export function currentMeeting<T extends Schedule & { openedEarlyAt?: Date | null }>(conference: T, policy: MeetingPolicy, now: Date): T {
  if (!conference.repeat || now < meetingEndsAt(conference, policy)) return conference;
  let used = 0;
  for (const next of occurrencesAfter(conference.localStart, conference.timeZone, conference.repeat, conference.remainingOccurrences)) {
    used++;
    const meeting = {
      ...conference,
      startsAt: next.instant,
      localStart: next.local,
      remainingOccurrences: conference.remainingOccurrences - used,
      // An early opening by "Join now" was the last meeting's.
      openedEarlyAt: null,
    };
    if (now < meetingEndsAt(meeting, policy)) return meeting;
  }
  return conference;
}
