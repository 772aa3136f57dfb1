/**
 * Planado with several app servers on a real MariaDB Galera cluster (three nodes and haproxy on this
 * machine, see scripts/lib/galera/cluster.ts): what an operator who scales out gets.
 *
 *  - Server A reaches the cluster through haproxy (one writer at a time, fail-over to a backup);
 *    server B is pinned to node 2. Both share PLANADO_SECRET, reuse no invitation look-up
 *    (INVITATION_CACHE_MS=0), have no limits, and sweep every second (CLEANUP_INTERVAL_SECONDS=1), so
 *    the two servers' sweeps, the admins' edits and new bookings meet on different nodes.
 *  - The tests read the rows on every node with `wsrep_sync_wait = 1` (causal reads), so what they
 *    see is what the cluster committed, not what one node happened to have applied so far.
 *
 * Serial: the tests share one cluster (about 30 s to start), the only one a test run starts (the
 * harness's own checks are the first and last tests here); the fourth stops and restarts a node, the
 * last stops everything. Needs mariadb-server, galera-4, rsync and haproxy (the harness names what
 * is missing).
 *
 * The support code is in ./support/, each test's body in ./scenarios/ (a function of the run they share).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "@playwright/test";
import { startGaleraCluster } from "../../scripts/lib/galera/cluster";
import { stopLeftovers } from "../../scripts/lib/galera/leftovers";
import { everyDoorAcrossServers } from "./scenarios/across-servers";
import { replicatesBehindHaproxy, stopsAndLeavesNothing } from "./scenarios/harness";
import { migrationsAppliedOnce } from "./scenarios/migrations-at-once";
import { nodeStopUnderLoad } from "./scenarios/node-stop-under-load";
import { sweepsAndEditsOnDifferentNodes } from "./scenarios/sweeps-and-edits";
import { ClusterRun, log } from "./support/cluster-run";
import { stopPlanado } from "./support/planado-servers";
import { DATABASE } from "./support/shared-settings";

/** The cluster and the two servers the tests share. */
const run = new ClusterRun();

test.describe.configure({ mode: "serial" });

test.describe("Planado on a three-node Galera cluster with two app servers", () => {
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    const started = Date.now();
    try {
      for (const folder of await stopLeftovers()) log(`removed the leftovers of an earlier run in ${folder}`);
      run.workDir = mkdtempSync(join(tmpdir(), "planado-cluster-e2e-"));
      run.cluster = await startGaleraCluster({ nodes: 3, database: DATABASE, log: (line) => log(`galera: ${line}`) });

      // The schema once, through node 1: the other nodes get it by replication.
      const migrated = await run.runMigrate("node1", run.node("node1").coordinates);
      if (migrated.code !== 0) throw new Error(`npm run migrate on node 1 failed (exit ${migrated.code}):\n${migrated.output}`);

      // A through haproxy, B pinned to node 2: the two write to different nodes.
      [run.serverA, run.serverB] = await Promise.all([
        run.startPlanado("A", run.theCluster().haproxy.coordinates),
        run.startPlanado("B", run.node("node2").coordinates),
      ]);
      log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: A ${run.serverA.base} (haproxy), B ${run.serverB.base} (node2); logs in ${run.workDir}`);
    } catch (error) {
      run.anyFailure = true;
      await run.attachLogs(testInfo);
      throw error;
    }
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      run.anyFailure = true;
      await run.attachLogs(testInfo);
    }
  });

  test.afterAll(async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    await Promise.all(run.servers.map(stopPlanado));
    await run.cluster?.stop();
    run.cluster = undefined;
    // The logs stay where a failed run can be looked at later.
    if (run.workDir && !run.anyFailure) rmSync(run.workDir, { recursive: true, force: true });
    else if (run.workDir) log(`logs kept in ${run.workDir}`);
  });

  test("the harness: three nodes replicate a write, served through haproxy from node 1", () => replicatesBehindHaproxy(run));

  test("every door across servers: booked through A, served, changed and deleted through B; a started conference opens the same room on both", () =>
    everyDoorAcrossServers(run));

  test("sweeps on both servers plus concurrent admin edits and bookings against different nodes", () => sweepsAndEditsOnDifferentNodes(run));

  test("stop one node in the middle of a steady booking load", () => nodeStopUnderLoad(run));

  test("starts two servers at the same moment on a fresh cluster: the migrations are applied exactly once", () => migrationsAppliedOnce(run));

  test("the harness: stopping the servers and the cluster leaves no port, process or folder behind", () => stopsAndLeavesNothing(run));
});
