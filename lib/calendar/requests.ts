/**
 * The two calendar links as requests, answered the same way whichever door serves them (Next's
 * route for downloads, our server's fast path for the subscription): the link's signature checked,
 * then the calendar built, or a short page saying why there is none.
 */
import { lookUpInvitation } from "../conferences/operations";
import { nameFromLink } from "../conferences/name";
import type { Answer } from "../http/answer";
import { isId } from "../ids";
import { localeOfRequest } from "../i18n/locales";
import type { HeaderReader } from "../request";
import { calendarAnswer, calendarErrorAnswer } from "./answers";
import type { CalendarErrorReason, Visitor } from "./answers";
import { buildCalendar, buildFeed } from "./build";
import { calendarEventOf, decodeEvent, verifyFeed } from "./event";
import { calendarBuildOptions, secretFromConfig } from "./links";

export interface CalendarVisit {
  /** The last segment of the path: `<something>.ics`. */
  file: string;
  url: URL;
  headers: HeaderReader;
  /** The address Planado answers at (links in the calendar point there). */
  base: string;
  now: Date;
  /** The nonce of the answer's Content-Security-Policy (an error page's style carries it). */
  nonce: string | null;
}

function visitorOf(visit: CalendarVisit): Visitor {
  return { ...localeOfRequest(visit.url, visit.headers), nonce: visit.nonce };
}

function buildOptions(visit: CalendarVisit, invitationId: string, name: string, secret: string) {
  const asked = { now: visit.now, base: visit.base, invitationId, name, nameProof: visit.url.searchParams.get("ns"), locale: visitorOf(visit).locale };
  return calendarBuildOptions(asked, secret);
}

/**
 * GET /calendar/<file>.ics: a calendar file built from its signed link alone. It never reads the
 * database, so it cannot be used to learn anything about any conference.
 */
export function downloadAnswer(visit: CalendarVisit): Answer {
  const failed = (reason: CalendarErrorReason, status?: number) => calendarErrorAnswer(visitorOf(visit), reason, status);
  if (!visit.file.endsWith(".ics")) return failed("notFound", 404);
  const secret = secretFromConfig();
  const decoded = decodeEvent(visit.url.searchParams, secret);
  if (decoded.status === "refused") return failed(decoded.reason);
  const { event } = decoded;
  return calendarAnswer(buildCalendar(event, buildOptions(visit, event.invitationId, event.name, secret)), event.name);
}

/**
 * GET /calendar/feed/<invitation id>.ics: the conference's current schedule from the database, under
 * the same UID as the downloaded file, so a subscriber sees every change. Once the conference is
 * gone the feed is an empty calendar, and calendars remove the event.
 */
export async function feedAnswer(visit: CalendarVisit): Promise<Answer> {
  const failed = (reason: CalendarErrorReason, status?: number) => calendarErrorAnswer(visitorOf(visit), reason, status);
  const invitationId = visit.file.replace(/\.ics$/, "");
  const rawName = visit.url.searchParams.get("n");
  const signature = visit.url.searchParams.get("sig");
  if (!visit.file.endsWith(".ics") || !isId(invitationId)) return failed("notFound", 404);
  if (!signature || rawName === null) return failed("unsigned");
  const secret = secretFromConfig();
  if (!verifyFeed(secret, invitationId, rawName, signature)) return failed("forged");
  const name = nameFromLink(rawName);
  if (!name) return failed("malformed");
  const found = await lookUpInvitation(invitationId, visit.now, { handOut: false });
  const options = { ...buildOptions(visit, invitationId, name, secret), calendarName: name };
  return calendarAnswer(buildFeed(found ? calendarEventOf(found.conference, name) : undefined, options), name);
}
