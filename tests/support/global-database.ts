/**
 * Vitest global setup of the integration project: one throwaway database for the run, migrated,
 * handed to the tests through `inject("databaseUrl")` and dropped at the end.
 */
import type { TestProject } from "vitest/node";
import { formatDatabaseUrl } from "../../lib/database-url";
import { parseConfig } from "../../lib/env";
import { resolveServer } from "../../scripts/lib/database-server";
import { createThrowawayDatabase } from "../../scripts/lib/throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const wanted = parseConfig(process.env).DATABASE_URL.coordinates;
  const server = await resolveServer(wanted, (line) => console.log(`[integration] ${line}`));
  const database = await createThrowawayDatabase(server.coordinates);
  project.provide("databaseUrl", formatDatabaseUrl(database.coordinates));
  project.provide("serverUrl", formatDatabaseUrl(server.coordinates));
  return async () => {
    await database.drop();
    if (server.privateServer?.startedHere) await server.privateServer.stop();
  };
}
