import { headers } from "next/headers";
import { requestClient } from "@/lib/request";
import { lookUpForVisitor } from "@/lib/security/misses";

/**
 * Looks an id up on behalf of the current visitor: misses count against them and take the same
 * time (see lib/security/misses.ts).
 */
export async function visitorLookUp<T>(find: () => Promise<T | null | undefined>): Promise<T | undefined> {
  return lookUpForVisitor(requestClient(await headers()), find);
}
