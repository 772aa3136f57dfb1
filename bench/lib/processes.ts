/** Starting and stopping the servers a benchmark measures, and reading their memory. */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from "../../scripts/lib/launch";
import { projectDir } from "../../scripts/lib/paths";

export interface Memory {
  /** Resident memory of the whole process group, in MiB. */
  rss: number;
  /** Of it: anonymous memory (heaps, buffers) and file-backed pages (the node binary, libraries). */
  anon: number;
  file: number;
}

export interface Served {
  url: string;
  /** The process started (for npm start: npm). */
  pid: number;
  /** The process that serves: the largest of the group (for npm start, the server npm's script became). */
  servingPid(): number | undefined;
  rssMiB(): number;
  memory(): Memory;
  /** V8's heap of the server process, from a Node diagnostic report (MiB used / total), if it can tell. */
  heap(): Promise<{ used: number; total: number } | undefined>;
  /** A heap snapshot of the server process (live objects only: V8 collects first); its file. */
  heapSnapshot(): Promise<string | undefined>;
  stop(): Promise<void>;
}

function groupMemoryKiB(pgid: number): { rss: number; anon: number; file: number; largest?: number } {
  const total: { rss: number; anon: number; file: number; largest?: number } = { rss: 0, anon: 0, file: 0 };
  let largest = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 5 (after the parenthesised name) is the process group.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
      total.rss += kib("VmRSS");
      if (kib("VmRSS") > largest) [largest, total.largest] = [kib("VmRSS"), Number(entry)];
      total.anon += kib("RssAnon");
      total.file += kib("RssFile") + kib("RssShmem");
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
  // Node writes a diagnostic report (V8 heap included) here when the server gets SIGUSR2.
  const reports = mkdtempSync(join(tmpdir(), "planado-bench-report-"));
  const child = spawn(command, args, {
    cwd: projectDir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      // BENCH_SERVER_NODE_OPTIONS: more flags for the servers measured (say, --max-old-space-size=384).
      NODE_OPTIONS:
        `--report-on-signal --report-signal=SIGUSR2 --report-directory=${reports} --diagnostic-dir=${reports} --heapsnapshot-signal=SIGUSR1 ${process.env.BENCH_SERVER_NODE_OPTIONS ?? ""}`.trim(),
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const mib = (kib: number) => kib / 1024;
  const served: Served = {
    url,
    pid: child.pid!,
    servingPid: () => groupMemoryKiB(child.pid!).largest,
    rssMiB: () => mib(groupMemoryKiB(child.pid!).rss),
    memory: () => {
      const m = groupMemoryKiB(child.pid!);
      return { rss: mib(m.rss), anon: mib(m.anon), file: mib(m.file) };
    },
    heap: async () => {
      const before = new Set(readdirSync(reports));
      // The server, not npm above it (whose NODE_OPTIONS say the same).
      process.kill(served.servingPid() ?? child.pid!, "SIGUSR2");
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const written = readdirSync(reports).find((name) => !before.has(name));
        if (!written) continue;
        try {
          const report = JSON.parse(readFileSync(join(reports, written), "utf8")) as { javascriptHeap: { totalMemory: number; usedMemory: number } };
          return { used: report.javascriptHeap.usedMemory / 2 ** 20, total: report.javascriptHeap.totalMemory / 2 ** 20 };
        } catch {
          // still being written
        }
      }
      return undefined;
    },
    heapSnapshot: async () => {
      const before = new Set(readdirSync(reports));
      process.kill(served.servingPid() ?? child.pid!, "SIGUSR1");
      // The server writes it synchronously: it answers again once the file is complete.
      for (let i = 0; i < 600; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const file = readdirSync(reports).find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
        if (
          file &&
          (await fetch(`${url}/api/health`).then(
            (r) => r.ok,
            () => false,
          ))
        )
          return join(reports, file);
      }
      return undefined;
    },
    stop: async () => {
      rmSync(reports, { recursive: true, force: true });
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

/**
 * Planado as it is served in production: the compiled server (scripts/lib/server-bundle.ts) run by
 * plain node with the budget's flags, as npm start and the systemd unit run it. BENCH_FROM_SOURCES=1
 * runs it from its sources under tsx instead (as before issue 25), to compare.
 */
export function startPlanado(port: number, env: Record<string, string>, distDir = ".next"): Promise<Served> {
  const args = process.env.BENCH_FROM_SOURCES ? ["--import", "tsx", "server/main.ts"] : [...SERVER_NODE_OPTIONS, `${distDir}/planado/server.mjs`];
  const environment = process.env.BENCH_FROM_SOURCES ? {} : SERVER_ENVIRONMENT;
  return start(process.execPath, args, port, { NEXT_DIST_DIR: distDir, LISTEN_ADDRESS: "127.0.0.1", ...environment, ...env }, "/api/health");
}

/** The systemd unit's own ExecStart (deploy/planado.service), word for word but for node's path. */
export function startProductionWay(port: number, env: Record<string, string>): Promise<Served> {
  const line = readFileSync(join(projectDir, "deploy", "planado.service"), "utf8")
    .split("\n")
    .find((l) => l.startsWith("ExecStart="))!;
  const [, ...args] = line.slice("ExecStart=".length).split(/\s+/);
  return start(process.execPath, args, port, { NEXT_DIST_DIR: ".next", LISTEN_ADDRESS: "127.0.0.1", ...SERVER_ENVIRONMENT, ...env }, "/api/health");
}

/** `npm start` itself: its set-up runs and exits, then its tree is npm and the server. */
export function startNpmStart(port: number, env: Record<string, string>): Promise<Served> {
  return start("npm", ["start", "--silent"], port, { NEXT_DIST_DIR: ".next", LISTEN_ADDRESS: "127.0.0.1", ...env }, "/api/health");
}

export function startFloor(port: number, env: Record<string, string>): Promise<Served> {
  return start(process.execPath, ["bench/floor-server.mjs"], port, env, "/i/x");
}
