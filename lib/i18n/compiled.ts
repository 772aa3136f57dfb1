/**
 * Messages for a page's own small script, compiled at start-up into icu-minify's compact form (what
 * next-intl's precompile makes): plain text, `0` for a plural's number, `["name"]` for a value,
 * `["name", 2, { branches }]` for a plural. With them go what the script needs to fill in a number as
 * the server's translator does: the plural category of every number, and how the language writes
 * four-digit numbers. So the browser gets a few hundred bytes of words and a formatter of a few lines
 * (server/pages/countdown.es5.js) instead of an ICU parser and the plural rules of every language.
 */
import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import type { Locale } from "./locales";
import { MESSAGES } from "./translate";

export interface ScriptWords {
  /** Each message asked for, compiled, by its key within its group. */
  messages: Record<string, CompiledMessage>;
  /**
   * The plural category of 0…99 at its own index and, from 100 on, of n at 100 + n % 100 (true of
   * every language here below 10,000; a test checks it): z(ero), o(ne), t(wo), f(ew), m(any), x (other).
   */
  plural: string;
  /** What goes between thousands and hundreds in a four-digit number: "," (1,000), "." , " " or "". */
  thousands: string;
}

const LETTER: Record<Intl.LDMLPluralRule, string> = { zero: "z", one: "o", two: "t", few: "f", many: "m", other: "x" };

/** The plural table described at ScriptWords.plural. */
export function pluralTable(locale: Locale): string {
  const rules = new Intl.PluralRules(locale);
  return Array.from({ length: 200 }, (_, n) => LETTER[rules.select(n)]).join("");
}

/** The separator described at ScriptWords.thousands. */
export function thousandsSeparator(locale: Locale): string {
  return new Intl.NumberFormat(locale).format(1000).slice(1, -3);
}

/** The messages `keys` of `group` ("countdown") in `locale`, compiled, with the number rules. */
export function scriptWords(locale: Locale, group: keyof (typeof MESSAGES)["en"], keys: readonly string[]): ScriptWords {
  const source = MESSAGES[locale][group] as Record<string, string>;
  const messages = Object.fromEntries(
    keys.map((key) => {
      if (typeof source[key] !== "string") throw new Error(`No message ${group}.${key} in ${locale}`);
      return [key, compile(source[key])];
    }),
  );
  return { messages, plural: pluralTable(locale), thousands: thousandsSeparator(locale) };
}
