/**
 * A throwaway MariaDB Galera cluster on this machine, for integration tests and operator scripts:
 * N mariadbd nodes on 127.0.0.1 (private folders under os.tmpdir(), every port distinct) and
 * Debian's haproxy in TCP mode in front of them, all started and stopped by this code (one node:
 * node.ts, haproxy: haproxy.ts, clusters nobody stopped: leftovers.ts).
 *
 * Needs Linux with mariadb-server (10.11), galera-4, rsync (the state transfer method) and haproxy.
 *
 * Layout of a cluster folder (os.tmpdir()/planado-galera-XXXXXX):
 *   owner.json          the process that runs the cluster (lets stopLeftovers tell live from dead)
 *   haproxy.cfg/.log/.pid
 *   node1/my.cnf, error.log, mysqld.sock, mysqld.pid, data/   and the same for node2, node3 …
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../free-port";
import { GaleraError } from "./galera-error";
import { HEALTH_CHECK_USER, launchHaproxy, waitForHaproxy } from "./haproxy";
import type { GaleraHaproxy } from "./haproxy";
import { claimFolder, forgetAtExit, GALERA_FOLDER_PREFIX, removeAtExit, stopLeftovers } from "./leftovers";
import { Node, waitForClusterSize } from "./node";
import type { ClusterContext, GaleraNode } from "./node";
import { findPrograms, nodeAccount } from "./prerequisites";
import { terminate } from "./processes";
import type { Launched } from "./processes";

type Log = (line: string) => void;

export interface GaleraCluster {
  nodes: GaleraNode[];
  haproxy: GaleraHaproxy;
  folder: string;
  /** Stops haproxy and every node, then removes the folder. */
  stop(): Promise<void>;
}

export interface GaleraOptions {
  /** How many nodes (default 3). */
  nodes?: number;
  /** The database created on the cluster and named in the coordinates (default "planado"). */
  database?: string;
  log?: Log;
  /** How long one node may take to become Synced (default 90 s). */
  timeoutMs?: number;
}

/**
 * `count` distinct free ports below the kernel's ephemeral range (32768+ on Linux): a port in that
 * range could be taken by an outgoing connection before the node it is meant for binds it (a
 * joiner's SST port is bound only while it joins).
 */
async function pickPorts(count: number): Promise<number[]> {
  const picked: number[] = [];
  const first = 20_000 + Math.floor(Math.random() * 10_000);
  for (let port = first; picked.length < count && port < 32_768; port++) {
    if ((await freePort(port)) === port) picked.push(port);
  }
  if (picked.length < count) throw new GaleraError(`Could not find ${count} free ports between ${first} and 32767.`);
  return picked;
}

/** On the bootstrap node, before anyone joins, so that SST copies them to every node. */
async function createAccountsAndDatabase(node: Node, database: string): Promise<void> {
  const conn = await node.adminConnection();
  try {
    // The app's login: root without a password over TCP (mariadb-install-db made it already; keep
    // it explicit). haproxy's health check logs in as a user without password nor privileges.
    await conn.query("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'");
    await conn.query("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
    await conn.query(`CREATE USER IF NOT EXISTS '${HEALTH_CHECK_USER}'@'127.0.0.1'`);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

/**
 * Starts a Galera cluster of `nodes` nodes (default 3) and haproxy in front of it; resolves when
 * every node is Synced, sees all the others, and haproxy lets a SQL login through.
 */
export async function startGaleraCluster(options: GaleraOptions = {}): Promise<GaleraCluster> {
  const count = options.nodes ?? 3;
  if (!Number.isInteger(count) || count < 1) throw new GaleraError(`A Galera cluster needs at least one node (got ${count}).`);
  const database = options.database ?? "planado";
  if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) throw new GaleraError(`Unusable database name "${database}" (letters, digits, _ $ - only, at most 64).`);
  const log = options.log ?? (() => {});
  const programs = findPrograms();
  const account = nodeAccount();
  for (const folder of await stopLeftovers()) log(`Removed the leftovers of an earlier run in ${folder}.`);

  const started = Date.now();
  const folder = mkdtempSync(join(tmpdir(), GALERA_FOLDER_PREFIX));
  chmodSync(folder, 0o711); // the nodes' account must reach its own folder inside
  claimFolder(folder);

  const context: ClusterContext = { programs, account, log, timeoutMs: options.timeoutMs ?? 90_000, nodes: [] };
  let haproxyProcess: Launched | undefined;
  removeAtExit(folder);

  const stop = async (graceMs = 60_000) => {
    if (haproxyProcess) await terminate(haproxyProcess, graceMs);
    // One after the other: a node that leaves while its peers leave too waits for them until
    // evs.suspect_timeout (5 s); alone, it leaves at once.
    for (const node of [...context.nodes].reverse()) await node.stop(graceMs);
    rmSync(folder, { recursive: true, force: true });
    forgetAtExit(folder);
  };

  try {
    const ports = await pickPorts(count * 4 + 1);
    const port = (i: number) => ports[i] as number; // pickPorts returned exactly as many
    context.nodes = Array.from({ length: count }, (_, i) => {
      const name = `node${i + 1}`;
      const nodePorts = { sql: port(4 * i), gmcast: port(4 * i + 1), ist: port(4 * i + 2), sst: port(4 * i + 3) };
      return new Node(name, join(folder, name), nodePorts, { host: "127.0.0.1", port: nodePorts.sql, user: "root", password: "", database }, context);
    });
    const clusterAddress = `gcomm://${context.nodes.map((node) => `127.0.0.1:${node.ports.gmcast}`).join(",")}`;
    for (const node of context.nodes) node.prepare(clusterAddress);

    const [first, ...joiners] = context.nodes as [Node, ...Node[]];
    first.initialise();
    first.launch(true);
    await first.waitUntilSynced();
    await createAccountsAndDatabase(first, database);
    log(`${first.name}: bootstrapped on 127.0.0.1:${first.port} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    // All at once: a donor serves one state transfer at a time, so a second joiner waits for one
    // (Galera retries every second), but their start-ups overlap.
    const joining = Date.now();
    for (const node of joiners) node.launch(false);
    await Promise.all(
      joiners.map(async (node) => {
        await node.waitUntilSynced();
        log(`${node.name}: joined on 127.0.0.1:${node.port} in ${((Date.now() - joining) / 1000).toFixed(1)} s.`);
      }),
    );
    await waitForClusterSize(context.nodes, context.timeoutMs);

    const haproxy = { port: port(4 * count), coordinates: { host: "127.0.0.1", port: port(4 * count), user: "root", password: "", database } };
    haproxyProcess = launchHaproxy(programs.haproxy, folder, haproxy.port, context.nodes);
    await waitForHaproxy(haproxyProcess, haproxy.coordinates, join(folder, "haproxy.log"), 30_000);
    log(`Galera cluster of ${count} ready in ${((Date.now() - started) / 1000).toFixed(1)} s; haproxy on 127.0.0.1:${haproxy.port} (${folder}).`);
    return { nodes: context.nodes, haproxy, folder, stop: () => stop() };
  } catch (error) {
    // The folder goes anyway, so no need to wait long for clean shutdowns (of a joiner, say).
    await stop(5_000).catch(() => {});
    throw error;
  }
}
