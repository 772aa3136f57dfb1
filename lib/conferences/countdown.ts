/**
 * The wait page's countdown, as pure functions so they can be tested: what it shows, what a screen
 * reader hears, and when the page should go to the room.
 */

/** Arrive a little after the start rather than a little before (the server would only say "wait"). */
export const FORWARD_MARGIN_MS = 250;

/** Browsers fire a setTimeout longer than this at once (it overflows a 32-bit integer). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long to wait before going to the room, or undefined when the start is too far away for one
 * timer; the page then checks again on its regular tick.
 */
export function forwardDelay(msLeft: number): number | undefined {
  const delay = Math.max(0, msLeft + FORWARD_MARGIN_MS);
  return delay <= MAX_TIMER_MS ? delay : undefined;
}

/** "2 days, 3 hours", "3 h 05 min", "04:59". */
export function remainingText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}, ${hours} hour${hours === 1 ? "" : "s"}`;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * What a screen reader hears: it changes at most once a minute (then once in the last minute, and
 * at the start), so a live region announces it without chattering.
 */
export function countdownAnnouncement(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total > 3600) return `The conference starts in ${remainingText(Math.ceil(total / 3600) * 3_600_000)}.`;
  if (total > 60) return `The conference starts in ${Math.ceil(total / 60)} minutes.`;
  if (total > 10) return "The conference starts in less than a minute.";
  return "The conference is starting.";
}
