/**
 * Writes the database refused for a moment, tried again. MariaDB answers 1213 (deadlock) when two
 * writers lock rows in a different order, and a Galera cluster answers 1213 when writes to the same
 * rows on two nodes meet at commit: it keeps the first and aborts the other, which must be retried.
 * Prisma may say P2034.
 *
 * Only for writes that are safe to run again: every write Planado retries is conditional (on the
 * revision it read) or idempotent, and a refused commit wrote nothing.
 */
import { databaseErrorCode, prismaErrorCode } from "./database-errors";
import { processWide } from "./process-wide";

// Not 1205 (lock wait timeout): after innodb_lock_wait_timeout (50 s) the request has waited long
// enough; it fails (a 503 for a page) instead of waiting that long again.
const CONFLICT_CODES = new Set(["1213"]);

/**
 * A write that found its row changed between its own read and write (Planado's own check, where the
 * database could not tell): retried like a refused commit.
 */
export class WriteConflict extends Error {
  override name = "WriteConflict";
}

export function isWriteConflict(error: unknown): boolean {
  // By name, not instanceof: the code is loaded twice in one process (see lib/process-wide.ts).
  if (error instanceof Error && error.name === "WriteConflict") return true;
  return CONFLICT_CODES.has(databaseErrorCode(error) ?? "") || prismaErrorCode(error) === "P2034";
}

/** How many writes this process ran again (reported by /api/health, for operators of a cluster). */
const counter = () => processWide("planadoRetriedWrites", () => ({ count: 0 }));

export function retriedWrites(): number {
  return counter().count;
}

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts?: number;
  /** Waits for `ms` (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Runs `write`, and again (at most `attempts` times in all) while the database refuses it as a
 * conflict. The waits grow and are random (full jitter), so writers that collided do not collide
 * again in step.
 */
export async function retryWrite<T>(write: () => Promise<T>, { attempts = 5, sleep = realSleep }: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isWriteConflict(error)) throw error;
      counter().count++;
      await sleep(Math.random() * 10 * 2 ** attempt);
    }
  }
}
