/**
 * galera.spec.ts's last test: two `npm run migrate` begin at the same millisecond through different
 * nodes of a fresh database; each migration must be recorded exactly once.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { migrationsDir } from "../../../scripts/lib/paths";
import { log } from "../support/cluster-run";
import type { ClusterRun } from "../support/cluster-run";
import { sql } from "../support/direct-sql";

export async function migrationsAppliedOnce({ node, runMigrate }: ClusterRun): Promise<void> {
  test.setTimeout(150_000);
  const testInfo = test.info();
  const fresh = "planado_fresh";
  // A DDL statement replicates to every node before it returns (total order isolation).
  await sql(node("node1").coordinates, `CREATE DATABASE \`${fresh}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`, [], { database: false });
  const on = (n: string) => ({ ...node(n).coordinates, database: fresh });

  // Two operators (or two servers' start scripts) migrate at the same moment, through different
  // nodes: both load their code first and begin at the same millisecond, a few seconds from now.
  const startAt = Date.now() + 8_000;
  const runs = await Promise.all([runMigrate("node1", on("node1"), startAt), runMigrate("node2", on("node2"), startAt)]);
  for (const run of runs) {
    log(`migrate through ${run.label}: exit ${run.code} in ${run.ms} ms: ${run.output.replace(/\n/g, " | ")}`);
    await testInfo.attach(`migrate via ${run.label}.txt`, { body: `exit ${run.code}\n${run.output}`, contentType: "text/plain" });
  }

  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  for (const n of ["node1", "node2", "node3"]) {
    const recorded = await sql<{ migration_name: string; finished: number; rolled_back: number }[]>(
      on(n),
      "SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations ORDER BY migration_name",
    ).catch((error: unknown) => [
      { migration_name: `(no _prisma_migrations: ${error instanceof Error ? error.message : String(error)})`, finished: 0, rolled_back: 0 },
    ]);
    const perFolder = folders.map((folder) => {
      const rows = recorded.filter((r) => r.migration_name === folder);
      return { folder, times: rows.length, finished: rows.every((r) => Number(r.finished) === 1 && Number(r.rolled_back) === 0) };
    });
    expect
      .soft(perFolder, `on ${n}: each migration folder recorded exactly once, finished (recorded: ${recorded.map((r) => r.migration_name).join(", ")})`)
      .toEqual(folders.map((folder) => ({ folder, times: 1, finished: true })));
  }
  for (const run of runs) expect.soft(run.code, `npm run migrate through ${run.label} exits 0: ${run.output}`).toBe(0);
}
