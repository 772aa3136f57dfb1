import { buildFeed } from "@/lib/calendar/build";
import { calendarEventOf, verifyFeed } from "@/lib/calendar/event";
import { secretFromConfig } from "@/lib/calendar";
import { eventUid } from "@/lib/calendar/signing";
import { lookUpInvitation } from "@/lib/conferences";
import { nameFromLink } from "@/lib/conferences/name";
import { invitationUrl } from "@/lib/conferences/links";
import { getConfig } from "@/lib/env";
import { localeOfRequest } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { isId } from "@/lib/ids";
import { baseUrl } from "../../../_shared/base-url";
import { calendarError, calendarResponse } from "../../respond";

export const dynamic = "force-dynamic";

/**
 * A calendar subscription: the conference's current schedule from the database, under the same UID
 * as the downloaded file, so a subscriber sees every change. Once the conference is gone the feed is
 * an empty calendar, and calendars remove the event.
 */
export async function GET(request: Request, { params }: RouteContext<"/calendar/feed/[file]">) {
  const { file } = await params;
  const invitationId = file.replace(/\.ics$/, "");
  const query = new URL(request.url).searchParams;
  const rawName = query.get("n");
  const signature = query.get("sig");
  if (!file.endsWith(".ics") || !isId(invitationId)) return calendarError(request, "notFound", 404);
  if (!signature || rawName === null) return calendarError(request, "unsigned");
  const secret = secretFromConfig();
  if (!verifyFeed(secret, invitationId, rawName, signature)) return calendarError(request, "forged");
  const name = nameFromLink(rawName);
  if (!name) return calendarError(request, "malformed");

  const found = await lookUpInvitation(invitationId, new Date());
  const calendar = buildFeed(found ? calendarEventOf(found.conference, name) : undefined, {
    now: new Date(),
    uid: eventUid(secret, invitationId),
    invitationUrl: invitationUrl(await baseUrl(), invitationId, name),
    reminderMinutes: getConfig().CALENDAR_REMINDER_MINUTES,
    t: translator(localeOfRequest(new URL(request.url), request.headers).locale),
    calendarName: name,
  });
  return calendarResponse(calendar, name);
}
