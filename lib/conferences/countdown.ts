/**
 * The wait page's countdown, as pure functions so they can be tested: what it shows, what a screen
 * reader hears, and when the page should go to the room.
 */
// Only the type: this module runs in the browser, which gets just the messages it needs.
import type { Translate } from "../i18n/translate";

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

/** "2 days, 3 hours", "3 h 05 min", "04:59" (in the visitor's language). */
export function remainingText(ms: number, t: Translate): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return t("countdown.days", { days, hours });
  if (hours > 0) return t("countdown.hours", { hours, minutes: String(minutes).padStart(2, "0") });
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * What a screen reader hears: it changes at most once a minute (then once in the last minute, and
 * at the start), so a live region announces it without chattering.
 */
export function countdownAnnouncement(ms: number, t: Translate): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total > 3600) {
    const hours = Math.ceil(total / 3600);
    if (hours < 24) return t("countdown.startsInHours", { hours });
    return t("countdown.startsInDays", { days: Math.floor(hours / 24), hours: hours % 24 });
  }
  if (total > 60) return t("countdown.startsInMinutes", { minutes: Math.ceil(total / 60) });
  if (total > 10) return t("countdown.lessThanMinute");
  return t("countdown.starting");
}
