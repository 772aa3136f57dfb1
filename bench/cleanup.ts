/**
 * One cleanup sweep over a large table, to show that its cost follows the rows due, not the table.
 * For each table size, `due` conferences started 24-48 h ago (half one-off, to delete; half weekly
 * series, to move forward); the rest start within the next year.
 */
import { performance } from "node:perf_hooks";
import { formatDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { seed } from "./lib/seed";

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
  const { sweep } = await import("../lib/conferences/sweep");
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
