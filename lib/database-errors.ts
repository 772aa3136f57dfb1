/**
 * What a database error is, read from its shape. Never by `instanceof`: Planado's code is loaded twice
 * in one process (Next's bundle and our server, see lib/process-wide.ts), and the one Prisma client
 * may have been made by the other copy, whose error classes are not this copy's.
 */

/** Prisma's error code ("P2002": unique constraint, "P2025": no such row), if it is one of Prisma's. */
export function prismaErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** What the database driver reported under Prisma's error, if it did. */
export interface DriverCause {
  code?: unknown;
  /** The database's own error number ("1213") or the driver's ("45028": pool timeout). */
  originalCode?: unknown;
  /** The driver's message. */
  cause?: unknown;
  originalMessage?: unknown;
}

export function driverCause(error: unknown): DriverCause | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | undefined)?.meta?.driverAdapterError?.cause;
}

/** The database's own error number under Prisma's ("1213": deadlock), if the driver told it. */
export function databaseErrorCode(error: unknown): string | undefined {
  const cause = driverCause(error);
  const code = cause?.originalCode ?? cause?.code;
  return code === undefined ? undefined : String(code);
}

/**
 * An error for a log line: its kind and codes, never its message (a message may quote a query, an id
 * or a name).
 */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";
  const code = "code" in error ? ` ${String(error.code)}` : "";
  const databaseCode = databaseErrorCode(error);
  return `${error.name}${code}${databaseCode ? ` (database error ${databaseCode})` : ""}`;
}

/**
 * Any failure of Prisma or of the database driver, whatever its cause (a bad query of ours too). Whose
 * fault it is, and what a door answers, is lib/failures.ts's classifyFailure.
 */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && (error.name.startsWith("PrismaClient") || "sqlState" in error);
}
