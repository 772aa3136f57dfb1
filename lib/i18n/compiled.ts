/**
 * A translator over messages compiled at build time (next-intl's `precompile`, which uses icu-minify):
 * for the wait page's countdown, so the browser gets a two-kilobyte formatter instead of an ICU
 * parser and an i18n framework on the page everyone opens at the same second.
 */
import format from "icu-minify/format";
import type { CompiledMessage, FormatOptions } from "icu-minify/format";
import type { Translate } from "./translate";

export type CompiledTree = { [key: string]: CompiledMessage | CompiledTree };

const pluralRules = new Map<string, Intl.PluralRules>();

const formatters: FormatOptions["formatters"] = {
  getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args) => new Intl.NumberFormat(...args),
  // The countdown formats every second: keep the plural rules.
  getPluralRules: (locale, options) => {
    const key = `${String(locale)} ${options?.type ?? "cardinal"}`;
    let rules = pluralRules.get(key);
    if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, options)));
    return rules;
  },
};

function isMessage(node: CompiledMessage | CompiledTree | undefined): node is CompiledMessage {
  return typeof node === "string" || Array.isArray(node);
}

/** A Translate over compiled messages; a missing key shows as the key, as next-intl does. */
export function compiledTranslator(messages: CompiledTree, locale: string): Translate {
  return (key, values) => {
    let node: CompiledMessage | CompiledTree | undefined = messages;
    for (const part of key.split(".")) node = node && !isMessage(node) ? node[part] : undefined;
    if (!isMessage(node)) return key;
    const result = format(node, locale, values, { formatters });
    return Array.isArray(result) ? result.join("") : String(result);
  };
}
