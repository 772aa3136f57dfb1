/**
 * One node of a Galera cluster: its my.cnf, its system tables, starting it (bootstrap or join) and
 * waiting until it is Synced, stopping it; and waiting until the running nodes see each other.
 */
import { spawnSync } from "node:child_process";
import { chownSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import mariadb from "mariadb";
import type { Connection } from "mariadb";
import type { DatabaseCoordinates } from "../../../lib/database-url";
import { GaleraError, messageOf, tail } from "./galera-error";
import { GALERA_PROVIDER } from "./prerequisites";
import type { Account, Programs } from "./prerequisites";
import { killProcessesUsing, launch, pollUntil, terminate } from "./processes";
import type { Launched } from "./processes";

type Log = (line: string) => void;

export interface GaleraNode {
  /** node1, node2 … (also its wsrep_node_name and its haproxy server name). */
  readonly name: string;
  /** Its SQL port on 127.0.0.1. */
  readonly port: number;
  /** root, no password, over TCP to this node. */
  readonly coordinates: DatabaseCoordinates;
  readonly folder: string;
  readonly running: boolean;
  /** Shuts the node down cleanly (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts a stopped node and waits until it has rejoined (IST or SST) and is Synced. */
  start(): Promise<void>;
}

interface NodePorts {
  sql: number;
  /** Galera group communication. */
  gmcast: number;
  /** Incremental state transfer (the joiner listens). */
  ist: number;
  /** Full state transfer by rsync (the joiner's rsync daemon listens). */
  sst: number;
}

interface WsrepStatus {
  state: string;
  ready: string;
  size: number;
}

export interface ClusterContext {
  programs: Programs;
  account: Account | undefined;
  log: Log;
  timeoutMs: number;
  nodes: Node[];
}

export class Node implements GaleraNode {
  readonly dataDir: string;
  readonly socket: string;
  readonly errorLog: string;
  readonly configFile: string;
  private process: Launched | undefined;

  constructor(
    readonly name: string,
    readonly folder: string,
    readonly ports: NodePorts,
    readonly coordinates: DatabaseCoordinates,
    private readonly context: ClusterContext,
  ) {
    this.dataDir = join(folder, "data");
    this.socket = join(folder, "mysqld.sock");
    this.errorLog = join(folder, "error.log");
    this.configFile = join(folder, "my.cnf");
    // A Unix socket path must fit in 108 bytes.
    if (Buffer.byteLength(this.socket) > 100) throw new GaleraError(`The socket path ${this.socket} is too long; set TMPDIR to a shorter folder.`);
  }

  get port(): number {
    return this.ports.sql;
  }

  get running(): boolean {
    return this.process !== undefined && this.process.ended === undefined;
  }

  /** Writes my.cnf and creates the (empty) data folder, owned by the account the node runs as. */
  prepare(clusterAddress: string): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(this.configFile, this.config(clusterAddress), { mode: 0o644 });
    const account = this.context.account;
    if (account) for (const path of [this.folder, this.dataDir]) chownSync(path, account.uid, account.gid);
  }

  /**
   * Every node reads only its own my.cnf (--defaults-file): the SST scripts are passed that file and
   * would otherwise read /etc/mysql/my.cnf, the machine's own server's settings.
   */
  private config(clusterAddress: string): string {
    const { sql, gmcast, ist, sst } = this.ports;
    const account = this.context.account;
    return `[mysqld]
${account ? `user=${account.name}` : ""}
datadir=${this.dataDir}
socket=${this.socket}
pid-file=${join(this.folder, "mysqld.pid")}
log-error=${this.errorLog}
port=${sql}
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci

# Light: a test machine runs three of these on two cores.
performance_schema=OFF
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
key_buffer_size=8M
aria_pagecache_buffer_size=8M
max_connections=100

# What Galera requires.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2

wsrep_on=ON
wsrep_provider=${GALERA_PROVIDER}
wsrep_cluster_name=planado-galera
wsrep_cluster_address=${clusterAddress}
wsrep_node_name=${this.name}
# All nodes share 127.0.0.1, so each needs its own group, IST and SST port.
wsrep_node_address=127.0.0.1:${gmcast}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${gmcast};ist.recv_addr=127.0.0.1:${ist};gcache.size=32M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:${sst}
`;
  }

  /** The bootstrap node's system tables; joiners get everything from their donor by SST. */
  initialise(): void {
    const { account, programs } = this.context;
    const result = spawnSync(
      programs.installDb,
      [
        `--defaults-file=${this.configFile}`,
        ...(account ? [`--user=${account.name}`] : []),
        "--auth-root-authentication-method=normal", // root without a password, also at 127.0.0.1
        "--skip-test-db",
        "--wsrep-on=OFF", // the bootstrap run of mariadbd must not load Galera
      ],
      { encoding: "utf8" },
    );
    if (result.status !== 0) {
      throw new GaleraError(`mariadb-install-db failed for ${this.name}: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" | ")}`);
    }
  }

  /** Starts mariadbd; `bootstrap` forms a new cluster instead of joining the others. */
  launch(bootstrap: boolean): void {
    const args = [`--defaults-file=${this.configFile}`, ...(bootstrap ? ["--wsrep-new-cluster"] : [])];
    this.process = launch(this.context.programs.mariadbd, args, this.errorLog, this.context.account);
  }

  async status(): Promise<WsrepStatus> {
    const conn = await this.adminConnection();
    try {
      const rows = (await conn.query("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_size')")) as {
        Variable_name: string;
        Value: string;
      }[];
      const value = (name: string) => rows.find((row) => row.Variable_name === name)?.Value ?? "";
      return { state: value("wsrep_local_state_comment"), ready: value("wsrep_ready"), size: Number(value("wsrep_cluster_size")) };
    } finally {
      await conn.end().catch(() => {});
    }
  }

  /** root over the node's Unix socket: works before any TCP account exists. */
  adminConnection(): Promise<Connection> {
    return mariadb.createConnection({ socketPath: this.socket, user: "root", connectTimeout: 2_000 });
  }

  /** Waits until the node answers, is Synced and wsrep_ready; throws with its log's tail if not. */
  async waitUntilSynced(): Promise<void> {
    let last = "not answering yet";
    const synced = await pollUntil(async () => {
      if (!this.running) throw this.failure(`exited (${this.process?.ended ?? "never started"})`);
      try {
        const status = await this.status();
        if (status.state === "Synced" && status.ready === "ON") return true;
        last = `${status.state || "?"}, wsrep_ready=${status.ready || "?"}`;
      } catch (error) {
        last = messageOf(error);
      }
      return false;
    }, this.context.timeoutMs);
    if (!synced) throw this.failure(`is not Synced after ${Math.round(this.context.timeoutMs / 1000)} s (last: ${last})`);
  }

  failure(what: string): GaleraError {
    return new GaleraError(`Galera ${this.name} ${what}. Last lines of ${this.errorLog}:\n${tail(this.errorLog)}`);
  }

  /** `graceMs`: how long to wait for a clean shutdown before killing it. */
  async stop(graceMs = 60_000): Promise<void> {
    if (!this.process) return;
    const wasRunning = this.running;
    const started = Date.now();
    await terminate(this.process, graceMs);
    killProcessesUsing(this.folder); // an SST script or rsync daemon it left behind (killed, or crashed)
    if (wasRunning) this.context.log(`${this.name}: stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  async start(): Promise<void> {
    if (this.running) return;
    const started = Date.now();
    // With no other node up there is nobody to join: this one forms the cluster anew. Galera allows
    // that only for the node that stopped last (safe_to_bootstrap in grastate.dat); the error says so.
    const peers = this.context.nodes.filter((node) => node !== this && node.running);
    this.launch(peers.length === 0);
    await this.waitUntilSynced();
    await waitForClusterSize(this.context.nodes, this.context.timeoutMs);
    this.context.log(`${this.name}: ${peers.length === 0 ? "bootstrapped" : "rejoined"} and Synced in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

/** Waits until every running node sees a cluster of all running nodes. */
export async function waitForClusterSize(nodes: Node[], timeoutMs: number): Promise<void> {
  let running: Node[] = [];
  let sizes: number[] = [];
  const complete = await pollUntil(async () => {
    running = nodes.filter((node) => node.running);
    sizes = await Promise.all(
      running.map((node) =>
        node.status().then(
          (s) => s.size,
          () => -1,
        ),
      ),
    );
    return sizes.every((size) => size === running.length);
  }, timeoutMs);
  if (!complete) {
    const seen = running.map((node, i) => `${node.name}: ${sizes[i] === -1 ? "no answer" : sizes[i]}`).join(", ");
    throw new GaleraError(`The Galera cluster did not reach ${running.length} nodes within ${Math.round(timeoutMs / 1000)} s (${seen}).`);
  }
}
