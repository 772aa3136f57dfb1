/**
 * What happens to every request before a page or endpoint runs, for both doors (our server asks, for
 * its fast path and for what it hands to Next): the cleanup sweep is nudged, and a request is refused
 * at once when it needs the database while the database is down (503; one request now and then still
 * tries it, so service comes back by itself), or when a client over its miss limit asks for an admin
 * page that does not exist (429; an id that exists is always answered). The fast path and the API
 * refuse misses on their own, after their look-up (lib/security/misses.ts). Before all that, a form
 * post from another site is refused (403, admitPost; see ./origin.ts).
 */
import { shouldShedLoad } from "../availability";
import { getConfig } from "../env";
import { pokeBackgroundSweep } from "../cleanup/background";
import { findForAdmin } from "../conferences/operations";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "../failures";
import { decodePathSegment } from "../request";
import type { HeaderReader } from "../request";
import { lookUpForVisitor, missAllowed } from "../security/misses";
import { adminIdOf, isQuiet, looksUpId } from "./capability-paths";
import { isFormPost, postSource } from "./origin";

export type Admission = { status: "admitted" } | { status: "refused"; code: 429 | 503; retryAfterSeconds: number };

const ADMITTED = { status: "admitted" } as const;

/** Whether a form post may go on: 403 when another site's page sent it. */
export type PostAdmission = { status: "admitted" } | { status: "refused"; code: 403 };

/**
 * A form post (any write outside the API: ./origin.ts) only from Planado's own pages: refused when
 * it names `null` or another site as its origin. A post that names no origin at all (neither Origin
 * nor Referer) goes on: every browser of today sends Origin with every post and no page can make it
 * leave the header out, so such a post comes from a script (which could post directly anyway), not
 * from a page that borrows a visitor's browser.
 */
export function admitPost(method: string, path: string, headers: HeaderReader): PostAdmission {
  if (!isFormPost(method, path)) return ADMITTED;
  return postSource(headers, getConfig().PUBLIC_URL) === "foreign" ? { status: "refused", code: 403 } : ADMITTED;
}

/**
 * Whether a request may go on. Answered at once (no promise) unless an admin id must be looked up,
 * as on the participant's path, which asks thousands of times a second at the start time.
 */
export function admit(path: string, client: string): Admission | Promise<Admission> {
  if (isQuiet(path)) return ADMITTED;
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  if (!looksUpId(path)) return ADMITTED;
  if (shouldShedLoad()) return { status: "refused", code: 503, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
  const adminId = adminIdOf(path);
  if (adminId === undefined || missAllowed(client).allowed) return ADMITTED;
  return refusedMiss(decodePathSegment(adminId), client);
}

/** For a client over its miss limit: refused (its wait) only if the admin id it asks for does not exist. */
async function refusedMiss(adminId: string, client: string): Promise<Admission> {
  try {
    const lookUp = await lookUpForVisitor(client, () => findForAdmin(adminId));
    return lookUp.status === "refused" ? { status: "refused", code: 429, retryAfterSeconds: lookUp.retryAfterSeconds } : ADMITTED;
  } catch {
    return ADMITTED; // the database failed: the page will try and answer properly
  }
}
