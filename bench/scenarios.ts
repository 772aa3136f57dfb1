/**
 * The benchmark scenarios of `npm run bench`, each against a production build served as `npm start`
 * serves it (server/main.ts), on a real MariaDB seeded with 100,000 conferences; each throughput
 * figure beside a floor measured in the same run (bench/floor-server.mjs).
 */
import type { DatabaseCoordinates } from "../lib/database-url";
import { booking } from "./booking";
import { cleanup } from "./cleanup";
import type { Row } from "./lib/common";
import { seed } from "./lib/seed";
import { rush } from "./rush";
import { soak, soakCurve, soakHeap } from "./soak";
import { memory } from "./memory";
import { startup } from "./startup";
import { invitationApi, redirect, waitPage } from "./throughput";
import { weight } from "./weight";

export const SCENARIOS = { wait: waitPage, redirect, api: invitationApi, rush, booking, cleanup, weight, soak, memory, startup } as const;

export async function prepare(database: DatabaseCoordinates): Promise<void> {
  await seed(database, 100_000, 0, new Date());
}

export function table(rows: Row[]): string {
  const header = "| scenario | Planado | floor | ratio | p50 / p99 ms | RSS MiB | errors | target |";
  const line = "|---|---|---|---|---|---|---|---|";
  return [header, line, ...rows.map((r) => `| ${[r.scenario, r.planado, r.floor, r.ratio, r.latency, r.rss, r.errors, r.target].join(" | ")} |`)].join("\n");
}

/** Anything a scenario measured beyond its row (the soak's memory curve). */
export function details(): string {
  if (!soakCurve.length) return "";
  const lines = soakCurve.map(
    (p) => `| ${p.minute.toFixed(1)} | ${Math.round(p.requests).toLocaleString("en")} | ${p.rss.toFixed(0)} | ${p.anon.toFixed(0)} |`,
  );
  const out = ["Soak, memory of the server over time:", "", "| minute | requests so far | RSS MiB | of it anonymous MiB |", "|---|---|---|---|", ...lines];
  for (const heap of soakHeap) {
    const mib = (n: number) => (n / 2 ** 20).toFixed(1);
    out.push("", `Live heap ${heap.when} (a snapshot, after V8's collection): ${mib(heap.total)} MiB`, "", "| kind | MiB | objects |", "|---|---|---|");
    for (const g of heap.groups) out.push(`| ${g.group} | ${mib(g.bytes)} | ${g.count.toLocaleString("en")} |`);
  }
  return out.join("\n");
}
