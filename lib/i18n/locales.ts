/**
 * The languages Planado speaks and how it picks one: a visitor's explicit choice (`?lang=`), else the
 * best match of the browser's Accept-Language, else English. Nothing is stored (no cookie).
 */
export const LOCALES = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language for an Accept-Language header (RFC 9110 quality values). */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.language && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The locale for a request: an explicit `lang` wins, then the browser's preference. */
export function requestLocale(explicit: string | null | undefined, acceptLanguage: string | null | undefined): { locale: Locale; explicit: boolean } {
  if (isLocale(explicit)) return { locale: explicit, explicit: true };
  return { locale: negotiateLocale(acceptLanguage), explicit: false };
}

/**
 * The Intl locale for dates and numbers. English uses the British pattern ("Tuesday, 1 December 2026
 * at 09:00"): a 24-hour clock and day-month order read unambiguously around the world.
 */
const INTL_LOCALES: Record<Locale, string> = {
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
  es: "es-ES",
  it: "it-IT",
  nl: "nl-NL",
  pl: "pl-PL",
  // One Portuguese for Portugal and Brazil (see messages/pt.json); dates read the same in both.
  pt: "pt-PT",
  ar: "ar",
};

export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/** The languages written right to left: their pages get dir="rtl". */
const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(["ar"]);

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

/** The locale of a web request: `?lang=` in its URL, else its Accept-Language header. */
export function localeOfRequest(url: URL, headers: { get(name: string): string | null }): { locale: Locale; explicit: boolean } {
  return requestLocale(url.searchParams.get("lang"), headers.get("accept-language"));
}

/** Pages learn the locale our server chose from these request headers (set by lib/pipeline/request-headers.ts only). */
export const LOCALE_HEADER = "x-planado-locale";
export const LOCALE_EXPLICIT_HEADER = "x-planado-locale-explicit";
export const PATH_HEADER = "x-planado-path";

/**
 * `path` (with its query) in a given language: the same address with `?lang=`, first. (Old browsers
 * that decode character references twice, Dillo among them, read "&lang=" as "〈=" anywhere else.)
 */
export function withLocale(path: string, locale: Locale): string {
  const url = new URL(path, "http://planado.invalid");
  const query = new URLSearchParams([["lang", locale], ...[...url.searchParams].filter(([name]) => name !== "lang")]);
  return `${url.pathname}?${query}${url.hash}`;
}

/**
 * Our own link to `path`, carrying the visitor's explicit language choice on (there is no cookie to
 * remember it). Links that others receive (invitations) never carry it: each reader gets their own.
 */
export function localLink(path: string, visitor: { locale: Locale; explicit: boolean }): string {
  return visitor.explicit ? withLocale(path, visitor.locale) : path;
}
