/**
 * What our server refuses before reading it. No imports, so that next.config.ts can read the same
 * value for Next's own limits.
 */

/**
 * The largest request body any Planado endpoint accepts: a server action's form (a booking is a few
 * hundred bytes; the API takes 16 kB, Jitsi's reservation calls 4 kB). Our server refuses a larger
 * body with 413 before reading it, and holds at most this much of one in memory.
 */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;
