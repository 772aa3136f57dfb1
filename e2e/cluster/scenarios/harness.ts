/**
 * galera.spec.ts's first and last tests: the harness itself (scripts/lib/galera/cluster.ts). Three
 * nodes that replicate, haproxy in front with node 1 active; at the end, stopping it leaves no port,
 * process or folder behind. (Fail-over and a node rejoining are checked under load, in
 * ./node-stop-under-load.ts: one cluster serves every test of the run.)
 */
import { existsSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { expect } from "@playwright/test";
import { processesUsing } from "../../../scripts/lib/galera/processes";
import type { ClusterRun } from "../support/cluster-run";
import { clusterSize, sql } from "../support/direct-sql";
import { stopPlanado } from "../support/planado-servers";

/** A database of its own, beside the app's. */
const CHECK = "galera_check";

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = tcpConnect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      done(false);
    });
    socket.once("error", () => done(true));
  });
}

export async function replicatesBehindHaproxy({ theCluster, node, nodeBehindHaproxy }: ClusterRun): Promise<void> {
  const { nodes, haproxy } = theCluster();
  expect(nodes.map((n) => n.name)).toEqual(["node1", "node2", "node3"]);
  expect(new Set([...nodes.map((n) => n.port), haproxy.port]).size).toBe(4);

  const node1 = node("node1").coordinates;
  await sql(node1, `CREATE DATABASE \`${CHECK}\``, [], { database: false });
  const on = (coordinates: typeof node1) => ({ ...coordinates, database: CHECK });
  await sql(on(node1), "CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50) NOT NULL)");
  await sql(on(node1), "INSERT INTO notes (note) VALUES (?)", ["written on node1"]);
  const notes = async (coordinates: typeof node1) => (await sql<{ note: string }[]>(on(coordinates), "SELECT note FROM notes ORDER BY id")).map((r) => r.note);

  for (const n of nodes) {
    expect(await clusterSize(n), `the cluster size ${n.name} sees`).toBe(3);
    expect(await notes(n.coordinates), `the rows on ${n.name}`).toEqual(["written on node1"]);
  }
  expect(await notes(haproxy.coordinates), "the rows through haproxy").toEqual(["written on node1"]);
  expect(await nodeBehindHaproxy(), "haproxy's one active server (the others are backups)").toBe("node1");
  await sql(node1, `DROP DATABASE \`${CHECK}\``, [], { database: false });
}

export async function stopsAndLeavesNothing(run: ClusterRun): Promise<void> {
  const { nodes, haproxy, folder } = run.theCluster();
  expect(existsSync(folder)).toBe(true);
  await Promise.all(run.servers.map(stopPlanado));
  await run.theCluster().stop();
  run.cluster = undefined;

  for (const port of [...nodes.map((n) => n.port), haproxy.port]) expect(await portIsClosed(port), `port ${port} is closed`).toBe(true);
  expect(nodes.every((n) => !n.running)).toBe(true);
  expect(existsSync(folder)).toBe(false);
  expect(processesUsing(folder)).toEqual([]);
}
