/** The current request's language, for server components and actions. */
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { isLocale, LOCALE_EXPLICIT_HEADER, localLink, PATH_HEADER } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { wording } from "@/lib/i18n/translate";
import type { Wording } from "@/lib/i18n/translate";

export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : "en";
}

/** The language and its messages, for lib/ functions that put things into words. */
export async function currentWording(): Promise<Wording> {
  return wording(await currentLocale());
}

/** Our own link to `path`, with the visitor's explicit language choice (see localLink). */
export async function localPath(path: string): Promise<string> {
  const explicit = (await headers()).get(LOCALE_EXPLICIT_HEADER) === "1";
  return localLink(path, { locale: await currentLocale(), explicit });
}

/** The address of the current page (path and query), as our server saw it (lib/pipeline/request-headers.ts). */
export async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}
