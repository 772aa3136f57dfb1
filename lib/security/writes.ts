/**
 * One limit on everything that writes, per client: booking, changing and deleting, through the forms
 * (server actions) and the API alike, so no door is a way around another's limit. In memory only,
 * per process (see RateLimiter).
 */
import { RateLimiter } from "./rate-limit";
import type { Verdict } from "./rate-limit";
import { getConfig } from "../env";
import { processWide } from "../process-wide";

function limiter(): RateLimiter {
  return processWide("planadoWrites", () => new RateLimiter({ max: getConfig().WRITE_LIMIT_PER_HOUR, windowMs: 3_600_000 }));
}

/** Takes one write from the client's allowance. */
export function takeWrite(client: string): Verdict {
  return limiter().take(client);
}
