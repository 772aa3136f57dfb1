/**
 * Runs the cleanup sweep on the side of ordinary requests (no cron job to set up): at most once per
 * interval per process, never two at once, never awaited by the request, and a failure is reported
 * without reaching the request. Clock and work are injected, so the throttling is tested without
 * waiting.
 */
export interface SweepTriggerOptions {
  intervalMs: number;
  /** Milliseconds, monotonic or wall clock. */
  clock: () => number;
  run: () => Promise<unknown>;
  onError: (error: unknown) => void;
}

export interface SweepTrigger {
  /** Starts a sweep in the background if one is due and none is running; says whether it did. */
  poke(): boolean;
  /** Whether a sweep is running now. */
  busy(): boolean;
}

export function createSweepTrigger(options: SweepTriggerOptions): SweepTrigger {
  let lastStart = Number.NEGATIVE_INFINITY;
  let running = false;
  return {
    poke() {
      if (running) return false;
      const now = options.clock();
      if (now - lastStart < options.intervalMs) return false;
      lastStart = now;
      running = true;
      // Start on a later tick, so even a synchronous throw stays off the request's path.
      void Promise.resolve()
        .then(options.run)
        .catch(options.onError)
        .finally(() => {
          running = false;
        });
      return true;
    },
    busy: () => running,
  };
}
