/**
 * next-intl's per-request configuration: the language our server chose (lib/pipeline/request-headers.ts
 * sets the header on every request it hands to Next, from `?lang=` or Accept-Language) and its messages.
 */
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_HEADER } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/translate";

export default getRequestConfig(async () => {
  const chosen = (await headers()).get(LOCALE_HEADER);
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale] };
});
