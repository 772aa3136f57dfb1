import { calendarAnswer, calendarErrorAnswer } from "@/lib/calendar/answers";
import { buildCalendar } from "@/lib/calendar/build";
import { decodeEvent } from "@/lib/calendar/event";
import { secretFromConfig } from "@/lib/calendar/links";
import { eventUid } from "@/lib/calendar/signing";
import { invitationUrl, nameIfSigned } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { toResponse } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { baseUrl } from "@/app/_shared/base-url";

export const dynamic = "force-dynamic";

/**
 * A calendar file, built from its signed URL alone: this route never reads the database, so it
 * cannot be used to learn anything about any conference.
 */
export async function GET(request: Request, { params }: RouteContext<"/calendar/[file]">) {
  const { file } = await params;
  const url = new URL(request.url);
  const visitor = { ...localeOfRequest(url, request.headers), nonce: request.headers.get("x-nonce") };
  if (!file.endsWith(".ics")) return toResponse(calendarErrorAnswer(visitor, "notFound", 404));
  const secret = secretFromConfig();
  const decoded = decodeEvent(url.searchParams, secret);
  if (decoded.status === "refused") return toResponse(calendarErrorAnswer(visitor, decoded.reason));
  const { event } = decoded;
  const calendar = buildCalendar(event, {
    now: new Date(),
    uid: eventUid(secret, event.invitationId),
    // The name goes on into the invitation link only with Planado's own signature for it (see calendarLinks).
    invitationUrl: invitationUrl(await baseUrl(), event.invitationId, nameIfSigned(event.invitationId, event.name, url.searchParams.get("ns"))),
    reminderMinutes: getConfig().CALENDAR_REMINDER_MINUTES,
    t: translator(visitor.locale),
  });
  return toResponse(calendarAnswer(calendar, event.name));
}
