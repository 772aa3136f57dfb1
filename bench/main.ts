/**
 * `npm run bench`: the benchmark scenarios of bench/, on demand (never part of npm test), against a
 * production build and a throwaway database on the server DATABASE_URL names (or a private MariaDB
 * it starts); everything is stopped and dropped afterwards. Prints one Markdown table.
 *   npm run bench                      all scenarios (about an hour: the soak and the memory scenario soak for 10 minutes per server)
 *   npm run bench -- wait redirect     some of them (wait, redirect, api, rush, booking, cleanup, weight, soak, memory, startup)
 * BENCH_SECONDS (default 10) and BENCH_WARMUP (default 3) set the length of each load run,
 * BENCH_SOAK_SECONDS (default 600) the soak's.
 */
import { cpus, totalmem } from "node:os";
import { details, prepare, SCENARIOS, table } from "./scenarios";
import type { Row } from "./lib/common";
import { ensureBuild } from "../scripts/lib/build";
import { configOrExit, exitWith, loadEnvFiles, log } from "../scripts/lib/cli";
import { resolveServer } from "../scripts/lib/database-server";
import { createThrowawayDatabase } from "../scripts/lib/throwaway-database";

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  const names = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const wanted = names.length ? names : Object.keys(SCENARIOS);
  for (const name of wanted) if (!(name in SCENARIOS)) throw new Error(`No scenario ${name}; there are: ${Object.keys(SCENARIOS).join(", ")}`);

  await ensureBuild(".next", log);
  const server = await resolveServer(config.DATABASE_URL.coordinates, log);
  const database = await createThrowawayDatabase(server.coordinates, { prefix: "planado_bench" });
  const rows: Row[] = [];
  try {
    log("Seeding 100,000 conferences …");
    await prepare(database.coordinates);
    for (const name of wanted) {
      log(`Scenario ${name} …`);
      rows.push(...(await SCENARIOS[name as keyof typeof SCENARIOS](database.coordinates)));
    }
  } finally {
    await database.drop();
    if (server.privateServer?.startedHere) await server.privateServer.stop();
  }
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  console.log(table(rows));
  const more = details();
  if (more) console.log(`\n${more}`);
  process.exit(0);
}

main().catch(exitWith);
