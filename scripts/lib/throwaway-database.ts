/** Throwaway databases for tests: created (and migrated) by a run, dropped by the same run. */
import { randomBytes } from "node:crypto";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { connect, migrateDatabase } from "./database-server";

export interface ThrowawayDatabase {
  coordinates: DatabaseCoordinates;
  drop(): Promise<void>;
}

export function throwawayName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

export async function createThrowawayDatabase(
  server: DatabaseCoordinates,
  options: { prefix?: string; name?: string; migrate?: boolean } = {},
): Promise<ThrowawayDatabase> {
  const coordinates = { ...server, database: options.name ?? throwawayName(options.prefix ?? "planado_test") };
  const admin = await connect(server, { database: false });
  try {
    await admin.query(`CREATE DATABASE \`${coordinates.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  if (options.migrate ?? true) await migrateDatabase(coordinates);
  return {
    coordinates,
    drop: async () => {
      const conn = await connect(server, { database: false });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${coordinates.database}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

/** Drops test databases left behind by runs that were killed (older than `maxAgeMinutes`). */
export async function dropStaleTestDatabases(server: DatabaseCoordinates, maxAgeMinutes = 120): Promise<string[]> {
  const conn = await connect(server, { database: false });
  try {
    const rows = await conn.query<{ name: string }[]>(
      `SELECT s.SCHEMA_NAME AS name FROM information_schema.SCHEMATA s
        WHERE (s.SCHEMA_NAME LIKE 'planado\\_test\\_%' OR s.SCHEMA_NAME LIKE 'planado\\_e2e\\_%' OR s.SCHEMA_NAME LIKE 'planado\\_bench\\_%')
          AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES t
                           WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME AND t.CREATE_TIME > NOW() - INTERVAL ? MINUTE)`,
      [maxAgeMinutes],
    );
    for (const { name } of rows) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    return rows.map((row) => row.name);
  } finally {
    await conn.end();
  }
}
