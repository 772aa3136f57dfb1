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

/** Any failure of Prisma or of the database driver (as opposed to a bug of ours). */
export function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && (error.name.startsWith("PrismaClient") || "sqlState" in error);
}
