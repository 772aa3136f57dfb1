/**
 * The meeting a series is on at a moment, where Jitsi enforces bookings (its window: lib/jitsi/window.ts).
 * Pure; the operations move a stored series on when this differs from what is stored.
 */
import { bookingWindow } from "../jitsi/window";
import type { WindowPolicy } from "../jitsi/window";
import { occurrencesAfter } from "../time/recurrence";
import type { Schedule } from "./conference";

/**
 * The meeting of a conference that is on or next at `now`, where Jitsi enforces bookings. A meeting is
 * over at the end of its window, long before the sweep moves a series on (CLEANUP_AFTER_HOURS after
 * the start): from then on a series shows, and Jitsi admits, its next meeting, as the sweep will make
 * it (the first request that sees it moves the series on: see onCurrentMeeting in ./operations.ts).
 * A one-off conference, or a series' last meeting, stays as it is (and over).
 */
export function currentMeeting<T extends Schedule & { openedEarlyAt?: Date | null }>(conference: T, policy: WindowPolicy, now: Date): T {
  if (!conference.repeat || now < bookingWindow(conference, policy).endsAt) return conference;
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
    if (now < bookingWindow(meeting, policy).endsAt) return meeting;
  }
  return conference;
}
