/**
 * What the server says for a countdown, in the tests' own process: lib/conferences/countdown.ts with
 * the same message files through the same translator core (use-intl) as lib/i18n/translate.ts, which
 * the tests cannot import (it is a server-only module).
 */
import { createTranslator } from "use-intl/core";
import { countdownAnnouncement, remainingText } from "../../lib/conferences/countdown";
import type { Locale } from "../../lib/i18n/locales";
import type { Translate } from "../../lib/i18n/translate";
import { MESSAGES } from "./messages";

/** [what the countdown shows, what a screen reader hears] with `ms` left, as the server says it. */
export function serverCountdown(locale: Locale): (ms: number) => [string, string] {
  const translate = createTranslator({ locale, messages: MESSAGES[locale] });
  const t: Translate = (key, values) => (translate as unknown as Translate)(key, values);
  return (ms) => [remainingText(ms, t), countdownAnnouncement(ms, t)];
}
