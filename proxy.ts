// Next.js 16's proxy (formerly middleware), on Node.js. For every page and API call that reaches Next
// (the participant's path never does: our server in server/ answers it first, with the same rules),
//  - gives the response a Content-Security-Policy with a fresh nonce (Next puts it on its scripts),
//  - answers 429 to a client that has looked up too many ids that do not exist and asks for an admin
//    page of one more (an id that exists is always answered; the API and our server's participant
//    path refuse misses on their own, after their look-up),
//  - answers 503 at once while the database is known to be down (one request now and then still
//    tries it, so service comes back by itself),
//  - tells the pages which language to speak (see lib/i18n/locales.ts),
//  - and nudges the background cleanup sweep, never waiting for it.
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { pokeBackgroundSweep } from "./lib/cleanup/background";
import { toResponse } from "./lib/http/answer";
import { LOCALE_EXPLICIT_HEADER, LOCALE_HEADER, localeOfRequest, PATH_HEADER } from "./lib/i18n/locales";
import { decodePathSegment, requestClient } from "./lib/request";
import { refusal } from "./lib/security/answers";
import { shouldShedLoad } from "./lib/availability";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./lib/security/csp";
import { findForAdmin } from "./lib/conferences/operations";
import { lookUpForVisitor, missAllowed } from "./lib/security/misses";

/** Paths that look ids up and need the database. */
const LOOK_UPS = /^\/(i|a)\/|^\/calendar\/feed\/|^\/api\/v1\/(conferences|invitations)\/./;
/** The admin pages (and their actions and "Join now"), whose id the proxy checks for a client over its miss limit. */
const ADMIN = /^\/a\/([^/]+)/;

/** For a client over its miss limit: refuse only if the admin id it asks for does not exist. */
async function refusedMiss(path: string, client: string): Promise<number | undefined> {
  const admin = ADMIN.exec(path);
  if (!admin || missAllowed(client).allowed) return undefined;
  try {
    const lookUp = await lookUpForVisitor(client, () => findForAdmin(decodePathSegment(admin[1]!)));
    return lookUp.status === "refused" ? lookUp.retryAfterSeconds : undefined;
  } catch {
    return undefined; // the database failed: the page will try and answer properly
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
  const csp = contentSecurityPolicy({ nonce });
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
  if (LOOK_UPS.test(path)) {
    if (shouldShedLoad()) return secured(toResponse(refusal(503, path, 10, nonce, locale)));
    const retryAfter = await refusedMiss(path, requestClient(request.headers));
    if (retryAfter !== undefined) return secured(toResponse(refusal(429, path, retryAfter, nonce, locale)));
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
