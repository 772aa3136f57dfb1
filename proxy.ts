// Next.js 16's proxy (formerly middleware), on Node.js. For every page and API call it
//  - gives the response a Content-Security-Policy with a fresh nonce (Next puts it on its scripts),
//  - answers 429 at once to a client that has looked up too many ids that do not exist,
//  - answers 503 at once while the database is known to be down (one request now and then still
//    tries it, so service comes back by itself),
//  - sends participants of a conference that has started straight to the room (the hot path at the
//    start time: one cached, indexed look-up and a redirect, no page rendering),
//  - tells the pages which language to speak (see lib/i18n/locales.ts),
//  - and nudges the background cleanup sweep, never waiting for it.
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { lookUpInvitation } from "./lib/conferences";
import { pokeBackgroundSweep } from "./lib/conferences/background-sweep";
import { roomUrl } from "./lib/conferences/links";
import { getConfig } from "./lib/env";
import { LOCALE_EXPLICIT_HEADER, LOCALE_HEADER, localeOfRequest, PATH_HEADER } from "./lib/i18n/locales";
import { clientAddress } from "./lib/request";
import { refusal } from "./lib/security/answers";
import { shouldShedLoad } from "./lib/security/availability";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./lib/security/csp";
import { lookupAllowed } from "./lib/security/misses";

/** Paths that look ids up (and so count misses) and need the database. */
const LOOKUPS = /^\/(i|a)\/|^\/calendar\/feed\/|^\/api\/v1\/(conferences|invitations)\/./;

const INVITATION = /^\/i\/([a-z2-7]{26})$/;

/** The room's address when this is an invitation whose room is open (and no notice comes first). */
async function openRoom(request: NextRequest): Promise<string | undefined> {
  const id = INVITATION.exec(request.nextUrl.pathname)?.[1];
  if (!id || (request.method !== "GET" && request.method !== "HEAD")) return undefined;
  const config = getConfig();
  if (config.PRIVACY_NOTICE_URL) return undefined;
  try {
    const found = await lookUpInvitation(id, new Date());
    return found?.state.status === "open" ? roomUrl(config.JITSI_URL, found.conference.roomId) : undefined;
  } catch {
    return undefined; // the page will try again and answer properly
  }
}

export async function proxy(request: NextRequest) {
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  const nonce = newNonce();
  const path = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(nonce);
  // The language: `?lang=` when the visitor chose one, else the browser's. Nothing remembers it (no
  // cookie); our own links carry an explicit choice on.
  const { locale, explicit } = localeOfRequest(request.nextUrl, request.headers);
  const secured = (response: Response) => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
    // The same address answers in the visitor's language: no cache may hand it to someone else.
    response.headers.append("Vary", "Accept-Language");
    return response;
  };
  if (LOOKUPS.test(path)) {
    const allowed = lookupAllowed(clientAddress(request.headers));
    if (!allowed.allowed) return secured(refusal(429, path, allowed.retryAfterSeconds, nonce, locale));
    if (shouldShedLoad()) return secured(refusal(503, path, 10, nonce, locale));
    const room = await openRoom(request);
    if (room) {
      return secured(new Response(null, { status: 307, headers: { Location: room, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" } }));
    }
  }

  const headers = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  // Set here only, whatever the client sent: pages read the language from these and the page's
  // own address from PATH_HEADER (for the language switcher).
  headers.set(LOCALE_HEADER, locale);
  headers.set(LOCALE_EXPLICIT_HEADER, explicit ? "1" : "0");
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return secured(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Pages and API calls only: not the build's static files, icons, robots.txt or the health check
  // (exact names: anything longer, like /icon.svgx, still gets the headers).
  matcher: ["/((?!_next/static/|_next/image|(?:icon\\.svg|icon-\\d+\\.png|apple-icon\\.png|manifest\\.webmanifest|favicon\\.ico|robots\\.txt|api/health)$).*)"],
};
