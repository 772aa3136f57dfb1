import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isDatabaseDown } from "@/lib/availability";
import { classifyFailure } from "@/lib/failures";
import { requestClient } from "@/lib/request";
import { foundValue, lookUpForVisitor } from "@/lib/security/misses";
import { currentPath } from "@/app/_i18n/server";

/**
 * Looks an id up on behalf of the current visitor: misses count against them and take the same
 * time (see lib/security/misses.ts). A refused miss is a miss here: the request pipeline already
 * answered 429 to a client over its limit asking for an admin id that does not exist.
 */
export async function visitorLookUp<T>(find: () => Promise<T | null | undefined>): Promise<T | undefined> {
  return foundValue(await lookUpForVisitor(requestClient(await headers()), find));
}

/**
 * visitorLookUp for a page. A page cannot answer 503 itself (Next gives a page 200, 404 or 500), so
 * when the database is found away it sends the visitor to the same address again, where the request
 * pipeline (lib/pipeline/admission.ts) answers the friendly 503 that tries again by itself: it knows
 * the database is down from the query that just failed (lib/availability.ts); should the database be
 * back by then, the page simply shows.
 * Anything else is thrown on: Next logs it once and shows app/error.tsx with a 500.
 */
export async function pageLookUp<T>(find: () => Promise<T | null | undefined>): Promise<T | undefined> {
  try {
    return await visitorLookUp(find);
  } catch (error) {
    // Only once availability knows: a database refusing one query (a lock wait) is not marked down, and
    // the pipeline would let the same request through again and again.
    if (classifyFailure(error).status === "unavailable" && isDatabaseDown()) redirect(await currentPath());
    throw error;
  }
}
