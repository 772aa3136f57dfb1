/**
 * Rate limits per client, in memory only: a token bucket per client and purpose. Clients are kept
 * under a keyed hash of their address (the key is random per process), so not even the process
 * memory holds addresses in the clear; nothing is written to disk or logs. Clock injected for tests.
 */
import { createHmac, randomBytes } from "node:crypto";

export interface Limit {
  /** Requests allowed per window; 0 means no limit. */
  max: number;
  windowMs: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Beyond this many clients the idlest are forgotten, so memory stays bounded under a flood. */
const MAX_CLIENTS = 100_000;

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #key = randomBytes(32);

  constructor(
    private readonly limit: Limit,
    private readonly clock: () => number = Date.now,
  ) {}

  #id(client: string): string {
    return createHmac("sha256", this.#key).update(client).digest("base64url").slice(0, 22);
  }

  #tokens(id: string, now: number): number {
    const { max, windowMs } = this.limit;
    const previous = this.#buckets.get(id);
    return previous ? Math.min(max, previous.tokens + (now - previous.updatedAt) * (max / windowMs)) : max;
  }

  #wait(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / (this.limit.max / this.limit.windowMs) / 1000));
  }

  /** Whether the client has allowance left, without using any. */
  check(client: string): Verdict {
    if (this.limit.max <= 0) return { allowed: true };
    const tokens = this.#tokens(this.#id(client), this.clock());
    return tokens >= 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: this.#wait(tokens) };
  }

  /** Takes one request from the client's allowance. */
  take(client: string): Verdict {
    const { max } = this.limit;
    if (max <= 0) return { allowed: true };
    const now = this.clock();
    const id = this.#id(client);
    const tokens = this.#tokens(id, now);
    // Re-insert, so the Map's order is least recently seen first.
    this.#buckets.delete(id);
    if (tokens < 1) {
      this.#buckets.set(id, { tokens, updatedAt: now });
      return { allowed: false, retryAfterSeconds: this.#wait(tokens) };
    }
    this.#buckets.set(id, { tokens: tokens - 1, updatedAt: now });
    this.#forgetIdle(now);
    return { allowed: true };
  }

  /**
   * Forgets clients whose allowance has refilled (a window without requests): they are as if new.
   * The map is in the order clients were last seen, so those are at the front. Beyond MAX_CLIENTS
   * the idlest go anyway.
   */
  #forgetIdle(now: number): void {
    for (const [id, bucket] of this.#buckets) {
      if (now - bucket.updatedAt < this.limit.windowMs && this.#buckets.size <= MAX_CLIENTS) break;
      this.#buckets.delete(id);
    }
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.#buckets.size;
  }
}
