/** Responses of the calendar routes: the file itself, or a short page saying why there is none. */
import { fileSlug } from "@/lib/calendar/event";
import { localeOfRequest, withLocale } from "@/lib/i18n/locales";
import { plainPage } from "@/lib/security/html";
import { translator } from "@/lib/i18n/translate";

/** RFC 5987 encoding for filename*: every byte outside the safe set, ' ( ) * included. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function calendarResponse(calendar: string, name: string): Response {
  const bytes = new TextEncoder().encode(calendar);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // An ASCII name for every client, the real one for those that read filename*.
      "Content-Disposition": `attachment; filename="${fileSlug(name)}.ics"; filename*=UTF-8''${rfc5987(name)}.ics`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}

export type CalendarErrorReason = "unsigned" | "forged" | "malformed" | "notFound";

/** A plain page (not a file) explaining why the link does not work, in the visitor's language. */
export function calendarError(request: Request, reason: CalendarErrorReason, status = 400): Response {
  const { locale, explicit } = localeOfRequest(new URL(request.url), request.headers);
  const home = explicit ? withLocale("/", locale) : "/";
  const t = translator(locale);
  // The Content-Security-Policy (proxy.ts) allows styles that carry this request's nonce only.
  const html = plainPage({ locale, title: t("calendar.errorTitle"), text: t(`calendar.${reason}`), homeHref: home, nonce: request.headers.get("x-nonce") });
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" },
  });
}
