/** Answers of the calendar routes: the file itself, or a short page saying why there is none. */
import { answer } from "../http/answer";
import type { Answer } from "../http/answer";
import { withLocale } from "../i18n/locales";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { plainPage } from "../security/html";
import { fileSlug } from "./event";

/** RFC 5987 encoding for filename*: every byte outside the safe set, ' ( ) * included. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function calendarAnswer(calendar: string, name: string): Answer {
  return answer(
    200,
    {
      "Content-Type": "text/calendar; charset=utf-8",
      // An ASCII name for every client, the real one for those that read filename*.
      "Content-Disposition": `attachment; filename="${fileSlug(name)}.ics"; filename*=UTF-8''${rfc5987(name)}.ics`,
      "Cache-Control": "no-store",
    },
    calendar,
  );
}

export type CalendarErrorReason = "unsigned" | "forged" | "malformed" | "notFound";

export interface Visitor {
  locale: Locale;
  /** Whether the visitor chose the language (`?lang=`): our links then keep it. */
  explicit: boolean;
  /** The request's CSP nonce: the page's style carries it. */
  nonce: string | null;
}

/** A plain page (not a file) explaining why the link does not work, in the visitor's language. */
export function calendarErrorAnswer(visitor: Visitor, reason: CalendarErrorReason, status = 400): Answer {
  const { locale, explicit, nonce } = visitor;
  const t = translator(locale);
  const html = plainPage({ locale, title: t("calendar.errorTitle"), text: t(`calendar.${reason}`), homeHref: explicit ? withLocale("/", locale) : "/", nonce });
  const page = answer(status, { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" }, html);
  return nonce ? { ...page, inline: { nonce } } : page;
}
