/**
 * The one Prisma client of the process. Only the stores (each lib/<domain>/store.ts, with ./cluster-reads.ts),
 * the sweep (lib/cleanup/run.ts) and the health check use it (the linter keeps it so); everything
 * else calls a domain's operations. Every query also tells ./availability.ts whether the database
 * answers, so pages can shed load while it is down.
 */
import "server-only";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "./generated/prisma/client";
import { getConfig } from "./env";
import { processWide } from "./process-wide";
import { databaseAnswered, databaseFailed, isUnreachable } from "./availability";

function createClient() {
  const { host, port, user, password, database } = getConfig().DATABASE_URL.coordinates;
  const adapter = new PrismaMariaDb({
    host,
    port,
    user,
    password,
    database,
    connectionLimit: 10,
    // Fail within seconds when the database is down, so people get an answer instead of a spinner;
    // a healthy pool hands out a connection in well under a second even in a rush.
    connectTimeout: 2_000,
    acquireTimeout: 2_500,
  });
  // Minimal errors: no code frames with query arguments (ids) in messages that may reach a log.
  return new PrismaClient({ adapter, errorFormat: "minimal" }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          databaseAnswered();
          return result;
        } catch (error) {
          if (isUnreachable(error)) databaseFailed();
          throw error;
        }
      },
    },
  });
}

export type Database = ReturnType<typeof createClient>;

/** One client (one connection pool) per process, whichever copy of this module asks first. */
export function db(): Database {
  return processWide("planadoPrisma", createClient);
}

/** Resolves when the database answers a trivial query within `timeoutMs`, rejects otherwise. */
export async function pingDatabase(timeoutMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
