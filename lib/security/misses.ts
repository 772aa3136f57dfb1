/**
 * Guessing ids is hopeless (128 bits) and should also be noisy: every look-up of an id that does not
 * exist counts against the client, and a client with too many misses gets 429 for a while, before
 * any database work. Every miss also takes the same minimum time, so no answer says, by its speed,
 * anything about the id. In memory only, per process; clients kept as keyed hashes (see RateLimiter).
 */
import { RateLimiter } from "../api/rate-limit";
import type { Verdict } from "../api/rate-limit";
import { getConfig } from "../env";
import { processWide } from "../process-wide";

/** A miss never answers faster than this. */
export const MISS_FLOOR_MS = 120;

function limiter(): RateLimiter {
  return processWide("planadoMisses", () => new RateLimiter({ max: getConfig().LOOKUP_MISS_LIMIT_PER_MINUTE, windowMs: 60_000 }));
}

/** Whether the client may look ids up now (checked before any database work). */
export function lookupAllowed(client: string): Verdict {
  return limiter().check(client);
}

/**
 * Looks an id up for a visitor: a miss counts against the client and takes at least MISS_FLOOR_MS,
 * whatever made it a miss (malformed, unknown, deleted, over, the other kind of id).
 */
export async function lookUpForVisitor<T>(client: string, find: () => Promise<T | null | undefined>): Promise<T | undefined> {
  const started = performance.now();
  const found = await find();
  if (found !== null && found !== undefined) return found;
  limiter().take(client);
  const wait = MISS_FLOOR_MS - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return undefined;
}
