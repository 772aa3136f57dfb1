/**
 * Whether the database seems down, learned from the queries themselves (no extra checks on the
 * request path). While it is down, requests that need it get a quick 503; one request every few
 * seconds still goes through to try, and the first that succeeds brings everything back.
 * Process-wide (see lib/process-wide.ts); clock injected for tests.
 */
import { driverCause } from "./database-errors";
import { processWide } from "./process-wide";

export const PROBE_INTERVAL_MS = 2_000;

interface State {
  downSince?: number;
  /** The last time a request was let through to try, or a query failed. */
  lastTry: number;
}

const state = (): State => processWide<State>("planadoAvailability", () => ({ lastTry: Number.NEGATIVE_INFINITY }));

export function databaseFailed(now = Date.now()): void {
  const s = state();
  s.downSince ??= now;
  s.lastTry = now;
}

export function databaseAnswered(): void {
  state().downSince = undefined;
}

/** Whether the last query found the database unreachable (a question only: unlike shouldShedLoad, it lets nobody through). */
export function isDatabaseDown(): boolean {
  return state().downSince !== undefined;
}

/** True when this request should get a 503 instead of trying the database. */
export function shouldShedLoad(now = Date.now()): boolean {
  const s = state();
  if (s.downSince === undefined) return false;
  if (now - s.lastTry >= PROBE_INTERVAL_MS) {
    s.lastTry = now; // let this one through to try
    return false;
  }
  return true;
}

/** Errors that mean "the database cannot be reached", as opposed to a bad query. */
const CONNECTION_CODES = new Set(["45001", "45007", "45009", "45012", "45026", "45027", "45028"]);

export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "PrismaClientInitializationError") return true;
  const cause = driverCause(error);
  if (cause && CONNECTION_CODES.has(String(cause.originalCode))) return true;
  const text = `${typeof cause?.cause === "string" ? cause.cause : ""} ${error.message}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|pool timeout|socket has unexpectedly been closed/i.test(text);
}
