/**
 * `npm run bench`: the benchmarks in bench/, on demand (never part of npm test). Each runs against a
 * throwaway database on the server DATABASE_URL names (or a private MariaDB), dropped afterwards.
 *   npm run bench                 every benchmark
 *   npm run bench -- cleanup …    one of them, with its own options
 */
import { cpus, totalmem } from "node:os";
import { benchCleanup } from "../bench/cleanup";
import { configOrExit, exitWith, loadEnvFiles, log } from "./lib/cli";
import { resolveServer } from "./lib/database-server";
import { createThrowawayDatabase } from "./lib/throwaway-database";

const BENCHMARKS = { cleanup: benchCleanup } as const;

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  const wanted = process.argv[2] && !process.argv[2].startsWith("--") ? [process.argv[2]] : Object.keys(BENCHMARKS);
  const server = await resolveServer(config.DATABASE_URL.coordinates, log);
  try {
    for (const name of wanted) {
      const run = BENCHMARKS[name as keyof typeof BENCHMARKS];
      if (!run) throw new Error(`No benchmark named ${name}; there are: ${Object.keys(BENCHMARKS).join(", ")}`);
      const database = await createThrowawayDatabase(server.coordinates, { prefix: "planado_bench" });
      try {
        log(`${name} on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
        console.log(`\n${await run(database)}\n`);
      } finally {
        await database.drop();
      }
    }
  } finally {
    if (server.privateServer?.startedHere) await server.privateServer.stop();
  }
}

main().catch(exitWith);
