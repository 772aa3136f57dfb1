/**
 * Preloaded into a Planado program (`node --import tsx --import ./e2e/cluster/start-together.ts …`)
 * so that two of them, spawned a little apart, begin their real work at the same millisecond:
 * process start-up and loading the code (hundreds of milliseconds, never the same twice) would
 * otherwise put one far ahead of the other, and a race between them would never happen.
 *
 * It loads what the migrate script needs (the script then finds it all loaded), then waits until
 * PLANADO_E2E_START_AT (milliseconds since the epoch). Without that variable it does nothing.
 */
import { untilMoment } from "./support/pacing";

const startAt = Number(process.env.PLANADO_E2E_START_AT ?? 0);
if (startAt > 0) {
  await Promise.all([import("../../scripts/lib/cli"), import("../../scripts/lib/database-server"), import("../../scripts/lib/migrate")]);
  await untilMoment(startAt);
}
