import { headers } from "next/headers";
import { requestClient } from "@/lib/request";
import { foundValue, lookUpForVisitor } from "@/lib/security/misses";

/**
 * Looks an id up on behalf of the current visitor: misses count against them and take the same
 * time (see lib/security/misses.ts). A refused miss is a miss here: the proxy already answered 429
 * to a client over its limit asking for an admin id that does not exist.
 */
export async function visitorLookUp<T>(find: () => Promise<T | null | undefined>): Promise<T | undefined> {
  return foundValue(await lookUpForVisitor(requestClient(await headers()), find));
}
