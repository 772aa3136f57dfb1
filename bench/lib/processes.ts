/** Starting and stopping the servers a benchmark measures, and reading their memory. */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { projectDir } from "../../scripts/lib/database-server";

export interface Served {
  url: string;
  /** Resident memory of the whole process group (next start spawns next-server), in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

function groupRssKiB(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 5 (after the parenthesised name) is the process group.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      total += rss ? Number(rss[1]) : 0;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(command: string, args: string[], port: number, env: Record<string, string>, readyPath: string): Promise<Served> {
  const child = spawn(command, args, {
    cwd: projectDir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  const served: Served = {
    url,
    rssMiB: () => groupRssKiB(child.pid!) / 1024,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await new Promise((r) => child.once("exit", r));
    },
  };
  return waitFor(`${url}${readyPath}`).then(() => served);
}

export function startPlanado(port: number, env: Record<string, string>, distDir = ".next"): Promise<Served> {
  return start(process.execPath, ["--import", "tsx", "server/main.ts"], port, { NEXT_DIST_DIR: distDir, HOSTNAME: "127.0.0.1", ...env }, "/api/health");
}

export function startFloor(port: number, env: Record<string, string>): Promise<Served> {
  return start(process.execPath, ["bench/floor-server.mjs"], port, env, "/i/x");
}
