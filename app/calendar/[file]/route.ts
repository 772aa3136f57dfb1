import { downloadAnswer } from "@/lib/calendar/requests";
import { reportFailure } from "@/lib/failures";
import { answer, toResponse } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { plainPage } from "@/lib/security/html";
import { NONCE_HEADER } from "@/lib/pipeline/request-headers";
import { baseUrl } from "@/app/_shared/base-url";

export const dynamic = "force-dynamic";

/** A calendar file, built from its signed link alone (lib/calendar/requests.ts). */
export async function GET(request: Request, context: RouteContext<"/calendar/[file]">) {
  try {
    return await calendarFile(request, context);
  } catch (error) {
    return failed(request, error);
  }
}

/**
 * Nothing here reads the database, so any failure is a bug or a bad setting: a 500 with a short page
 * in the visitor's language, logged once (lib/failures.ts) instead of by Next with its message.
 */
function failed(request: Request, error: unknown): Response {
  reportFailure("calendar file", error);
  const { locale } = localeOfRequest(new URL(request.url), request.headers);
  const t = translator(locale);
  const html = plainPage({ locale, title: t("error.title"), text: t("error.text"), nonce: request.headers.get(NONCE_HEADER) });
  return toResponse(answer(500, { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" }, html));
}

async function calendarFile(request: Request, { params }: RouteContext<"/calendar/[file]">) {
  const { file } = await params;
  return toResponse(
    downloadAnswer({
      file,
      url: new URL(request.url),
      headers: request.headers,
      base: await baseUrl(),
      now: new Date(),
      nonce: request.headers.get(NONCE_HEADER),
    }),
  );
}
