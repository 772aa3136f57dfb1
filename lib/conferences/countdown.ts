/**
 * The wait page's countdown, as pure functions so they can be tested: what it shows and what a screen
 * reader hears, for any number of milliseconds left. The server says it first (in the page); the
 * page's script (server/pages/countdown.es5.js) says it from then on, with the same words, which the
 * server hands it compiled (countdownWords); a test holds the two to the same text in every language.
 */
import type { Translate } from "../i18n/translate";

/** Arrive a little after the start rather than a little before (the server would only say "wait"). */
export const FORWARD_MARGIN_MS = 250;

/** The messages the countdown speaks with (under "countdown." in messages/*.json). */
export const COUNTDOWN_MESSAGES = ["days", "hours", "startsInDays", "startsInHours", "startsInMinutes", "lessThanMinute", "starting"] as const;

/** Whole days, hours, minutes and seconds in `ms`, rounded up to the second (the clock never shows 0 early). */
function partsOf(ms: number) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return { total, days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

const twoDigits = (n: number) => String(n).padStart(2, "0");

/** "2 days, 3 hours", "3 h 05 min", "04:59" (in the visitor's language). */
export function remainingText(ms: number, t: Translate): string {
  const { days, hours, minutes, seconds } = partsOf(ms);
  if (days > 0) return t("countdown.days", { days, hours });
  if (hours > 0) return t("countdown.hours", { hours, minutes: twoDigits(minutes) });
  return `${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

/**
 * What a screen reader hears: the shown text's largest units in a sentence, so the two never
 * disagree ("03:11" is "3 minutes", "2 days, 3 hours" is "2 days, 3 hours"). It changes once an hour
 * while hours are shown, once a minute in the last hour, then for the last minute and at the start,
 * so a live region announces it without chattering.
 */
export function countdownAnnouncement(ms: number, t: Translate): string {
  const { total, days, hours, minutes } = partsOf(ms);
  if (days > 0) return t("countdown.startsInDays", { days, hours });
  if (hours > 0) return t("countdown.startsInHours", { hours });
  if (minutes > 0) return t("countdown.startsInMinutes", { minutes });
  if (total > 10) return t("countdown.lessThanMinute");
  return t("countdown.starting");
}
