/**
 * `npm start`'s set-up, which runs and exits before the server starts (scripts/start.sh): find or
 * start the database, create and migrate it, build when the sources changed (Next's build, the
 * stylesheets, the compiled server), and write down for the server what it chose
 * (`<distDir>/planado/launch.env`: the database it found, and the private MariaDB it started, which
 * the server stops when it stops). `--no-private-database`: use DATABASE_URL or fail (systemd).
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { formatDatabaseUrl } from "../lib/database-url";
import { configOrExit, exitWith, loadEnvFiles, log } from "./lib/cli";
import { ensureBuild } from "./lib/build";
import { ensureDatabaseExists, migrateDatabase, resolveServer } from "./lib/database-server";
import { launchFile, launchVariables } from "./lib/launch";

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const privateAllowed = !process.argv.includes("--no-private-database");

  const server = await resolveServer(config.DATABASE_URL.coordinates, log, { privateAllowed });
  try {
    if (await ensureDatabaseExists(server.coordinates)) log(`Created the database ${server.coordinates.database}.`);
    // npm start runs on the server itself: it may make the server's secret while upgrading.
    const { applied, warnings } = await migrateDatabase(server.coordinates, { mayCreateSecret: true });
    for (const warning of warnings) log(`Warning: ${warning}`);
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "The database schema is up to date.");
    await ensureBuild(distDir, log);
    const file = launchFile(distDir);
    mkdirSync(dirname(file), { recursive: true });
    // It names the database's password: for this user only.
    writeFileSync(file, launchVariables({ distDir, databaseUrl: formatDatabaseUrl(server.coordinates), privateDatabasePid: server.privateServer?.pid }), {
      mode: 0o600,
    });
    chmodSync(file, 0o600);
  } catch (error) {
    if (server.privateServer?.startedHere) await server.privateServer.stop();
    exitWith(error);
  }
}

main().catch(exitWith);
