/**
 * `npm run cleanup`: one cleanup sweep, for operators who run it from cron (CLEANUP_MODE=cron).
 *   npm run cleanup                 sweep now
 *   npm run cleanup -- --now ISO    sweep as if it were that moment (for testing; never in production)
 */
import { OTHER_SECRET, sameSecretAsDatabase } from "../lib/conferences/operations";
import { endSweeping, sweep } from "../lib/cleanup/run";
import { configOrExit, exitWith, loadEnvFiles, log } from "./lib/cli";

function usage(sentence: string): never {
  console.error(sentence);
  process.exit(2);
}

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  const args = process.argv.slice(2);
  let now = new Date();
  if (args[0] === "--now") {
    now = new Date(args[1] ?? "");
    if (Number.isNaN(now.getTime())) usage("--now takes an ISO date and time, such as 2026-12-01T09:00:00Z.");
  } else if (args.length) {
    usage(`Unknown arguments: ${args.join(" ")} (try: npm run cleanup)`);
  }
  if (!(await sameSecretAsDatabase())) {
    console.error(OTHER_SECRET.replace("Planado cannot start", "Planado cannot sweep"));
    process.exit(1);
  }
  const result = await sweep(now, config.CLEANUP_AFTER_HOURS);
  log(
    `Cleanup at ${now.toISOString()}: deleted ${result.deleted} conference(s), moved ${result.rolled} to their next meeting` +
      (result.skipped ? `, left ${result.skipped} changed meanwhile for the next run.` : "."),
  );
  await endSweeping();
}

main().catch(exitWith);
