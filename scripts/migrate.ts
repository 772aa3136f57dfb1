/**
 * `npm run migrate`: create and migrate the database DATABASE_URL names (no private server here:
 * an operator migrating wants their own database or a clear error).
 *   npm run migrate                         apply pending migrations
 *   npm run migrate -- --rolled-back NAME   mark a failed migration as rolled back after repairing it
 */
import { configOrExit, exitWith, loadEnvFiles, log } from "./lib/cli";
import { connect, ensureDatabaseExists, migrateDatabase } from "./lib/database-server";
import { markRolledBack } from "./lib/migrate";

function usage(sentence: string): never {
  console.error(sentence);
  process.exit(2);
}

async function main() {
  loadEnvFiles();
  const { coordinates } = configOrExit().DATABASE_URL;
  const args = process.argv.slice(2);
  if (args[0] === "--rolled-back") {
    const name = args[1];
    if (!name) usage("Name the migration: npm run migrate -- --rolled-back NAME");
    const conn = await connect(coordinates);
    try {
      await markRolledBack(conn, name);
    } finally {
      await conn.end();
    }
    log(`Marked ${name} as rolled back; it will be applied again on the next migrate.`);
    return;
  }
  if (args.length) usage(`Unknown arguments: ${args.join(" ")} (try: npm run migrate, or npm run migrate -- --rolled-back NAME)`);
  if (await ensureDatabaseExists(coordinates)) log(`Created the database ${coordinates.database}.`);
  const { applied, warnings } = await migrateDatabase(coordinates);
  for (const warning of warnings) log(`Warning: ${warning}`);
  log(applied.length ? `Applied: ${applied.join(", ")}.` : "Nothing to apply: the schema is up to date.");
}

main().catch(exitWith);
