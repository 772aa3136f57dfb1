/**
 * Benchmark: one cleanup sweep over a large table, to show that its cost follows the rows due, not the
 * table. For each table size, 10,000 conferences are due (half one-off, half weekly series with
 * meetings to come); the rest start within the next year. Prints a Markdown table.
 *   npm run bench -- cleanup [--sizes 100000,1000000] [--due 10000]
 */
import { performance } from "node:perf_hooks";
import { formatDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { connect } from "../scripts/lib/database-server";
import type { ThrowawayDatabase } from "../scripts/lib/throwaway-database";

const INSERT_BATCH = 5_000;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(25, "0")}`;
}

function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

async function fill(c: DatabaseCoordinates, size: number, due: number, now: Date) {
  const conn = await connect(c);
  try {
    await conn.query("TRUNCATE TABLE conferences");
    for (let start = 0; start < size; start += INSERT_BATCH) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(size, start + INSERT_BATCH); i++) {
        // Due rows started 24 to 48 hours ago; the others start within the next year.
        const offsetMs = i < due ? -(24 + (i % 24)) * 3_600_000 : ((i * 7919) % (365 * 24)) * 3_600_000 + 3_600_000;
        const at = sqlTime(new Date(now.getTime() + offsetMs));
        const recurring = i % 2 === 1;
        rows.push(
          `('${id("i", i)}','${id("a", i)}','${id("r", i)}','${at}','${at}','UTC',60,${recurring ? "1,'week',3" : "NULL,NULL,0"},1)`,
        );
      }
      await conn.query(
        `INSERT INTO conferences (invitation_id, admin_id, room_id, starts_at, local_start, time_zone, duration_minutes, repeat_every, repeat_unit, remaining_occurrences, revision) VALUES ${rows.join(",")}`,
      );
    }
    await conn.query("ANALYZE TABLE conferences");
  } finally {
    await conn.end();
  }
}

export async function benchCleanup(database: ThrowawayDatabase): Promise<string> {
  const sizes = argument("sizes", "100000,1000000").split(",").map(Number);
  const due = Number(argument("due", "10000"));
  process.env.DATABASE_URL = formatDatabaseUrl(database.coordinates);
  const { sweep } = await import("../lib/conferences/sweep");
  const { db } = await import("../lib/db");
  const now = new Date();
  const lines = ["| rows in table | rows due | sweep (ms) | deleted | moved | empty sweep after (ms) |", "|---:|---:|---:|---:|---:|---:|"];
  for (const size of sizes) {
    process.stdout.write(`filling ${size.toLocaleString("en")} rows … `);
    const filled = performance.now();
    await fill(database.coordinates, size, due, now);
    console.log(`${((performance.now() - filled) / 1000).toFixed(1)} s`);
    await sweep(new Date(now.getTime() - 3_600_000 * 48), 23); // warm-up: nothing due yet
    const t0 = performance.now();
    const result = await sweep(now, 23);
    const t1 = performance.now();
    await sweep(now, 23);
    const t2 = performance.now();
    lines.push(`| ${size.toLocaleString("en")} | ${due.toLocaleString("en")} | ${(t1 - t0).toFixed(0)} | ${result.deleted} | ${result.rolled} | ${(t2 - t1).toFixed(1)} |`);
  }
  await db().$disconnect();
  return lines.join("\n");
}
