/**
 * One cleanup sweep over a large table, to show that its cost follows the rows due, not the table.
 * For each table size, `due` conferences started 24-48 h ago (half one-off, to delete; half weekly
 * series, to move forward); the rest start within the next year.
 */
import { performance } from "node:perf_hooks";
import { formatDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { freePort } from "../scripts/lib/free-port";
import { fmt, latency, planadoEnv, ratio, SECONDS, WARMUP, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { load } from "./lib/load";
import type { LoadResult } from "./lib/load";
import { startPlanado } from "./lib/processes";
import { addConference, seed } from "./lib/seed";

export interface SweepFigure {
  size: number;
  due: number;
  sweepMs: number;
  emptyMs: number;
  deleted: number;
  rolled: number;
}

export async function benchCleanup(database: DatabaseCoordinates, options: { sizes: number[]; due: number }): Promise<SweepFigure[]> {
  // The sweep runs in this process, against the benchmark database.
  process.env.DATABASE_URL = formatDatabaseUrl(database);
  const { sweep } = await import("../lib/cleanup/run");
  const figures: SweepFigure[] = [];
  for (const size of options.sizes) {
    const now = new Date();
    await seed(database, size, options.due, now);
    await sweep(new Date(now.getTime() - 48 * 3_600_000), 23); // warm-up: nothing due yet
    const t0 = performance.now();
    const result = await sweep(now, 23);
    const t1 = performance.now();
    await sweep(now, 23);
    const t2 = performance.now();
    figures.push({ size, due: options.due, sweepMs: t1 - t0, emptyMs: t2 - t1, deleted: result.deleted, rolled: result.rolled });
  }
  return figures;
}

/** 6. Cleanup: one sweep over large tables, 10,000 due; and what the per-request trigger costs the wait page. */
export async function cleanup(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "wait-trigger", new Date(Date.now() + 86_400_000));
  const measure = async (env: Record<string, string>) =>
    withServer(startPlanado(await freePort(), planadoEnv(database, env)), (s) =>
      load({ url: `${s.url}/i/${id}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus: 200 }),
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
      scenario: "6a. sweep trigger cost (wait page, sweep every 1 s vs off; medians of 3)",
      planado: `${fmt(on.requestsPerSecond)} req/s`,
      floor: `${fmt(off.requestsPerSecond)} req/s (off)`,
      ratio: ratio(on.requestsPerSecond, off.requestsPerSecond),
      latency: latency(on),
      rss: "–",
      errors: String(on.errors + on.unexpected),
      target: "cost < 5%",
    },
    ...sweepTable.map((line) => ({
      scenario: `6b. sweep, ${fmt(line.size)} rows, ${fmt(line.due)} due`,
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
