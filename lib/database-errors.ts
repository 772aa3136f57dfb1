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

/** The database's own error number under Prisma's ("1213": deadlock), if the driver told it. */
export function databaseErrorCode(error: unknown): string | undefined {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown; originalCode?: unknown } } } } | undefined)?.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return code === undefined ? undefined : String(code);
}

/**
 * The database was set up by servers with another secret: this server would derive other rooms, so
 * it must not use it (see lib/conferences/store.ts, confirmedKeys).
 */
export class OtherSecretError extends Error {
  override name = "OtherSecretError";
}

/** Any failure of Prisma or of the database driver, or a database this server must not use (not a bug of ours). */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && (error.name.startsWith("PrismaClient") || error.name === "OtherSecretError" || "sqlState" in error);
}
