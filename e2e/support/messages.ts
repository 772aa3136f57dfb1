/**
 * The message files, for tests that find things by what a visitor reads. Read from disk: Playwright
 * loads test files as ES modules, which import JSON only with an import attribute the app's own
 * imports (bundled by Next) do not carry.
 */
import { readFileSync } from "node:fs";
import { LOCALES } from "../../lib/i18n/locales";
import type { Locale } from "../../lib/i18n/locales";
import type { Messages } from "../../lib/i18n/translate";

export const MESSAGES = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Messages]),
) as Record<Locale, Messages>;
