/**
 * The run's cluster and app servers: started once by galera.spec.ts's beforeAll, stopped by its
 * afterAll, and handed to each of its tests' scenarios (Playwright shares what hooks set up only
 * within one file, so the scenarios get it as a parameter).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestInfo } from "@playwright/test";
import type { DatabaseCoordinates } from "../../../lib/database-url";
import type { GaleraCluster } from "../../../scripts/lib/galera/cluster";
import type { GaleraNode } from "../../../scripts/lib/galera/node";
import { sql } from "./direct-sql";
import { runMigrate as migrate, startPlanado as startServer, tail } from "./planado-servers";
import type { MigrateRun, PlanadoServer } from "./planado-servers";

export const log = (line: string) => console.log(`[cluster] ${line}`);

// Its functions are arrow functions: a scenario takes them out of the run ({ node, bothServers }).
export class ClusterRun {
  cluster: GaleraCluster | undefined;
  /** Where the servers' logs and data go (kept after a failure). */
  workDir = "";
  readonly servers: PlanadoServer[] = [];
  serverA: PlanadoServer | undefined;
  serverB: PlanadoServer | undefined;
  anyFailure = false;

  constructor() {
    /** Kills our servers if the worker ends without afterAll (the cluster harness does the same for its nodes). */
    process.once("exit", () => {
      for (const server of this.servers) {
        try {
          if (!server.exited) process.kill(-server.process.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }
    });
  }

  theCluster = (): GaleraCluster => {
    if (!this.cluster) throw new Error("The Galera cluster did not start (see the beforeAll hook's error).");
    return this.cluster;
  };

  node = (name: string): GaleraNode => {
    const found = this.theCluster().nodes.find((n) => n.name === name);
    if (!found) throw new Error(`The cluster has no ${name}.`);
    return found;
  };

  bothServers = (): [PlanadoServer, PlanadoServer] => {
    if (!this.serverA || !this.serverB) throw new Error("The Planado servers did not start (see the beforeAll hook's error).");
    return [this.serverA, this.serverB];
  };

  /** The node haproxy sends new connections to now. */
  nodeBehindHaproxy = async (): Promise<string> => {
    const [row] = await sql<{ name: string }[]>(this.theCluster().haproxy.coordinates, "SELECT @@wsrep_node_name AS name");
    return row?.name ?? "";
  };

  /** One of our servers (see startPlanado in ./planado-servers.ts), logging into the run's folder, stopped with the run. */
  startPlanado = (name: string, database: DatabaseCoordinates): Promise<PlanadoServer> => startServer(name, database, this.workDir, this.servers);

  /** `npm run migrate` (see runMigrate in ./planado-servers.ts), with its data in the run's folder. */
  runMigrate = (label: string, database: DatabaseCoordinates, startAt?: number): Promise<MigrateRun> => migrate(label, database, this.workDir, startAt);

  /** Server logs and the cluster's own logs, attached to a failed test (or hook). */
  attachLogs = async (testInfo: TestInfo): Promise<void> => {
    for (const server of this.servers) {
      if (existsSync(server.logFile)) await testInfo.attach(`server ${server.name}.log`, { path: server.logFile, contentType: "text/plain" });
    }
    if (this.cluster && existsSync(this.cluster.folder)) {
      const haproxyLog = join(this.cluster.folder, "haproxy.log");
      if (existsSync(haproxyLog)) await testInfo.attach("haproxy.log", { path: haproxyLog, contentType: "text/plain" });
      for (const n of this.cluster.nodes) {
        await testInfo.attach(`${n.name} error.log (tail)`, { body: tail(join(n.folder, "error.log"), 80), contentType: "text/plain" });
      }
    }
  };
}
