/**
 * The soak: mixed traffic for a long while (BENCH_SOAK_SECONDS, default 600) from many client
 * addresses, with the default limits on, sampling the server's memory every 30 s. Memory must level
 * off, not creep: every cache and limiter is bounded, so after the first minutes RSS should stay flat.
 *
 * The mix: wait pages of random conferences among 100,000 with random names, redirects, invitation
 * look-ups in the API, calendar subscriptions, unknown ids (which are slowed and counted), and the
 * home page (rendered by Next). Each request comes on a new connection from one of 65,536 loopback
 * addresses, so rate limits meet many clients.
 */
import { request as httpRequest } from "node:http";
import type { DatabaseCoordinates } from "../lib/database-url";
import { feedSignature } from "../lib/calendar/event";
import { newId } from "../lib/ids";
import { freePort } from "../scripts/lib/free-port";
import { fmt, planadoEnv, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { summariseHeap } from "./lib/heap-summary";
import { startPlanado } from "./lib/processes";
import { addConferences, benchId } from "./lib/seed";

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const SAMPLE_EVERY_MS = 30_000;
const IN_FLIGHT = 24;
const SECRET = "bench-calendar-secret-0123456789abcdef0123456789";

export interface SoakSample {
  minute: number;
  requests: number;
  rss: number;
  anon: number;
}

/** The soak's curve, for bench/README.md (printed after the table). */
export const soakCurve: SoakSample[] = [];

/** With BENCH_HEAP_SNAPSHOT=1: what the server's live heap held at the end. */
export const soakHeap: ({ when: string } & ReturnType<typeof summariseHeap>)[] = [];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

export async function soak(database: DatabaseCoordinates): Promise<Row[]> {
  const open = await addConferences(database, "soak-open", 20, new Date(Date.now() - 60_000));
  const names = Array.from({ length: 1000 }, (_, i) => `Class ${i}`);
  const waiting = () => benchId("i", Math.floor(Math.random() * 100_000));
  const kinds: [weight: number, path: () => string][] = [
    [40, () => `/i/${waiting()}?n=${encodeURIComponent(pick(names))}`],
    [15, () => `/i/${pick(open)}`],
    [20, () => `/api/v1/invitations/${waiting()}`],
    [
      5,
      () => {
        const id = waiting();
        const name = pick(names);
        return `/calendar/feed/${id}.ics?${new URLSearchParams({ n: name, sig: feedSignature(SECRET, id, name) })}`;
      },
    ],
    [10, () => `/i/${newId()}`],
    [10, () => "/"],
  ];
  const total = kinds.reduce((sum, [w]) => sum + w, 0);
  const nextPath = () => {
    let r = Math.random() * total;
    for (const [w, path] of kinds) if ((r -= w) < 0) return path();
    return "/";
  };

  const env = planadoEnv(database, {
    CALENDAR_SECRET: SECRET,
    // The default limits: with this many addresses, few clients ever reach them.
    API_LOOKUP_LIMIT_PER_MINUTE: "",
    LOOKUP_MISS_LIMIT_PER_MINUTE: "",
  });
  return withServer(startPlanado(await freePort(), env), async (s) => {
    const url = new URL(s.url);
    let requests = 0;
    let errors = 0;
    const statuses = new Map<number, number>();
    const ask = () =>
      new Promise<void>((resolve) => {
        const n = Math.floor(Math.random() * 65_536);
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: nextPath(),
            agent: false,
            localAddress: `127.2.${n >> 8}.${n & 255 || 1}`,
            headers: { "accept-encoding": "gzip" },
          },
          (res) => {
            statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
            res.resume();
            res.on("end", () => resolve());
          },
        );
        req.on("error", () => {
          errors++;
          resolve();
        });
        req.end();
      });

    // The live heap before any traffic, to compare with the end's.
    if (process.env.BENCH_HEAP_SNAPSHOT) {
      await fetch(`${s.url}/`);
      const file = await s.heapSnapshot();
      if (file) soakHeap.push({ when: "before the soak", ...summariseHeap(file) });
    }
    const started = Date.now();
    const deadline = started + SOAK_SECONDS * 1000;
    const sample = () => {
      const m = s.memory();
      soakCurve.push({ minute: (Date.now() - started) / 60_000, requests, rss: m.rss, anon: m.anon });
    };
    sample();
    const sampler = setInterval(sample, SAMPLE_EVERY_MS);
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (Date.now() < deadline) {
          await ask();
          requests++;
        }
      }),
    );
    clearInterval(sampler);
    sample();
    const heap = await s.heap();
    if (process.env.BENCH_HEAP_SNAPSHOT) {
      const file = await s.heapSnapshot();
      if (file) soakHeap.push({ when: "at the end", ...summariseHeap(file) });
    }

    // V8 collects in waves, so RSS saws up and down: compare the peaks of the two halves after the
    // first minute (the warm-up), not two single readings.
    const minutes = SOAK_SECONDS / 60;
    const peak = (from: number, to: number) => Math.max(...soakCurve.filter((p) => p.minute >= from && p.minute <= to).map((p) => p.rss));
    const firstPeak = peak(1, (minutes + 1) / 2);
    const secondPeak = peak((minutes + 1) / 2, minutes);
    const end = soakCurve.at(-1)!;
    const unexpected = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    return [
      {
        scenario: `8. soak: ${fmt(minutes)} min of mixed traffic from 65,536 addresses (${fmt(requests)} requests)`,
        planado: `RSS ${fmt(soakCurve[0]!.rss)} at the start; peaks ${fmt(firstPeak)} (first half) and ${fmt(secondPeak)} MiB (second half)`,
        floor: "–",
        ratio: `second half's peak ${secondPeak >= firstPeak ? "+" : ""}${fmt(secondPeak - firstPeak)} MiB`,
        latency: `${fmt(requests / SOAK_SECONDS)} req/s`,
        rss: heap ? `${fmt(end.rss)} (V8 heap ${fmt(heap.used)} of ${fmt(heap.total)})` : fmt(end.rss),
        errors: `${errors + unexpected}; ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}: ${fmt(n)}`)
          .join(", ")}`,
        target: "memory levels off (second half no higher), no 5xx",
      },
    ];
  });
}
