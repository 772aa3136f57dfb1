/**
 * Guessing ids is hopeless (128 bits) and should also be noisy: every look-up of an id that does not
 * exist counts against the client, takes the same minimum time whatever made it a miss, and a client
 * with too many misses has its further misses refused (429) for a while. Only misses: a look-up of an
 * id that exists is always answered, so one noisy client behind an office's address (a mistyped link
 * shared in a group) never locks the office out of its own conference at the start time. In memory
 * only, per process; clients kept as keyed hashes (see RateLimiter).
 */
import { RateLimiter } from "./rate-limit";
import type { Verdict } from "./rate-limit";
import { getConfig } from "../env";
import { processWide } from "../process-wide";

/** A miss never answers faster than this. */
export const MISS_FLOOR_MS = 120;

function limiter(): RateLimiter {
  return processWide("planadoMisses", () => new RateLimiter({ max: getConfig().LOOKUP_MISS_LIMIT_PER_MINUTE, windowMs: 60_000 }));
}

/** Whether the client may still miss (it may always find): checked, not used up. */
export function missAllowed(client: string): Verdict {
  return limiter().check(client);
}

export type LookUp<T> = { status: "found"; value: T } | { status: "missing" } | { status: "refused"; retryAfterSeconds: number };

/**
 * Looks an id up for a visitor. What exists is answered. A miss (malformed, unknown, deleted, over,
 * the other kind of id) counts against the client and takes at least MISS_FLOOR_MS; past the limit
 * it is refused instead, just as slowly (a refusal must not be a faster way to learn it was a miss).
 */
export async function lookUpForVisitor<T>(client: string, find: () => Promise<T | null | undefined>): Promise<LookUp<T>> {
  const started = performance.now();
  const found = await find();
  if (found !== null && found !== undefined) return { status: "found", value: found };
  const verdict = limiter().take(client);
  const wait = MISS_FLOOR_MS - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return verdict.allowed ? { status: "missing" } : { status: "refused", retryAfterSeconds: verdict.retryAfterSeconds };
}

/** The value of a look-up, or undefined for a miss (refused or not). */
export function foundValue<T>(lookUp: LookUp<T>): T | undefined {
  return lookUp.status === "found" ? lookUp.value : undefined;
}
