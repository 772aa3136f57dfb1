/**
 * Creates and migrates the run's throwaway database (named in playwright.config.ts) and drops it
 * when the run ends. The web server connects lazily, so it may start before or after this.
 */
import { parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { connect, probeServer } from "../../scripts/lib/database-server";
import { createThrowawayDatabase } from "../../scripts/lib/throwaway-database";
import { deriveKeys } from "../../lib/keys/derive";
import { e2eDatabaseUrl, E2E_SECRET } from "./settings";
import { startJitsiStub } from "./jitsi-stub";

export default async function globalSetup() {
  const target = parseDatabaseUrl(e2eDatabaseUrl) as DatabaseCoordinates;
  const probe = await probeServer(target);
  if (probe.status !== "answers") {
    throw new Error(`No database server for the end-to-end tests (${probe.reason}); run them with npm test, which finds or starts one.`);
  }
  const database = await createThrowawayDatabase(target, { name: target.database });
  // Set up with the servers' secret, as the first of them would (a server with another one refuses).
  const conn = await connect(target);
  try {
    await conn.query("INSERT IGNORE INTO server_key (id, fingerprint) VALUES (1, ?)", [deriveKeys(E2E_SECRET).fingerprint]);
  } finally {
    await conn.end();
  }
  const jitsi = await startJitsiStub();
  return async () => {
    await new Promise((done) => jitsi.close(done));
    await database.drop();
  };
}
