/**
 * What a failure is, for every door (our server and its request pipeline, pages, server actions, the API, the
 * reservation endpoints): one answer to "whose fault, and what now?".
 *
 *  - "unavailable": the database cannot be reached or refuses for a moment. Not a bug: the visitor
 *    gets the friendly 503 (Retry-After), and nothing is logged per request (lib/availability.ts
 *    knows the database is down, and the operator's monitoring sees /api/health).
 *  - "misconfigured": the server is set up wrongly (its secret is not the database's, a bad
 *    setting). It stops the start; met at request time, it is a 500 logged with the sentence that
 *    tells the operator what to do.
 *  - "bug": everything else. A 500, logged once with errorSummary (never a message: it may quote an
 *    id, a name or a query).
 *
 * Errors are told apart by name and shape, never by `instanceof` (see lib/database-errors.ts).
 * Pure: no framework, no database.
 */
import { isUnreachable } from "./availability";
import { databaseErrorCode, errorSummary, prismaErrorCode } from "./database-errors";

export type Failure = { status: "unavailable" } | { status: "misconfigured"; message: string } | { status: "bug" };

/** How long a 503 asks the client to wait before trying again. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

/** What is wrong when a server's secret is not its database's, and what to do (said by start-up and by requests alike). */
export const SECRET_MISMATCH =
  "secret (PLANADO_SECRET, or the one generated in PLANADO_DATA_DIR) is not the one this database was set up with, so it would send participants to other rooms. Give every server that shares the database the same PLANADO_SECRET.";

/**
 * The database was set up by servers with another secret: this server would derive other rooms, so
 * it must not use it (see lib/keys/store.ts, confirmedKeys). Its message is the operator's
 * sentence, whoever logs it.
 */
export class OtherSecretError extends Error {
  override name = "OtherSecretError";
  constructor() {
    super(`This server's ${SECRET_MISMATCH}`);
  }
}

/** How to make a strong secret, in the operator's words. */
const STRONG_SECRET = "make one with: openssl rand -base64 32 (or leave PLANADO_SECRET unset to have one generated)";

/**
 * A new installation (the database holds no secret's fingerprint yet) whose secret is too weak: a
 * copy of the database would let anyone test guesses of it offline (see lib/keys/secret-strength.ts).
 */
export class WeakSecretError extends Error {
  override name = "WeakSecretError";
  constructor(weakness: string) {
    super(
      `This server's secret (PLANADO_SECRET, or its file in PLANADO_DATA_DIR) is too weak for a new installation: ${weakness}. A copy of the database would let anyone test guesses of it offline; ${STRONG_SECRET}.`,
    );
  }
}

/**
 * An installation that already runs with a weak secret keeps working, and says so once: a secret
 * cannot simply be replaced, since every link and room is derived from it.
 */
export function weakSecretWarning(weakness: string): string {
  return (
    `[planado] warning: this server's secret (PLANADO_SECRET, or its file in PLANADO_DATA_DIR) is weak: ${weakness}. ` +
    "A copy of the database would let anyone test guesses of it offline. It cannot simply be replaced (every link and room is derived from it): " +
    `to move to a strong one, set up a new installation beside this one (its own database; ${STRONG_SECRET}), let organizers book there, ` +
    "and retire this one when its last conference is over. Meanwhile keep copies of the database away from the secret."
  );
}

/**
 * Errors that mean the server is set up wrongly, by name. Their messages are written for the operator
 * and hold no request's data: OtherSecretError and WeakSecretError above (never the secret), lib/env.ts's
 * ConfigError (names of settings only).
 */
const MISCONFIGURATIONS = new Set(["OtherSecretError", "WeakSecretError", "ConfigError"]);

/**
 * The database's own numbers for "not now": too many connections (1040), a node out of its Galera
 * cluster (1047), shutting down (1053), lock wait timeout (1205), deadlock after lib/write-retry.ts
 * gave up (1213), connection killed (1927), gone away or lost (2006, 2013), idle connection closed (4031).
 */
const REFUSING_CODES = new Set(["1040", "1047", "1053", "1205", "1213", "1927", "2006", "2013", "4031"]);

/** Prisma's: cannot reach (P1001), timeouts (P1002, P1008, P2024), connection closed (P1017), write conflict (P2034). */
const REFUSING_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);

function isRefusing(error: unknown): boolean {
  if (error instanceof Error && error.name === "WriteConflict") return true; // lib/write-retry.ts gave up
  return REFUSING_CODES.has(databaseErrorCode(error) ?? "") || REFUSING_PRISMA_CODES.has(prismaErrorCode(error) ?? "");
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof Error && MISCONFIGURATIONS.has(error.name)) return { status: "misconfigured", message: error.message };
  if (isUnreachable(error) || isRefusing(error)) return { status: "unavailable" };
  return { status: "bug" };
}

/**
 * Classifies a failure a door met and logs it, once, if it is a bug or a misconfiguration; the door
 * answers from what it returns and logs nothing else. `door` names the door ("API", "booking
 * action"), never anything of the request.
 */
export function reportFailure(door: string, error: unknown, log: (line: string) => void = console.error): Failure {
  const failure = classifyFailure(error);
  if (failure.status === "bug") log(`[planado] ${door} failed: bug: ${errorSummary(error)}`);
  if (failure.status === "misconfigured") log(`[planado] ${door} failed: misconfigured: ${failure.message}`);
  return failure;
}
