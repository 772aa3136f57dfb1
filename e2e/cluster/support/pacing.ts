/**
 * How the cluster tests wait and pace their work. The only timers of e2e/cluster/ are here
 * (tests/structure.test.ts checks): a test waits for a condition (polled, with a deadline) or for a
 * moment it can name, and paces a load to a rhythm; it never sleeps a fixed time hoping that
 * something has happened meanwhile.
 */

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, ms)));

/**
 * Polls `condition` every `intervalMs` until it holds or `timeoutMs` have passed; says whether it
 * held. An error thrown by `condition` ends the wait with that error.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await pause(Math.min(intervalMs, deadline - Date.now()));
  }
}

/** Resolves at `moment` (milliseconds since the epoch): for a start agreed on, or a throttle's end. */
export const untilMoment = (moment: number): Promise<void> => pause(moment - Date.now());

/**
 * A beat every `intervalMs`, for a load of so many requests a second: each call returns when the
 * next beat is due (at once when the work since the last one took longer).
 */
export function rhythm(intervalMs: number): () => Promise<void> {
  let next = Date.now() + intervalMs;
  return async () => {
    await untilMoment(next);
    next = Math.max(next, Date.now()) + intervalMs;
  };
}

/** Runs `work` on every item, at most `limit` at a time, in order of the items. */
export async function eachLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
