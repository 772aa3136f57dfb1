/**
 * Start-up: from the command to the first answer, for a second `npm start` (built, migrated: nothing to
 * install or build), for the systemd unit's command (the server alone, its set-up done by
 * ExecStartPre), and for the floor (a bare node:http + mariadb server), each started five times in
 * turn, so that a slow minute of this machine slows all three alike. Medians; the target is npm start's.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseCoordinates } from "../lib/database-url";
import { SERVER_ENVIRONMENT } from "../scripts/lib/launch";
import { freePort } from "../scripts/lib/free-port";
import { projectDir } from "../scripts/lib/paths";
import { floorEnv, planadoEnv } from "./lib/common";
import type { Row } from "./lib/common";

const RUNS = 5;

/** Milliseconds from spawning `command` until `path` answers below 500; then the process group is stopped. */
async function timeToAnswer(command: string, args: string[], env: Record<string, string>, path: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: projectDir,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", LISTEN_ADDRESS: "127.0.0.1", ...env, PORT: String(port) },
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}${path}`).then(
        (r) => r.status,
        () => 0,
      );
      if (status > 0 && status < 500) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited before it answered`);
      if (performance.now() - started > 60_000) throw new Error(`${command} ${args.join(" ")} did not answer within a minute`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);

export async function startup(database: DatabaseCoordinates): Promise<Row[]> {
  const env = { ...planadoEnv(database), NEXT_DIST_DIR: ".next" };
  const unitLine = readFileSync(join(projectDir, "deploy", "planado.service"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("ExecStart="))!;
  const [, ...unitArgs] = unitLine.slice("ExecStart=".length).split(/\s+/);
  // The first npm start may still migrate this database or write its launch file: not measured.
  await timeToAnswer("npm", ["start", "--silent"], env, "/api/health");
  const times = { npm: [] as number[], unit: [] as number[], floor: [] as number[], node: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    times.npm.push(await timeToAnswer("npm", ["start", "--silent"], env, "/api/health"));
    times.unit.push(await timeToAnswer(process.execPath, unitArgs, { ...SERVER_ENVIRONMENT, ...env }, "/api/health"));
    times.floor.push(await timeToAnswer(process.execPath, ["bench/floor-server.mjs"], floorEnv(database), "/i/x"));
    const node = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ["-e", "0"]).once("exit", resolve));
    times.node.push(performance.now() - node);
  }
  const spread = (values: number[]) => `${seconds(Math.min(...values))}–${seconds(Math.max(...values))} s`;
  const floor = `${seconds(median(times.floor))} s (\`node -e 0\` ${seconds(median(times.node))} s)`;
  const row = (scenario: string, measured: number[], target: string): Row => ({
    scenario: `${scenario} (${RUNS} runs)`,
    planado: `${seconds(median(measured))} s (${spread(measured)})`,
    floor,
    ratio: `${(median(measured) / median(times.floor)).toFixed(1)}× the floor's`,
    latency: "–",
    rss: "–",
    errors: "–",
    target,
  });
  return [
    row("10a. start-up of a second npm start, to its first answer", times.npm, "≤ 3 s"),
    row("10b. start-up of the server alone, the unit's ExecStart", times.unit, "–"),
  ];
}
