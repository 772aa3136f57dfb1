/** What every benchmark scenario shares: its table row, number formats, Planado's settings. */
import type { DatabaseCoordinates } from "../../lib/database-url";
import { formatDatabaseUrl } from "../../lib/database-url";
import type { LoadResult } from "./load";
import type { Served } from "./processes";

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

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
export const JITSI = "https://meet.example.org";

export const fmt = (n: number) => Math.round(n).toLocaleString("en");
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
export const latency = (r: LoadResult) => `${r.p50} / ${r.p99}`;

/** Planado as the benchmarks run it: no limits (one load generator is one client), no sweeps. */
export function planadoEnv(database: DatabaseCoordinates, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: formatDatabaseUrl(database),
    JITSI_URL: JITSI,
    PUBLIC_URL: "",
    CLEANUP_MODE: "off",
    WRITE_LIMIT_PER_HOUR: "0",
    API_LOOKUP_LIMIT_PER_MINUTE: "0",
    LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
    ...extra,
  };
}

export function floorEnv(database: DatabaseCoordinates, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: formatDatabaseUrl(database), JITSI_URL: JITSI, ...extra };
}

export async function withServer<T>(start: Promise<Served>, work: (s: Served) => Promise<T>): Promise<T> {
  const served = await start;
  try {
    return await work(served);
  } finally {
    await served.stop();
  }
}
