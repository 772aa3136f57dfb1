/**
 * A throwaway MariaDB Galera cluster on this machine, for integration tests and operator scripts:
 * N mariadbd nodes on 127.0.0.1 (private folders under os.tmpdir(), every port distinct) and
 * Debian's haproxy in TCP mode in front of them, all started and stopped by this code.
 *
 * Needs Linux with mariadb-server (10.11), galera-4, rsync (the state transfer method) and haproxy.
 *
 * Layout of a cluster folder (os.tmpdir()/planado-galera-XXXXXX):
 *   owner.json          the process that runs the cluster (lets stopLeftovers tell live from dead)
 *   haproxy.cfg/.log/.pid
 *   node1/my.cnf, error.log, mysqld.sock, mysqld.pid, data/   and the same for node2, node3 …
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, closeSync, existsSync, fchownSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mariadb from "mariadb";
import type { Connection } from "mariadb";
import type { DatabaseCoordinates } from "../../../lib/database-url";
import { freePort } from "../database-server";
import { findProgram, isAlive } from "../programs";

export const GALERA_FOLDER_PREFIX = "planado-galera-";
const GALERA_PROVIDER = "/usr/lib/galera/libgalera_smm.so";
const HEALTH_CHECK_USER = "haproxy_check";

type Log = (line: string) => void;

export class GaleraError extends Error {
  override name = "GaleraError";
}

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

export interface GaleraHaproxy {
  port: number;
  /** root, no password, through haproxy. */
  coordinates: DatabaseCoordinates;
}

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

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}


function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return "(no log yet)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

function systemAccount(name: string): Account | undefined {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  return uid && gid ? { name, uid: Number(uid), gid: Number(gid) } : undefined;
}

/**
 * The account the nodes run as: as root, the `mysql` system account (mariadb-server creates it).
 * Not root itself: rsync SST starts an rsync daemon on the joiner, and an rsync daemon started by
 * root switches to `nobody` for the transfer, which then may not write into the data folder
 * ("mkdir … failed: Permission denied", the joiner aborts). Not as root: the nodes run as we do.
 */
function nodeAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const account = systemAccount("mysql");
  if (!account) throw new GaleraError("Running as root, the Galera nodes need the 'mysql' system account (the mariadb-server package creates it).");
  return account;
}

interface Programs {
  mariadbd: string;
  installDb: string;
  haproxy: string;
}

function findPrograms(): Programs {
  const mariadbd = findProgram("mariadbd");
  const installDb = findProgram("mariadb-install-db");
  const haproxy = findProgram("haproxy");
  const missing = [
    !mariadbd || !installDb ? "mariadb-server" : undefined,
    existsSync(GALERA_PROVIDER) ? undefined : "galera-4",
    findProgram("rsync") ? undefined : "rsync",
    haproxy ? undefined : "haproxy",
  ].filter(Boolean);
  if (!mariadbd || !installDb || !haproxy || missing.length > 0) {
    throw new GaleraError(`A Galera cluster needs these Debian packages: ${missing.join(", ")} (apt-get install ${missing.join(" ")}).`);
  }
  return { mariadbd, installDb, haproxy };
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

// ---------------------------------------------------------------------------------------------
// Processes

interface Launched {
  pid: number;
  /** How it ended ("code 1", "SIGKILL"), or undefined while it runs. */
  readonly ended: string | undefined;
}

/** Starts `program` in its own process group with stdout and stderr appended to `logFile`. */
function launch(program: string, args: string[], logFile: string, owner?: Account): Launched {
  const fd = openSync(logFile, "a");
  if (owner) fchownSync(fd, owner.uid, owner.gid); // mariadbd (as `owner`) appends its own lines to it
  // Its own process group: a node, its SST script and rsync daemon can be killed as one, and a
  // Ctrl-C in a terminal reaches us rather than them, so we shut them down in order.
  const child = spawn(program, args, { detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.unref();
  let ended: string | undefined;
  child.once("exit", (code, signal) => (ended = signal ?? `code ${code}`));
  child.once("error", (error) => (ended = error.message));
  if (child.pid === undefined) throw new GaleraError(`Could not start ${program}.`);
  return {
    pid: child.pid,
    get ended() {
      return ended;
    },
  };
}

/** Whether the process ends within `ms`; polls, as the exit of an unref'd child alone does not keep Node running. */
async function endsWithin(launched: Launched, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (launched.ended === undefined && Date.now() < deadline) await sleep(50);
  return launched.ended !== undefined;
}

/**
 * SIGTERM (mariadbd shuts down cleanly, haproxy stops), then SIGKILL to its process group after
 * `graceMs`: a node still waiting for its state transfer may ignore SIGTERM for a minute or more.
 */
async function terminate(launched: Launched, graceMs = 60_000): Promise<void> {
  if (launched.ended !== undefined) return; // its pid (and group id) may belong to another process by now
  tryKill(launched.pid, "SIGTERM");
  if (await endsWithin(launched, graceMs)) return;
  tryKill(-launched.pid, "SIGKILL");
  await endsWithin(launched, 10_000);
}

// ---------------------------------------------------------------------------------------------
// Leftovers: a cluster whose test process died without stopping it

interface Owner {
  pid: number;
  /** The owner's start time (/proc/PID/stat), so that a reused pid does not pass for the owner. */
  started: string | undefined;
}

function processStartTime(pid: number): string | undefined {
  try {
    // Field 22; the command name (field 2) may hold spaces, so count from the closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function belongsToLiveRun(folder: string): boolean {
  let owner: Owner;
  try {
    owner = JSON.parse(readFileSync(join(folder, "owner.json"), "utf8")) as Owner;
  } catch {
    // No owner yet: another process may be creating it this very moment.
    try {
      return Date.now() - statSync(folder).mtimeMs < 60_000;
    } catch {
      return false;
    }
  }
  return isAlive(owner.pid) && processStartTime(owner.pid) === owner.started;
}

/** Processes whose command line names something in `folder`: nodes, SST scripts, rsync, haproxy. */
function processesUsing(folder: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`${folder}/`)) pids.push(pid);
    } catch {
      // Ended meanwhile.
    }
  }
  return pids;
}

function killProcessesUsing(folder: string): void {
  for (const pid of processesUsing(folder)) tryKill(pid, "SIGKILL");
}

/**
 * Kills the processes of clusters left behind by a test process that died (their folder's owner is
 * gone) and removes their folders from os.tmpdir(). Returns the folders it removed.
 */
export async function stopLeftovers(prefix = GALERA_FOLDER_PREFIX): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of readdirSync(tmpdir())) {
    const folder = join(tmpdir(), entry);
    if (!entry.startsWith(prefix) || belongsToLiveRun(folder)) continue;
    // Killed, not shut down: their data goes with the folder anyway.
    const pids = processesUsing(folder);
    for (const pid of pids) tryKill(pid, "SIGKILL");
    const deadline = Date.now() + 5_000;
    while (pids.some(isAlive) && Date.now() < deadline) await sleep(50);
    rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

// The folders of this process's clusters, for the last-ditch cleanup when it exits without stopping them.
const liveClusters = new Set<string>();
let exitHooked = false;

function killLiveClustersNow(): void {
  for (const folder of liveClusters) {
    killProcessesUsing(folder);
    rmSync(folder, { recursive: true, force: true });
  }
  liveClusters.clear();
}

/**
 * On "exit" nothing asynchronous runs any more, so the nodes are killed rather than shut down. A
 * SIGINT/SIGTERM/SIGHUP that nobody else handles would end Node without an "exit" event: then we
 * clean up and raise the signal again. A crash (SIGKILL) is left to stopLeftovers on the next run.
 */
function hookProcessExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on("exit", killLiveClustersNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      if (process.listenerCount(signal) > 1) return; // someone else decides; "exit" still covers us
      killLiveClustersNow();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

// ---------------------------------------------------------------------------------------------
// Nodes

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

interface ClusterContext {
  programs: Programs;
  account: Account | undefined;
  log: Log;
  timeoutMs: number;
  nodes: Node[];
}

class Node implements GaleraNode {
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
      const rows = (await conn.query(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_local_state_comment', 'wsrep_ready', 'wsrep_cluster_size')",
      )) as { Variable_name: string; Value: string }[];
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
    const deadline = Date.now() + this.context.timeoutMs;
    let last = "not answering yet";
    for (;;) {
      if (!this.running) throw this.failure(`exited (${this.process?.ended ?? "never started"})`);
      try {
        const status = await this.status();
        if (status.state === "Synced" && status.ready === "ON") return;
        last = `${status.state || "?"}, wsrep_ready=${status.ready || "?"}`;
      } catch (error) {
        last = messageOf(error);
      }
      if (Date.now() > deadline) throw this.failure(`is not Synced after ${Math.round(this.context.timeoutMs / 1000)} s (last: ${last})`);
      await sleep(250);
    }
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
async function waitForClusterSize(nodes: Node[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = nodes.filter((node) => node.running);
    const sizes = await Promise.all(running.map((node) => node.status().then((s) => s.size, () => -1)));
    if (sizes.every((size) => size === running.length)) return;
    if (Date.now() > deadline) {
      const seen = running.map((node, i) => `${node.name}: ${sizes[i] === -1 ? "no answer" : sizes[i]}`).join(", ");
      throw new GaleraError(`The Galera cluster did not reach ${running.length} nodes within ${Math.round(timeoutMs / 1000)} s (${seen}).`);
    }
    await sleep(250);
  }
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

// ---------------------------------------------------------------------------------------------
// haproxy

/**
 * One writer at a time: the first node takes every connection and the others are `backup`s, used
 * (the first one up, not all of them) only while it is down. Writing to several Galera nodes at once
 * works, but concurrent writes to the same rows on different nodes fail at commit with deadlock
 * errors (certification conflicts), which an app written for one MariaDB does not expect.
 * When node1 is back (rise 2), new connections go to it again.
 *
 * mysql-check logs in as haproxy_check and quits: it notices a node that is down or refuses logins
 * every 500 ms (down after 2 failures, so within ~1 s), not one that is up but not Synced (joining
 * or donor); that needs an HTTP clustercheck script, which this harness does not run.
 */
function haproxyConfig(port: number, nodes: Node[], folder: string): string {
  const servers = nodes.map((node, i) => `    server ${node.name} 127.0.0.1:${node.port}${i === 0 ? "" : " backup"}`).join("\n");
  return `global
    maxconn 256
    # In the foreground (-db), warnings such as "Server galera/node1 is DOWN" go to haproxy.log.
    stats socket ${join(folder, "haproxy.sock")} mode 600 level admin

defaults
    mode tcp
    timeout connect 2s
    # Idle pooled connections of the app must survive between tests.
    timeout client 1h
    timeout server 1h
    timeout check 1s
    # Until the check marks a dead node down (~1 s) new connections to it fail: the client retries.
    # Once it is down, a connection in its retries goes to the next server.
    retries 2
    option redispatch

listen galera
    bind 127.0.0.1:${port}
    # One writer: the first node takes every connection, a backup only while it is down.
    balance first
    option mysql-check user ${HEALTH_CHECK_USER} post-41
    # Cut the sessions of a node marked down, so clients reconnect (to the next node) at once.
    # …and when node1 is back, cut the backup's sessions: one writer again, every connection on it.
    default-server check inter 500 fall 2 rise 2 on-marked-down shutdown-sessions on-marked-up shutdown-backup-sessions
${servers}
`;
}

async function waitForHaproxy(haproxy: Launched, coordinates: DatabaseCoordinates, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    if (haproxy.ended !== undefined) throw new GaleraError(`haproxy exited (${haproxy.ended}):\n${tail(logFile)}`);
    try {
      const conn = await mariadb.createConnection({ host: coordinates.host, port: coordinates.port, user: coordinates.user, connectTimeout: 2_000 });
      await conn.query("SELECT 1");
      await conn.end();
      return;
    } catch (error) {
      last = messageOf(error);
    }
    if (Date.now() > deadline) throw new GaleraError(`No SQL login through haproxy on port ${coordinates.port} (${last}):\n${tail(logFile)}`);
    await sleep(200);
  }
}

/** Starts haproxy from a config in the cluster folder; wait for it with waitForHaproxy. */
function launchHaproxy(program: string, folder: string, port: number, nodes: Node[]): Launched {
  const configFile = join(folder, "haproxy.cfg");
  writeFileSync(configFile, haproxyConfig(port, nodes, folder));
  const check = spawnSync(program, ["-c", "-q", "-f", configFile], { encoding: "utf8" });
  if (check.status !== 0) throw new GaleraError(`haproxy rejects ${configFile}: ${(check.stderr || check.stdout).trim()}`);
  // -db: in the foreground, one process, which SIGTERM stops.
  return launch(program, ["-db", "-f", configFile, "-p", join(folder, "haproxy.pid")], join(folder, "haproxy.log"));
}

// ---------------------------------------------------------------------------------------------
// The cluster

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
  writeFileSync(join(folder, "owner.json"), JSON.stringify({ pid: process.pid, started: processStartTime(process.pid) } satisfies Owner));

  const context: ClusterContext = { programs, account, log, timeoutMs: options.timeoutMs ?? 90_000, nodes: [] };
  let haproxyProcess: Launched | undefined;
  hookProcessExit();
  liveClusters.add(folder);

  const stop = async (graceMs = 60_000) => {
    if (haproxyProcess) await terminate(haproxyProcess, graceMs);
    // One after the other: a node that leaves while its peers leave too waits for them until
    // evs.suspect_timeout (5 s); alone, it leaves at once.
    for (const node of [...context.nodes].reverse()) await node.stop(graceMs);
    rmSync(folder, { recursive: true, force: true });
    liveClusters.delete(folder);
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
