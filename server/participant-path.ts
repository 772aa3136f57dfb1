/**
 * The participant's path, answered by our server before Next: the invitation (wait page, redirect at
 * the start, privacy notice), its "Continue", the API's invitation status and the calendar
 * subscription. Each is one cached, indexed look-up and then an answer, at the speed of a bare Node
 * server. The rules are the app's own (lib/), called the same way Next's side calls them; this file
 * adds what Next's proxy and config do for the other routes: the miss limit, the 503 while the
 * database is down, the security headers, the language, the nudge of the cleanup sweep.
 */
import { errorSummary } from "@/lib/database-errors";
import { readInvitationByApi } from "@/lib/api/handlers";
import { apiContext } from "@/lib/api/context";
import { calendarBuildOptions, secretFromConfig } from "@/lib/calendar/links";
import { calendarAnswer, calendarErrorAnswer } from "@/lib/calendar/answers";
import type { CalendarErrorReason } from "@/lib/calendar/answers";
import { buildFeed } from "@/lib/calendar/build";
import { calendarEventOf, verifyFeed } from "@/lib/calendar/event";
import { lookUpInvitation } from "@/lib/conferences/operations";
import { pokeBackgroundSweep } from "@/lib/cleanup/background";
import { invitationEntry, roomAfterNotice } from "@/lib/conferences/entry";
import type { Entry } from "@/lib/conferences/entry";
import { signedName } from "@/lib/conferences/links";
import { roomAccess } from "@/lib/jitsi/access";
import { nameFromLink } from "@/lib/conferences/name";
import { isDatabaseError } from "@/lib/database-errors";
import { getConfig } from "@/lib/env";
import { answer, appendToken, withHeaders } from "@/lib/http/answer";
import type { Answer } from "@/lib/http/answer";
import { localeOfRequest } from "@/lib/i18n/locales";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { isId } from "@/lib/ids";
import { decodePathSegment, requestBaseUrl } from "@/lib/request";
import type { HeaderReader } from "@/lib/request";
import { refusal, refusalTexts } from "@/lib/security/answers";
import { isUnreachable, shouldShedLoad } from "@/lib/availability";
import { contentSecurityPolicy, newNonce, PRIVATE_PAGE_HEADERS, securityHeaders } from "@/lib/security/csp";
import type { InlineAllowance } from "@/lib/security/csp";
import { lookUpForVisitor } from "@/lib/security/misses";
import { COUNTDOWN_SCRIPT_HASH } from "./pages/countdown-script";
import { noticeHtml, notFoundHtml, troublePage, waitHtml } from "./pages/invitation-html";
import type { PageRequest, PageSetup } from "./pages/invitation-html";

/** One request on the participant's path, as our server read it. */
export interface Visit {
  method: "GET" | "HEAD";
  url: URL;
  headers: HeaderReader;
  /** The client, for limits only (see lib/security/client-address.ts). */
  client: string;
  now: Date;
}

type Handler = (visit: Visit, id: string, setup: PageSetup) => Promise<Answer>;

const ROUTES: { pattern: RegExp; handler: Handler; page: boolean }[] = [
  { pattern: /^\/i\/([^/]+)$/, handler: invitationPage, page: true },
  { pattern: /^\/i\/([^/]+)\/join$/, handler: continueToRoom, page: true },
  { pattern: /^\/api\/v1\/invitations\/([^/]+)$/, handler: invitationStatus, page: false },
  { pattern: /^\/calendar\/feed\/([^/]+)$/, handler: subscriptionFeed, page: true },
];

/** The route for a request, or undefined when Next answers it. */
export function participantRoute(method: string, pathname: string): { handler: Handler; page: boolean; segment: string } | undefined {
  if (method !== "GET" && method !== "HEAD") return undefined;
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) return { handler: route.handler, page: route.page, segment: decodePathSegment(match[1]!) };
  }
  return undefined;
}

/** Answers a request on the participant's path, with everything Next's proxy would add. */
export async function answerVisit(visit: Visit, setup: PageSetup): Promise<Answer> {
  const route = participantRoute(visit.method, visit.url.pathname);
  if (!route) throw new Error("not a participant route");
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  const visitor = localeOfRequest(visit.url, visit.headers);
  // A page with an inline script or style brings its own policy (allowing just that); others get
  // the strictest.
  const finish = (result: Answer) => {
    let done = withHeaders(result, securityHeaders(result.headers["content-security-policy"] ?? contentSecurityPolicy()));
    if (route.page) done = withHeaders(done, PRIVATE_PAGE_HEADERS);
    // The same address answers in the visitor's language: no cache may hand it to someone else.
    return appendToken(done, "Vary", "Accept-Language");
  };
  const page = { url: visit.url, visitor, setup };
  const refuse = async (status: 429 | 503, retryAfterSeconds: number) => finish(await refused(status, page, retryAfterSeconds));

  if (shouldShedLoad()) return refuse(503, 10);
  try {
    return finish(await route.handler(visit, route.segment, setup));
  } catch (error) {
    if (isUnreachable(error) || isDatabaseError(error)) return refuse(503, 10);
    console.error(`[planado] participant path failed: ${errorSummary(error)}`);
    const t = translator(visitor.locale);
    const { html } = await troublePage(visitor, setup, { title: t("error.title"), text: t("error.text") });
    return finish(answer(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }, html));
  }
}

function withCsp(result: Answer, allow: InlineAllowance): Answer {
  return withHeaders(result, { "Content-Security-Policy": contentSecurityPolicy(allow) });
}

/** 429 or 503, as a page in the participant's pages' look (its retry allowed by its hash) or, for the API, a problem document. */
async function refused(status: 429 | 503, page: Omit<PageRequest, "baseUrl">, retryAfterSeconds: number): Promise<Answer> {
  const { locale } = page.visitor;
  if (page.url.pathname.startsWith("/api/")) return refusal(status, page.url.pathname, retryAfterSeconds, "", locale);
  const { html, scriptHash } = await troublePage(page.visitor, page.setup, refusalTexts(status, retryAfterSeconds, locale));
  const answered = refusal(status, page.url.pathname, retryAfterSeconds, "", locale, () => html);
  return withCsp(answered, { scriptHashes: scriptHash ? [scriptHash] : [] });
}

/** The invitation, looked up for this visitor: a miss counts against them and takes its time. */
function findInvitation(visit: Visit, id: string) {
  return lookUpForVisitor(visit.client, () => lookUpInvitation(id, visit.now));
}

type Found = Extract<Awaited<ReturnType<typeof findInvitation>>, { status: "found" }>["value"];

function entryOf({ conference, state }: Found, visit: Visit): Entry {
  return invitationEntry(conference, state, roomAccess(), { now: visit.now, name: () => signedName(conference.invitationId, visit.url.searchParams) });
}

function redirect(status: 303 | 307, location: string): Answer {
  return answer(status, { Location: location, "Cache-Control": "no-store" });
}

function html(status: number, body: string | Uint8Array, locale: Locale): Answer {
  return answer(status, { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale, "Cache-Control": "no-store" }, body);
}

/** GET /i/<id>: the wait page, the room once it is open, or the privacy notice before it. */
async function invitationPage(visit: Visit, id: string, setup: PageSetup): Promise<Answer> {
  const page = { url: visit.url, visitor: localeOfRequest(visit.url, visit.headers), baseUrl: requestBaseUrl(visit.headers, getConfig().PUBLIC_URL), setup };
  const lookUp = await findInvitation(visit, id);
  if (lookUp.status === "refused") return await refused(429, page, lookUp.retryAfterSeconds);
  if (lookUp.status === "missing") return html(404, notFoundHtml(page), page.visitor.locale);
  const found = lookUp.value;
  const entry = entryOf(found, visit);
  // Over (its Jitsi enforces bookings and the window has passed): as gone as a deleted one, but no miss.
  if (entry.kind === "over") return html(404, notFoundHtml(page), page.visitor.locale);
  if (entry.kind === "room") return redirect(307, entry.roomUrl);
  if (entry.kind === "notice") return html(200, await noticeHtml(page, found.conference, entry.noticeUrl), page.visitor.locale);
  return withCsp(html(200, await waitHtml(page, found.conference, entry), page.visitor.locale), { scriptHashes: [COUNTDOWN_SCRIPT_HASH] });
}

/**
 * GET /i/<id>/join, the privacy notice's "Continue": the room once it is open, otherwise back to the
 * invitation (which waits, or says the conference does not exist), with the query it came with.
 */
async function continueToRoom(visit: Visit, id: string): Promise<Answer> {
  const lookUp = await findInvitation(visit, id);
  const room = lookUp.status === "found" ? roomAfterNotice(entryOf(lookUp.value, visit)) : undefined;
  return redirect(303, room ?? `/i/${encodeURIComponent(id)}${visit.url.search}`);
}

/** GET /api/v1/invitations/<id>: the same endpoint as Next's other API routes use (lib/api). */
function invitationStatus(visit: Visit, id: string): Promise<Answer> {
  return readInvitationByApi(id, { ...apiContext(visit.headers, visit.now), client: visit.client });
}

/**
 * GET /calendar/feed/<invitation id>.ics: the conference's current schedule from the database, under
 * the same UID as the downloaded file, so a subscriber sees every change. Once the conference is
 * gone the feed is an empty calendar, and calendars remove the event.
 */
async function subscriptionFeed(visit: Visit, file: string): Promise<Answer> {
  const nonce = newNonce();
  const visitor = { ...localeOfRequest(visit.url, visit.headers), nonce };
  const failed = (reason: CalendarErrorReason, status?: number) => withCsp(calendarErrorAnswer(visitor, reason, status), { nonce });
  const invitationId = file.replace(/\.ics$/, "");
  const rawName = visit.url.searchParams.get("n");
  const signature = visit.url.searchParams.get("sig");
  if (!file.endsWith(".ics") || !isId(invitationId)) return failed("notFound", 404);
  if (!signature || rawName === null) return failed("unsigned");
  const secret = secretFromConfig();
  if (!verifyFeed(secret, invitationId, rawName, signature)) return failed("forged");
  const name = nameFromLink(rawName);
  if (!name) return failed("malformed");

  const found = await lookUpInvitation(invitationId, visit.now);
  const base = requestBaseUrl(visit.headers, getConfig().PUBLIC_URL);
  const asked = { now: visit.now, base, invitationId, name, nameProof: visit.url.searchParams.get("ns"), locale: visitor.locale };
  const calendar = buildFeed(found ? calendarEventOf(found.conference, name) : undefined, { ...calendarBuildOptions(asked, secret), calendarName: name });
  return calendarAnswer(calendar, name);
}
