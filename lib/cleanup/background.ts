/**
 * The sweep that ordinary requests trigger (CLEANUP_MODE=request): one trigger per server process (see lib/process-wide.ts).
 * Its log lines say what changed, never which conference.
 */
import { reportFailure } from "../failures";
import { getConfig } from "../env";
import { processWide } from "../process-wide";
import { invitationCache } from "../conferences/invitation-cache";
import { sweep } from "./run";
import { createSweepTrigger } from "./trigger";
import type { SweepTrigger } from "./trigger";

/** Called on every matched request; returns at once. */
export function pokeBackgroundSweep(): void {
  const config = getConfig();
  if (config.CLEANUP_MODE !== "request") return;
  const trigger = processWide<SweepTrigger>("planadoSweepTrigger", () =>
    createSweepTrigger({
      intervalMs: config.CLEANUP_INTERVAL_SECONDS * 1000,
      clock: () => performance.now(),
      run: async () => {
        const result = await sweep(new Date(), config.CLEANUP_AFTER_HOURS);
        if (result.deleted || result.rolled) {
          // Moved or deleted conferences must not be served from this process's cache any longer.
          invitationCache().clear();
          console.log(`[planado] cleanup: deleted ${result.deleted}, moved ${result.rolled} to their next meeting`);
        }
      },
      // A database that is away is not worth a line per attempt (lib/failures.ts); a bug is.
      onError: (error) => void reportFailure("cleanup", error),
    }),
  );
  trigger.poke();
}
