/** Direct access to the run's database, for tests that check what was (not) written. */
import { parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { connect } from "../../scripts/lib/database-server";
import { e2eDatabaseUrl } from "./settings";

export const e2eDatabase = parseDatabaseUrl(e2eDatabaseUrl) as DatabaseCoordinates;

export async function query<T>(sql: string, values: unknown[] = []): Promise<T> {
  const conn = await connect(e2eDatabase);
  try {
    return await conn.query<T>(sql, values);
  } finally {
    await conn.end();
  }
}
