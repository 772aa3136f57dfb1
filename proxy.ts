// Next.js 16's proxy (formerly middleware), on Node.js. For every page and API call it
//  - gives the response a Content-Security-Policy with a fresh nonce (Next puts it on its scripts),
//  - answers 429 at once to a client that has looked up too many ids that do not exist,
//  - answers 503 at once while the database is known to be down (one request now and then still
//    tries it, so service comes back by itself),
//  - and nudges the background cleanup sweep, never waiting for it.
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { pokeBackgroundSweep } from "./lib/conferences/background-sweep";
import { clientAddress } from "./lib/request";
import { refusal } from "./lib/security/answers";
import { shouldShedLoad } from "./lib/security/availability";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY } from "./lib/security/csp";
import { lookupAllowed } from "./lib/security/misses";

/** Paths that look ids up (and so count misses) and need the database. */
const LOOKUPS = /^\/(i|a)\/|^\/calendar\/feed\/|^\/api\/v1\/(conferences|invitations)\/./;

export function proxy(request: NextRequest) {
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  const nonce = newNonce();
  const path = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(nonce);
  const secured = (response: Response) => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
    return response;
  };
  if (LOOKUPS.test(path)) {
    const allowed = lookupAllowed(clientAddress(request.headers));
    if (!allowed.allowed) return secured(refusal(429, path, allowed.retryAfterSeconds, nonce));
    if (shouldShedLoad()) return secured(refusal(503, path, 10, nonce));
  }

  const headers = new Headers(request.headers);
  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return secured(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Pages and API calls only: not the build's static files, icons, robots.txt or the health check.
  matcher: ["/((?!_next/static|_next/image|icon\\.svg|favicon\\.ico|robots\\.txt|api/health).*)"],
};
