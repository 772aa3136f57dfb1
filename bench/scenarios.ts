/**
 * The six benchmark scenarios of `npm run bench`, each against a production build (`next start`) on a
 * real MariaDB seeded with 100,000 conferences, each throughput figure beside a floor measured in the
 * same run: a bare node:http server with the same driver doing the same indexed look-up.
 */
import { request as httpRequest, Agent } from "node:http";
import { spawnSync } from "node:child_process";
import { formatDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { connect, freePort, projectDir } from "../scripts/lib/database-server";
import { benchCleanup } from "./cleanup";
import { load } from "./lib/load";
import type { LoadResult } from "./lib/load";
import { startFloor, startPlanado } from "./lib/processes";
import type { Served } from "./lib/processes";
import { addConference, seed } from "./lib/seed";
import { measureWeight } from "./weight";

export interface Row {
  scenario: string;
  planado: string;
  floor: string;
  ratio: string;
  latency: string;
  rss: string;
  errors: string;
  target: string;
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const JITSI = "https://meet.example.org";

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
const latency = (r: LoadResult) => `${r.p50} / ${r.p99}`;

function planadoEnv(database: DatabaseCoordinates, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: formatDatabaseUrl(database),
    JITSI_URL: JITSI,
    PUBLIC_URL: "",
    CLEANUP_MODE: "off",
    API_CREATE_LIMIT_PER_HOUR: "0",
    API_LOOKUP_LIMIT_PER_MINUTE: "0",
    LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
    ...extra,
  };
}

async function withServer<T>(start: Promise<Served>, work: (s: Served) => Promise<T>): Promise<T> {
  const served = await start;
  try {
    return await work(served);
  } finally {
    await served.stop();
  }
}

async function throughput(path: string, expectStatus: number, database: DatabaseCoordinates, env: Record<string, string> = {}) {
  const planado = await withServer(startPlanado(await freePort(), planadoEnv(database, env)), async (s) => ({
    result: await load({ url: `${s.url}${path}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus }),
    rss: s.rssMiB(),
  }));
  const floor = await withServer(startFloor(await freePort(), { DATABASE_URL: formatDatabaseUrl(database), JITSI_URL: JITSI }), (s) =>
    load({ url: `${s.url}${path}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus }),
  );
  return { planado, floor };
}

function throughputRow(name: string, target: number, t: Awaited<ReturnType<typeof throughput>>): Row {
  const errors = t.planado.result.errors + t.planado.result.unexpected;
  return {
    scenario: name,
    planado: `${fmt(t.planado.result.requestsPerSecond)} req/s`,
    floor: `${fmt(t.floor.requestsPerSecond)} req/s`,
    ratio: ratio(t.planado.result.requestsPerSecond, t.floor.requestsPerSecond),
    latency: latency(t.planado.result),
    rss: `${fmt(t.planado.rss)}`,
    errors: String(errors),
    target: `≥ ${target}× floor`,
  };
}

/** 1. The wait page, 50 connections. */
export async function waitPage(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "wait", new Date(Date.now() + 86_400_000));
  return [throughputRow("1. wait page", 0.4, await throughput(`/i/${id}`, 200, database))];
}

/** 2. The redirect of a conference that has started. */
export async function redirect(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "open", new Date(Date.now() - 60_000));
  return [throughputRow("2. redirect", 0.6, await throughput(`/i/${id}`, 307, database))];
}

/**
 * 3. The start-time rush: 2,000 clients whose countdowns end at the same second ask at once (as the
 * wait page does, 250 ms after the start); the time until 99% have been sent to the room.
 */
async function rushOnce(url: string, startsAt: number, clients: number): Promise<{ ms99: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const ask = () =>
    new Promise<{ status: number; at: number }>((resolve) => {
      const req = httpRequest(url, { agent }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, at: Date.now() }));
      });
      req.on("error", () => resolve({ status: 0, at: Date.now() }));
      req.end();
    });
  await new Promise((r) => setTimeout(r, Math.max(0, startsAt + 250 - Date.now())));
  const answers = await Promise.all(Array.from({ length: clients }, ask));
  agent.destroy();
  const redirected = answers.filter((a) => a.status === 307).map((a) => a.at - startsAt).sort((a, b) => a - b);
  const ms99 = redirected.length >= Math.ceil(clients * 0.99) ? redirected[Math.ceil(clients * 0.99) - 1]! : Number.POSITIVE_INFINITY;
  return { ms99, errors: clients - redirected.length };
}

export async function rush(database: DatabaseCoordinates): Promise<Row[]> {
  const clients = 2000;
  const startsAt = Math.ceil((Date.now() + 20_000) / 1000) * 1000;
  const id = await addConference(database, "rush", new Date(startsAt));
  const planado = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => {
    await load({ url: `${s.url}/i/${id}`, connections: 50, seconds: WARMUP, expectStatus: 200 }); // warm up on the wait page
    return { ...(await rushOnce(`${s.url}/i/${id}`, startsAt, clients)), rss: s.rssMiB() };
  });
  const floorStart = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
  const floorId = await addConference(database, "rush-floor", new Date(floorStart));
  const floor = await withServer(startFloor(await freePort(), { DATABASE_URL: formatDatabaseUrl(database), JITSI_URL: JITSI }), (s) =>
    rushOnce(`${s.url}/i/${floorId}`, floorStart, clients),
  );
  return [
    {
      scenario: "3. start-time rush (2,000 clients)",
      planado: `99% in ${fmt(planado.ms99)} ms`,
      floor: `99% in ${fmt(floor.ms99)} ms`,
      ratio: "–",
      latency: "–",
      rss: fmt(planado.rss),
      errors: String(planado.errors),
      target: "99% within 1,000 ms, 0 errors",
    },
  ];
}

/** 4. Booking through the API, 20 connections, 1,000 bookings; rows written must equal 2xx answers. */
export async function booking(database: DatabaseCoordinates): Promise<Row[]> {
  const count = async () => {
    const conn = await connect(database);
    try {
      const [row] = await conn.query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM conferences WHERE time_zone = 'Pacific/Chatham'");
      return Number(row!.n);
    } finally {
      await conn.end();
    }
  };
  const before = await count();
  const body = JSON.stringify({ name: "Bench", start: "2030-06-01T09:00", timeZone: "Pacific/Chatham", repeat: { every: 1, unit: "week", count: 4 } });
  const result = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => ({
    load: await load({
      url: `${s.url}/api/v1/conferences`,
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      connections: 20,
      seconds: SECONDS,
      amount: 1000,
      expectStatus: 201,
    }),
    rss: s.rssMiB(),
  }));
  const written = (await count()) - before;
  const created = result.load.total - result.load.unexpected;
  return [
    {
      scenario: "4. booking (POST /api/v1/conferences)",
      planado: `${fmt(result.load.requestsPerSecond)} req/s`,
      floor: "–",
      ratio: "–",
      latency: latency(result.load),
      rss: fmt(result.rss),
      errors: `${result.load.errors + result.load.unexpected}; rows ${fmt(written)} = 201s ${fmt(created)}: ${written === created ? "yes" : "NO"}`,
      target: "rows = 2xx, 0 errors",
    },
  ];
}

/** 5. Cleanup: one sweep over 1,000,000 rows, 1% due; and what the per-request trigger costs scenario 1. */
export async function cleanup(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "wait-trigger", new Date(Date.now() + 86_400_000));
  const path = `/i/${id}`;
  const measure = async (env: Record<string, string>) =>
    withServer(startPlanado(await freePort(), planadoEnv(database, env)), (s) =>
      load({ url: `${s.url}${path}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus: 200 }),
    );
  // Runs on this shared machine vary by ±20%: alternate off and on three times and compare medians.
  const offRuns: LoadResult[] = [];
  const onRuns: LoadResult[] = [];
  for (let i = 0; i < 3; i++) {
    offRuns.push(await measure({ CLEANUP_MODE: "off" }));
    onRuns.push(await measure({ CLEANUP_MODE: "request", CLEANUP_INTERVAL_SECONDS: "1" }));
  }
  const median = (runs: LoadResult[]) => [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[1]!;
  const off = median(offRuns);
  const on = median(onRuns);
  const sweepTable = await benchCleanup(database, { sizes: [100_000, 1_000_000], due: 10_000 });
  // The sweep left a table of a million rows; the scenarios after this one want the usual 100,000.
  await seed(database, 100_000, 0, new Date());
  return [
    {
      scenario: "5a. proxy trigger cost (wait page, sweep every 1 s vs off; medians of 3)",
      planado: `${fmt(on.requestsPerSecond)} req/s`,
      floor: `${fmt(off.requestsPerSecond)} req/s (off)`,
      ratio: ratio(on.requestsPerSecond, off.requestsPerSecond),
      latency: latency(on),
      rss: "–",
      errors: String(on.errors + on.unexpected),
      target: "cost < 5%",
    },
    ...sweepTable.map((line) => ({
      scenario: `5b. sweep, ${fmt(line.size)} rows, ${fmt(line.due)} due`,
      planado: `${fmt(line.sweepMs)} ms`,
      floor: "–",
      ratio: "–",
      latency: `empty sweep ${line.emptyMs.toFixed(1)} ms`,
      rss: "–",
      errors: `${line.deleted} deleted, ${line.rolled} moved`,
      target: "< 1 s for 10,000 due, flat in table size",
    })),
  ];
}

/** 6. Weight of the wait page and the booking page beside an empty Next.js page with the same config. */
export async function weight(database: DatabaseCoordinates): Promise<Row[]> {
  const build = spawnSync("node_modules/.bin/next", ["build", "bench/floor-app"], {
    cwd: projectDir,
    env: { ...process.env, NEXT_DIST_DIR: ".next-floor", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building the empty page failed: ${build.stderr}`);
  const id = await addConference(database, "weight", new Date(Date.now() + 86_400_000));
  const [waitPage, bookingPage] = await withServer(startPlanado(await freePort(), planadoEnv(database)), (s) =>
    measureWeight([`${s.url}/i/${id}?n=Team+sync`, `${s.url}/`]),
  );
  const floorPort = await freePort();
  const [empty] = await withServer(
    (async () => {
      const { spawn } = await import("node:child_process");
      const child = spawn("node_modules/.bin/next", ["start", "bench/floor-app", "--port", String(floorPort), "--hostname", "127.0.0.1"], {
        cwd: projectDir,
        detached: true,
        stdio: "ignore",
        env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: ".next-floor" },
      });
      const url = `http://127.0.0.1:${floorPort}`;
      for (let i = 0; i < 100; i++) {
        if (await fetch(url).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      return {
        url,
        rssMiB: () => 0,
        stop: async () => {
          try {
            process.kill(-child.pid!, "SIGTERM");
          } catch {
            // gone
          }
        },
      };
    })(),
    (s) => measureWeight([s.url]),
  );
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const row = (name: string, w: typeof waitPage, target: string): Row => ({
    scenario: name,
    planado: `HTML ${kb(w!.html)}, CSS ${kb(w!.css)}, JS ${kb(w!.js)}; ${w!.requests} requests`,
    floor: `HTML ${kb(empty!.html)}, CSS ${kb(empty!.css)}, JS ${kb(empty!.js)}; ${empty!.requests} requests`,
    ratio: `JS +${kb(w!.js - empty!.js)}`,
    latency: "–",
    rss: "–",
    errors: "–",
    target,
  });
  return [row("6a. weight: wait page", waitPage, "own JS < 5 kB over the floor"), row("6b. weight: booking page", bookingPage, "–")];
}

export const SCENARIOS = { wait: waitPage, redirect, rush, booking, cleanup, weight } as const;

export async function prepare(database: DatabaseCoordinates): Promise<void> {
  await seed(database, 100_000, 0, new Date());
}

export function table(rows: Row[]): string {
  const header = "| scenario | Planado | floor | ratio | p50 / p99 ms | RSS MiB | errors | target |";
  const line = "|---|---|---|---|---|---|---|---|";
  return [header, line, ...rows.map((r) => `| ${[r.scenario, r.planado, r.floor, r.ratio, r.latency, r.rss, r.errors, r.target].join(" | ")} |`)].join("\n");
}
