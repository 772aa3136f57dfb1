/**
 * Translations for code that has no framework around it (domain texts, validation messages, the API,
 * calendar files): the same message files the pages use, through use-intl's core translator.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import ar from "../../messages/ar.json";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import fr from "../../messages/fr.json";
import it from "../../messages/it.json";
import nl from "../../messages/nl.json";
import pl from "../../messages/pl.json";
import pt from "../../messages/pt.json";
import type { Locale } from "./locales";

export type Messages = typeof en;
/** Typed by LOCALES: a language without its file (or a file without its language) does not compile. */
export const MESSAGES: Record<Locale, Messages> = { en, de, fr, es, it, nl, pl, pt, ar };

/** A message by its dotted key ("errors.nameMissing"), with values for its placeholders. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const cache = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = cache.get(locale);
  if (!t) {
    const translate = createTranslator({ locale, messages: MESSAGES[locale] });
    t = (key, values) => (translate as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
    cache.set(locale, t);
  }
  return t;
}

/** English: the default wherever no visitor's language is known (logs, tests, the OpenAPI document). */
export const english: Translate = translator("en");

/** What domain code needs to speak to one visitor: the language, and its messages. */
export interface Wording {
  locale: Locale;
  t: Translate;
}

export function wording(locale: Locale): Wording {
  return { locale, t: translator(locale) };
}

export const ENGLISH: Wording = wording("en");
