/**
 * What happens to every request before a page or endpoint runs, for both doors (our server asks, for
 * its fast path and for what it hands to Next): the cleanup sweep is nudged, and a request is refused
 * at once when it needs the database while the database is down (503; one request now and then still
 * tries it, so service comes back by itself), or when a client over its miss limit asks for an admin
 * page that does not exist (429; an id that exists is always answered). The fast path and the API
 * refuse misses on their own, after their look-up (lib/security/misses.ts).
 */
import { shouldShedLoad } from "../availability";
import { pokeBackgroundSweep } from "../cleanup/background";
import { findForAdmin } from "../conferences/operations";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "../failures";
import { decodePathSegment } from "../request";
import { lookUpForVisitor, missAllowed } from "../security/misses";
import { adminIdOf, isBuildFile, looksUpId } from "./capability-paths";

export type Admission = { status: "admitted" } | { status: "refused"; code: 429 | 503; retryAfterSeconds: number };

const ADMITTED: Admission = { status: "admitted" };

export async function admit(path: string, client: string): Promise<Admission> {
  if (isBuildFile(path)) return ADMITTED;
  try {
    pokeBackgroundSweep();
  } catch {
    // A bad configuration is reported at start-up; a request must never fail because of cleanup.
  }
  if (!looksUpId(path)) return ADMITTED;
  if (shouldShedLoad()) return { status: "refused", code: 503, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
  const adminId = adminIdOf(path);
  const retryAfterSeconds = adminId === undefined ? undefined : await refusedMiss(decodePathSegment(adminId), client);
  return retryAfterSeconds === undefined ? ADMITTED : { status: "refused", code: 429, retryAfterSeconds };
}

/** For a client over its miss limit: refused (its wait) only if the admin id it asks for does not exist. */
async function refusedMiss(adminId: string, client: string): Promise<number | undefined> {
  if (missAllowed(client).allowed) return undefined;
  try {
    const lookUp = await lookUpForVisitor(client, () => findForAdmin(adminId));
    return lookUp.status === "refused" ? lookUp.retryAfterSeconds : undefined;
  } catch {
    return undefined; // the database failed: the page will try and answer properly
  }
}
