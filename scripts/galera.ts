/**
 * `npm run galera`: a three-node MariaDB Galera cluster with haproxy in front, on loopback ports with
 * private data folders, for trying Planado on a cluster by hand (the tests start their own, see
 * e2e/cluster/). Prints the DATABASE_URLs; Ctrl-C stops everything and removes the folder.
 *   npm run galera             three nodes
 *   npm run galera -- 5        five
 */
import { formatDatabaseUrl } from "../lib/database-url";
import { exitWith, log } from "./lib/cli";
import { startGaleraCluster } from "./lib/galera/cluster";

async function main() {
  const nodes = Number(process.argv[2] ?? 3);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 9) throw new Error("Give the number of nodes, from 1 to 9.");
  const cluster = await startGaleraCluster({ nodes, log });
  for (const node of cluster.nodes) log(`${node.name}: DATABASE_URL=${formatDatabaseUrl(node.coordinates)}`);
  log(`through haproxy: DATABASE_URL=${formatDatabaseUrl(cluster.haproxy.coordinates)}`);
  log("Ctrl-C stops the cluster and removes its folder.");
  await new Promise<void>((stopped) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => stopped());
  });
  await cluster.stop();
  log("Stopped.");
}

main().catch(exitWith);
