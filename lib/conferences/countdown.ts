/**
 * The wait page's countdown, as pure functions so they can be tested: what it shows, what a screen
 * reader hears, and when the page should go to the room. The server puts it into words (in every
 * language, with plurals); the page's small script only picks the words for the second it is in.
 */
import type { Translate } from "../i18n/translate";

/** Arrive a little after the start rather than a little before (the server would only say "wait"). */
export const FORWARD_MARGIN_MS = 250;

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

/** For a number of whole seconds left: what the countdown shows, and what a screen reader hears. */
export type CountdownStep = [secondsLeft: number, shown: string, spoken: string];

/**
 * The countdown from `secondsLeft` down over the next `span` seconds, only where its words change:
 * each step holds from its second down to the next step's. The wait page reloads (or forwards)
 * before the span is over, so its script never needs more.
 */
export function countdownSteps(secondsLeft: number, span: number, t: Translate): CountdownStep[] {
  const steps: CountdownStep[] = [];
  for (let s = secondsLeft; s >= Math.max(0, secondsLeft - span); s--) {
    const shown = remainingText(s * 1000, t);
    const spoken = countdownAnnouncement(s * 1000, t);
    const last = steps.at(-1);
    if (!last || last[1] !== shown || last[2] !== spoken) steps.push([s, shown, spoken]);
  }
  return steps;
}
