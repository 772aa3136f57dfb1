import { calendarAnswer, calendarErrorAnswer } from "@/lib/calendar/answers";
import { buildCalendar } from "@/lib/calendar/build";
import { decodeEvent } from "@/lib/calendar/event";
import { calendarBuildOptions, secretFromConfig } from "@/lib/calendar/links";
import { reportFailure } from "@/lib/failures";
import { answer, toResponse } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { plainPage } from "@/lib/security/html";
import { baseUrl } from "@/app/_shared/base-url";

export const dynamic = "force-dynamic";

/**
 * A calendar file, built from its signed URL alone: this route never reads the database, so it
 * cannot be used to learn anything about any conference.
 */
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
  const html = plainPage({ locale, title: t("error.title"), text: t("error.text"), nonce: request.headers.get("x-nonce") });
  return toResponse(answer(500, { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" }, html));
}

async function calendarFile(request: Request, { params }: RouteContext<"/calendar/[file]">) {
  const { file } = await params;
  const url = new URL(request.url);
  const visitor = { ...localeOfRequest(url, request.headers), nonce: request.headers.get("x-nonce") };
  if (!file.endsWith(".ics")) return toResponse(calendarErrorAnswer(visitor, "notFound", 404));
  const secret = secretFromConfig();
  const decoded = decodeEvent(url.searchParams, secret);
  if (decoded.status === "refused") return toResponse(calendarErrorAnswer(visitor, decoded.reason));
  const { event } = decoded;
  const asked = {
    now: new Date(),
    base: await baseUrl(),
    invitationId: event.invitationId,
    name: event.name,
    nameProof: url.searchParams.get("ns"),
    locale: visitor.locale,
  };
  const calendar = buildCalendar(event, calendarBuildOptions(asked, secret));
  return toResponse(calendarAnswer(calendar, event.name));
}
