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
 * Serial: the tests share one cluster (about 30 s to start) and the third one stops and restarts a node.
 * Needs mariadb-server, galera-4, rsync and haproxy (the harness names what is missing).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import type { TestInfo } from "@playwright/test";
import type { ConferenceResource } from "../../lib/api/resources";
import { formatDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { CONFIG_VARIABLES } from "../../lib/env";
import { deriveKeys, hashId, invitationIdFor, roomIdFor } from "../../lib/keys/derive";
import { connect } from "../../scripts/lib/database-server";
import { freePort } from "../../scripts/lib/free-port";
import { startGaleraCluster } from "../../scripts/lib/galera/cluster";
import type { GaleraCluster } from "../../scripts/lib/galera/cluster";
import { stopLeftovers } from "../../scripts/lib/galera/leftovers";
import type { GaleraNode } from "../../scripts/lib/galera/node";
import { migrationsDir, projectDir } from "../../scripts/lib/paths";

// ---------------------------------------------------------------------------------------------
// Settings shared by both servers

/** Both servers' secret: the tests derive the rooms and room hashes the database holds with it. */
const CLUSTER_SECRET = "cluster-e2e-planado-secret-0123456789abcdef01234";
const keys = deriveKeys(CLUSTER_SECRET);
/** Nothing listens there: a redirect to the room is only read, never followed. */
const JITSI_STUB = "http://127.0.0.1:9";
const DATABASE = "planado";
/** As the servers are configured: a conference is over this long after its start. */
const CLEANUP_AFTER_HOURS = 23;
const PROBLEM_JSON = "application/problem+json";

const log = (line: string) => console.log(`[cluster] ${line}`);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A date some days ahead, as `start` wants it (YYYY-MM-DD). */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** How the tables hold a hash, as HEX() prints it: for matching rows to the ids the API handed out. */
const hexHash = (id: string) => Buffer.from(hashId(id)).toString("hex").toUpperCase();

/** A UTC instant as the DATETIME columns take it (the driver's own Date conversion uses the local zone). */
const sqlDateTime = (instant: Date) => instant.toISOString().slice(0, 19).replace("T", " ");

/** Anything in a body that only a crash would put there: stack frames, driver or ORM internals. */
const INTERNALS = /\n\s+at |\.tsx?:\d+|Prisma|mariadb|ECONNREFUSED|ECONNRESET|SQLState|sqlMessage/i;

// ---------------------------------------------------------------------------------------------
// HTTP

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed, when it is JSON. */
  json: unknown;
  startedAt: number;
  endedAt: number;
}

/** One request to a Planado server; `redirect: "manual"` to read a redirect instead of following it. */
async function request(
  base: string,
  method: string,
  path: string,
  options: { json?: unknown; headers?: Record<string, string>; redirect?: RequestRedirect } = {},
): Promise<Reply> {
  const startedAt = Date.now();
  const response = await fetch(`${base}${path}`, {
    method,
    redirect: options.redirect ?? "follow",
    headers: {
      "Accept-Language": "en",
      ...(options.json === undefined ? {} : { "Content-Type": "application/json" }),
      ...options.headers,
    },
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  let json: unknown;
  if (/json/.test(response.headers.get("content-type") ?? "")) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, text, json, startedAt, endedAt: Date.now() };
}

/** The path and query of a link one server handed out (http or webcal://), to ask another server with. */
function pathOf(link: string): string {
  const url = new URL(link.replace(/^webcal:/, "http:"));
  return `${url.pathname}${url.search}`;
}

interface BookingRequest {
  name: string;
  start: string;
  timeZone: string;
  durationMinutes: number;
  repeat?: { every: number; unit: "day" | "week" | "month" | "year"; count: number };
}

// ---------------------------------------------------------------------------------------------
// Direct SQL against one node (or haproxy)

/** Runs one statement on a fresh connection, reading what the whole cluster committed (causal reads). */
async function sql<T>(where: DatabaseCoordinates, statement: string, values: unknown[] = [], options: { database?: boolean } = {}): Promise<T> {
  const conn = await connect(where, { database: options.database });
  try {
    await conn.query("SET SESSION wsrep_sync_wait = 1");
    return (await conn.query(statement, values)) as T;
  } finally {
    await conn.end().catch(() => {});
  }
}

/** A write that a Galera node may refuse once as a certification conflict (1213): tried again. */
async function sqlWrite(where: DatabaseCoordinates, statement: string, values: unknown[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql(where, statement, values);
      return;
    } catch (error) {
      if (attempt >= 5 || (error as { errno?: number }).errno !== 1213) throw error;
      await sleep(20 * attempt);
    }
  }
}

interface StoredRow {
  startsAt: string;
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  remaining: number;
  revision: number;
  roomGeneration: number;
  roomHash: string;
  invitationHash: Buffer;
}

/** Every conference on one node, by its admin hash (HEX). */
async function conferencesOn(node: GaleraNode): Promise<Map<string, StoredRow>> {
  const rows = await sql<Record<string, unknown>[]>(
    node.coordinates,
    `SELECT HEX(admin_hash) AS admin, invitation_hash, DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%sZ') AS starts_at,
            DATE_FORMAT(local_start, '%Y-%m-%dT%H:%i') AS local_start, time_zone, duration_minutes,
            remaining_occurrences, revision, room_generation, HEX(room_hash) AS room
       FROM conferences`,
  );
  return new Map(
    rows.map((row) => [
      String(row.admin),
      {
        startsAt: String(row.starts_at),
        localStart: String(row.local_start),
        timeZone: String(row.time_zone),
        durationMinutes: Number(row.duration_minutes),
        remaining: Number(row.remaining_occurrences),
        revision: Number(row.revision),
        roomGeneration: Number(row.room_generation),
        roomHash: String(row.room),
        invitationHash: row.invitation_hash as Buffer,
      },
    ]),
  );
}

/** The node haproxy sends new connections to now. */
async function nodeBehindHaproxy(): Promise<string> {
  const [row] = await sql<{ name: string }[]>(theCluster().haproxy.coordinates, "SELECT @@wsrep_node_name AS name");
  return row?.name ?? "";
}

// ---------------------------------------------------------------------------------------------
// Planado's processes

interface PlanadoServer {
  name: string;
  base: string;
  logFile: string;
  process: ChildProcess;
  /** How it ended, once it has. */
  exited?: string;
}

/** The environment of Planado's programs: ours alone, none of the caller's Planado settings. */
function planadoEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...CONFIG_VARIABLES, "API_CREATE_LIMIT_PER_HOUR", "NODE_OPTIONS"]) delete env[name];
  return { ...env, PLANADO_SECRET: CLUSTER_SECRET, PLANADO_DATA_DIR: join(workDir, "data"), ...settings };
}

function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no output)";
}

/** Starts our server (as playwright.config.ts starts the others) and waits until /api/health says ok. */
async function startPlanado(name: string, database: DatabaseCoordinates): Promise<PlanadoServer> {
  const port = await freePort();
  const logFile = join(workDir, `server-${name}.log`);
  const output = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectDir,
    // Its own process group: stopping it stops Next's workers too.
    detached: true,
    stdio: ["ignore", output, output],
    env: planadoEnvironment({
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      DATABASE_URL: formatDatabaseUrl(database),
      JITSI_URL: JITSI_STUB,
      DEFAULT_TIME_ZONE: "Europe/Berlin",
      // Both sweep whenever a request comes and a second has passed since their last sweep.
      CLEANUP_MODE: "request",
      CLEANUP_INTERVAL_SECONDS: "1",
      CLEANUP_AFTER_HOURS: String(CLEANUP_AFTER_HOURS),
      // Every request of the tests comes from loopback: no limits.
      WRITE_LIMIT_PER_HOUR: "0",
      API_LOOKUP_LIMIT_PER_MINUTE: "0",
      LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
      // A change made through the other server (or behind both, in SQL) is seen at once.
      INVITATION_CACHE_MS: "0",
    }),
  });
  closeSync(output);
  const server: PlanadoServer = { name, base: `http://127.0.0.1:${port}`, logFile, process: child };
  child.once("exit", (code, signal) => (server.exited = signal ?? `code ${code}`));
  servers.push(server);

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exited) throw new Error(`Planado server ${name} exited (${server.exited}) while starting:\n${tail(logFile)}`);
    const health = await request(server.base, "GET", "/api/health").catch(() => undefined);
    if (health?.status === 200) return server;
    if (Date.now() > deadline) throw new Error(`Planado server ${name} did not answer /api/health with 200 within 90 s:\n${tail(logFile)}`);
    await sleep(250);
  }
}

async function stopPlanado(server: PlanadoServer): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-server.process.pid!, name);
    } catch {
      // already gone
    }
  };
  if (server.exited) return;
  signal("SIGTERM");
  const deadline = Date.now() + 10_000;
  while (!server.exited && Date.now() < deadline) await sleep(100);
  if (!server.exited) signal("SIGKILL");
}

interface MigrateRun {
  label: string;
  code: number | null;
  output: string;
  ms: number;
}

/**
 * `npm run migrate` as an operator runs it: the database DATABASE_URL names. With `startAt` (ms since
 * the epoch) it loads its code first and begins at that moment (see ./start-together.ts).
 */
function runMigrate(label: string, database: DatabaseCoordinates, startAt?: number): Promise<MigrateRun> {
  const started = Date.now();
  const together = startAt === undefined ? [] : ["--import", "./e2e/cluster/start-together.ts"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...together, "scripts/migrate.ts"], {
      cwd: projectDir,
      env: planadoEnvironment({ DATABASE_URL: formatDatabaseUrl(database), ...(startAt === undefined ? {} : { PLANADO_E2E_START_AT: String(startAt) }) }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ label, code, output: output.trim(), ms: Date.now() - started });
    });
  });
}

/** The log lines a server wrote since `offset` (bytes). */
function logSince(server: PlanadoServer, offset: number): string[] {
  return readFileSync(server.logFile).subarray(offset).toString("utf8").split("\n");
}

const logSize = (server: PlanadoServer) => statSync(server.logFile).size;

/** What GET /api/health says about writes the server ran again after a deadlock (see lib/write-retry.ts). */
async function retriedWrites(server: PlanadoServer): Promise<unknown> {
  const health = await request(server.base, "GET", "/api/health");
  return (health.json as { retriedWrites?: unknown } | undefined)?.retriedWrites;
}

/** Runs `work` on every item, at most `limit` at a time, in order of the items. */
async function eachLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// The run's cluster and servers

let cluster: GaleraCluster | undefined;
let workDir = "";
const servers: PlanadoServer[] = [];
let serverA: PlanadoServer | undefined;
let serverB: PlanadoServer | undefined;
let anyFailure = false;

function theCluster(): GaleraCluster {
  if (!cluster) throw new Error("The Galera cluster did not start (see the beforeAll hook's error).");
  return cluster;
}

function node(name: string): GaleraNode {
  const found = theCluster().nodes.find((n) => n.name === name);
  if (!found) throw new Error(`The cluster has no ${name}.`);
  return found;
}

function bothServers(): [PlanadoServer, PlanadoServer] {
  if (!serverA || !serverB) throw new Error("The Planado servers did not start (see the beforeAll hook's error).");
  return [serverA, serverB];
}

/** Server logs and the cluster's own logs, attached to a failed test (or hook). */
async function attachLogs(testInfo: TestInfo): Promise<void> {
  for (const server of servers) {
    if (existsSync(server.logFile)) await testInfo.attach(`server ${server.name}.log`, { path: server.logFile, contentType: "text/plain" });
  }
  if (cluster && existsSync(cluster.folder)) {
    const haproxyLog = join(cluster.folder, "haproxy.log");
    if (existsSync(haproxyLog)) await testInfo.attach("haproxy.log", { path: haproxyLog, contentType: "text/plain" });
    for (const n of cluster.nodes) {
      await testInfo.attach(`${n.name} error.log (tail)`, { body: tail(join(n.folder, "error.log"), 80), contentType: "text/plain" });
    }
  }
}

/** Kills our servers if the worker ends without afterAll (the cluster harness does the same for its nodes). */
process.once("exit", () => {
  for (const server of servers) {
    try {
      if (!server.exited) process.kill(-server.process.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

test.describe.configure({ mode: "serial" });

test.describe("Planado on a three-node Galera cluster with two app servers", () => {
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(240_000);
    const started = Date.now();
    try {
      for (const folder of await stopLeftovers()) log(`removed the leftovers of an earlier run in ${folder}`);
      workDir = mkdtempSync(join(tmpdir(), "planado-cluster-e2e-"));
      cluster = await startGaleraCluster({ nodes: 3, database: DATABASE, log: (line) => log(`galera: ${line}`) });

      // The schema once, through node 1: the other nodes get it by replication.
      const migrated = await runMigrate("node1", node("node1").coordinates);
      if (migrated.code !== 0) throw new Error(`npm run migrate on node 1 failed (exit ${migrated.code}):\n${migrated.output}`);

      // A through haproxy, B pinned to node 2: the two write to different nodes.
      [serverA, serverB] = await Promise.all([startPlanado("A", theCluster().haproxy.coordinates), startPlanado("B", node("node2").coordinates)]);
      log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: A ${serverA.base} (haproxy), B ${serverB.base} (node2); logs in ${workDir}`);
    } catch (error) {
      anyFailure = true;
      await attachLogs(testInfo);
      throw error;
    }
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) {
      anyFailure = true;
      await attachLogs(testInfo);
    }
  });

  test.afterAll(async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    await Promise.all(servers.map(stopPlanado));
    await cluster?.stop();
    cluster = undefined;
    // The logs stay where a failed run can be looked at later.
    if (workDir && !anyFailure) rmSync(workDir, { recursive: true, force: true });
    else if (workDir) log(`logs kept in ${workDir}`);
  });

  test("every door across servers: booked through A, served, changed and deleted through B; a started conference opens the same room on both", async () => {
    test.setTimeout(60_000);
    const [a, b] = bothServers();
    const name = "Cluster sync";
    const booked = await request(a.base, "POST", "/api/v1/conferences", {
      json: { name, start: `${daysAhead(5)}T10:00`, timeZone: "Europe/Berlin", durationMinutes: 45, repeat: { every: 1, unit: "week", count: 3 } } satisfies BookingRequest,
    });
    expect(booked.status, `booking through A: ${booked.text}`).toBe(201);
    const conference = booked.json as ConferenceResource;
    // The servers derive ids from the shared secret, as the tests do.
    expect(conference.invitationId, "the invitation id A handed out is the one derived from the shared secret").toBe(invitationIdFor(keys, conference.adminId));

    // Participants through B, right after the booking through A: no waiting for replication.
    const waitPage = await request(b.base, "GET", pathOf(conference.links.invitation));
    expect.soft(waitPage.status, "B's wait page for a conference booked through A a moment ago").toBe(200);
    expect.soft(waitPage.text, "B's wait page shows the signed name").toContain(name);
    expect.soft(waitPage.text).toContain("Please wait");
    const status = await request(b.base, "GET", `/api/v1/invitations/${conference.invitationId}`);
    expect.soft(status.status, `B's invitation status: ${status.text}`).toBe(200);
    expect.soft(status.json).toEqual({ status: "waiting", startsAt: conference.startsAt, secondsToStart: expect.any(Number) });

    // The organizer changes it through B (If-Match: the revision A answered) and reads it back through A.
    const self = `/api/v1/conferences/${conference.adminId}`;
    const newStart = `${daysAhead(6)}T11:30`;
    const patched = await request(b.base, "PATCH", self, { headers: { "If-Match": `"r${conference.revision}"` }, json: { start: newStart, durationMinutes: 30 } });
    expect(patched.status, `PATCH via B right after booking via A: ${patched.text}`).toBe(200);
    expect(patched.headers.get("etag")).toBe(`"r${conference.revision + 1}"`);
    const readBack = await request(a.base, "GET", self);
    expect(readBack.status, `GET via A after the PATCH via B: ${readBack.text}`).toBe(200);
    expect(readBack.json, "A sees B's change at once").toMatchObject({ start: newStart, durationMinutes: 30, revision: conference.revision + 1 });

    // Calendar links are signed with a key derived from the shared secret: A's links work on B.
    const file = await request(b.base, "GET", pathOf(conference.links.calendar));
    expect.soft(file.status, `A's calendar file link, downloaded from B: ${file.text.slice(0, 300)}`).toBe(200);
    expect.soft(file.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect.soft(file.text).toContain("BEGIN:VEVENT");
    const feed = await request(b.base, "GET", pathOf(conference.links.subscription));
    expect.soft(feed.status, `A's subscription feed, read from B: ${feed.text.slice(0, 300)}`).toBe(200);
    expect.soft(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect.soft(feed.text, "the feed follows the change").toContain(`DTSTART;TZID=Europe/Berlin:${newStart.replace(/[-:]/g, "")}00`);

    // Deleted through B: gone through A, for the organizer and for participants.
    const deleted = await request(b.base, "DELETE", self);
    expect(deleted.status, `DELETE via B: ${deleted.text}`).toBe(204);
    const gone = await request(a.base, "GET", self);
    expect(gone.status, `GET via A after the DELETE via B: ${gone.text}`).toBe(404);
    expect(gone.headers.get("content-type")).toBe(PROBLEM_JSON);
    expect(gone.json).toMatchObject({ type: "urn:planado:problem:not-found" });
    expect.soft((await request(a.base, "GET", pathOf(conference.links.invitation))).status, "A's invitation page after the DELETE via B").toBe(404);
    expect.soft((await request(a.base, "GET", `/api/v1/invitations/${conference.invitationId}`)).status, "A's invitation status after the DELETE via B").toBe(404);
    expect.soft((await request(a.base, "GET", pathOf(conference.links.subscription))).text, "the feed of a deleted conference is empty").not.toContain("BEGIN:VEVENT");

    // A conference that has started (moved into the past in SQL on node 3, behind both servers' backs)
    // sends participants to one room, whichever server they reach.
    const started = await request(a.base, "POST", "/api/v1/conferences", { json: { name: "Started", start: `${daysAhead(2)}T09:00`, timeZone: "UTC", durationMinutes: 60 } });
    expect(started.status, started.text).toBe(201);
    const { adminId, invitationId } = started.json as ConferenceResource;
    await sqlWrite(node("node3").coordinates, "UPDATE conferences SET starts_at = UTC_TIMESTAMP() - INTERVAL 60 SECOND WHERE admin_hash = ?", [Buffer.from(hashId(adminId))]);
    const [row] = await sql<{ invitation_hash: Buffer; room_generation: number }[]>(node("node3").coordinates, "SELECT invitation_hash, room_generation FROM conferences WHERE admin_hash = ?", [
      Buffer.from(hashId(adminId)),
    ]);
    const room = `${JITSI_STUB}/${roomIdFor(keys, row!.invitation_hash, Number(row!.room_generation))}`;
    // The SQL change is not an acknowledged write of the app: allow node 1 and 2 a moment to apply it.
    const roomOn = async (server: PlanadoServer) => {
      const visit = await request(server.base, "GET", `/i/${invitationId}`, { redirect: "manual" });
      return visit.status >= 300 && visit.status < 400 ? visit.headers.get("location") : `${visit.status} (no redirect)`;
    };
    await expect.poll(() => roomOn(a), { message: "A sends participants of the started conference to its room", timeout: 5_000 }).toBe(room);
    await expect.poll(() => roomOn(b), { message: "B sends them to the same room", timeout: 5_000 }).toBe(room);
    for (const server of [a, b]) {
      expect.soft((await request(server.base, "GET", `/api/v1/invitations/${invitationId}`)).json, `server ${server.name}'s invitation status`).toEqual({ status: "open", roomUrl: room });
    }
  });

  test("sweeps on both servers plus concurrent admin edits and bookings against different nodes", async () => {
    test.setTimeout(150_000);
    const testInfo = test.info();
    const [a, b] = bothServers();
    const both = [a, b];
    const logOffsets = both.map(logSize);

    // 1. What the sweeps will find due: 40 daily series (5 meetings) and 40 one-offs, booked through
    //    both servers for later this week, then moved two days into the past (below).
    const dueSoon = await eachLimited(Array.from({ length: 80 }, (_, i) => i), 4, async (i) => {
      const series = i % 2 === 0;
      const body: BookingRequest = {
        name: `${series ? "Daily" : "Once"} ${i}`,
        start: `${daysAhead(3)}T09:00`,
        timeZone: "UTC",
        durationMinutes: 30,
        ...(series ? { repeat: { every: 1, unit: "day", count: 5 } } : {}),
      };
      const reply = await request(both[i % 2]!.base, "POST", "/api/v1/conferences", { json: body });
      expect(reply.status, `booking ${body.name}: ${reply.text}`).toBe(201);
      return { series, conference: reply.json as ConferenceResource };
    });
    const pastSeries = dueSoon.filter((c) => c.series).map((c) => c.conference);
    const pastOneOffs = dueSoon.filter((c) => !c.series).map((c) => c.conference);

    // 2. What the admins edit: future conferences the sweeps leave alone, booked through A.
    const editTargets = await eachLimited(Array.from({ length: 6 }, (_, j) => j), 3, async (j) => {
      const reply = await request(a.base, "POST", "/api/v1/conferences", {
        json: {
          name: `Edited ${j}`,
          start: `${daysAhead(20 + j)}T09:00`,
          timeZone: "Europe/Berlin",
          durationMinutes: 60,
          ...(j % 2 === 0 ? { repeat: { every: 1, unit: "week", count: 4 } } : {}),
        } satisfies BookingRequest,
      });
      expect(reply.status, reply.text).toBe(201);
      return reply.json as ConferenceResource;
    });

    // Two days (and ten minutes) ago, on a whole minute as every booked start is: yesterday's meeting
    // of each series is over too, today's (ten minutes ago) is not, so each series must move on
    // exactly once, to today's meeting.
    const pastStart = new Date(Math.floor((Date.now() - 48 * 3_600_000 - 10 * 60_000) / 60_000) * 60_000);
    const expectedNextStart = new Date(pastStart.getTime() + 48 * 3_600_000).toISOString().replace(/\.000Z$/, "Z");

    // Into the past, in SQL on node 3: a third writer, behind both servers' backs.
    const moveIntoThePast = (conferences: ConferenceResource[]) => {
      const hashes = conferences.map((c) => Buffer.from(hashId(c.adminId)));
      return sqlWrite(
        node("node3").coordinates,
        `UPDATE conferences SET starts_at = ?, local_start = ? WHERE admin_hash IN (${hashes.map(() => "?").join(", ")})`,
        [sqlDateTime(pastStart), sqlDateTime(pastStart), ...hashes],
      );
    };

    // The one-offs in one statement while no sweep runs (the bookings above nudged sweeps, which
    // found nothing due and are long done after a second). A sweep deletes what is due at its start
    // in two statements (retire the rooms, then delete); in production a row becomes due by time
    // passing, never between those two, and a row moved in SQL between them would be deleted with
    // its room unretired: an artefact of the test, not a finding.
    await sleep(1_500);
    await moveIntoThePast(pastOneOffs);
    // A causal read on the servers' nodes returns once each has applied the move: the first pokes
    // below start both servers' sweeps on the same due one-offs within milliseconds of each other.
    for (const n of ["node1", "node2"]) {
      await sql(node(n).coordinates, "SELECT COUNT(*) AS n FROM conferences WHERE starts_at <= UTC_TIMESTAMP() - INTERVAL ? HOUR", [CLEANUP_AFTER_HOURS]);
    }

    // 3. All at once, for about ten seconds: both servers sweep (through different nodes) while admins
    //    edit and people book through both.
    const phaseEnds = Date.now() + 10_000;
    let nudging = true;
    const unexpected: string[] = [];

    // Both servers sweep only when a request comes: poke both at the same moment, again and again
    // (Next's proxy nudges the sweep of every request it sees).
    const nudger = (async () => {
      while (nudging) {
        await Promise.all(both.map((server) => request(server.base, "GET", "/api/v1/openapi.json").catch(() => undefined)));
        await sleep(200);
      }
    })();

    // The series in batches of five while both servers sweep, so each server's sweeps find some of
    // them first and both roll the same rows at times (a series is rolled from the rows a sweep read:
    // one that becomes due meanwhile waits for the next sweep).
    const seriesMover = (async () => {
      const shuffled = [...pastSeries].sort(() => Math.random() - 0.5);
      for (let k = 0; k < shuffled.length; k += 5) {
        await moveIntoThePast(shuffled.slice(k, k + 5));
        await sleep(300);
      }
    })();

    // Each edited conference has one admin, who edits it again and again, through B and A in turn,
    // each time with the revision the last answer gave (If-Match). The last 200 is what the row must hold.
    interface Acknowledged {
      revision: number;
      start: string;
      durationMinutes: number;
    }
    const lastAcknowledged = new Map<string, Acknowledged>();
    let editsAcknowledged = 0;
    const editors = editTargets.map(async (target, j) => {
      let revision = target.revision;
      for (let k = 1; k <= 30 && Date.now() < phaseEnds; k++) {
        const via = k % 2 === 1 ? b : a; // the first edit through B, right after the booking through A
        const change = { start: `${daysAhead(30 + j)}T10:${String(k).padStart(2, "0")}`, durationMinutes: 15 + k };
        const reply = await request(via.base, "PATCH", `/api/v1/conferences/${target.adminId}`, { headers: { "If-Match": `"r${revision}"` }, json: change });
        if (reply.status === 200) {
          const body = reply.json as ConferenceResource;
          revision = body.revision;
          lastAcknowledged.set(target.adminId, { revision: body.revision, start: body.start, durationMinutes: body.durationMinutes });
          editsAcknowledged++;
        } else {
          unexpected.push(
            `edit ${k} of "Edited ${j}" via ${via.name} (If-Match "r${revision}", the revision the previous answer gave) answered ${reply.status}: ${reply.text.slice(0, 200)}` +
              (reply.status === 412 || reply.status === 404 ? ` — a stale read on ${via === b ? "node 2" : "haproxy's node"}` : ""),
          );
          // Carry on from what the cluster holds (read causally on node 1), as a person would reload the page.
          const [row] = await sql<{ revision: number }[]>(node("node1").coordinates, "SELECT revision FROM conferences WHERE admin_hash = ?", [Buffer.from(hashId(target.adminId))]);
          revision = Number(row?.revision ?? revision);
        }
      }
    });

    // New bookings through both servers meanwhile: every 201 must be there afterwards, on every node.
    const newBookings: ConferenceResource[] = [];
    const bookers = [0, 1].map(async (client) => {
      for (let k = 0; k < 25 && Date.now() < phaseEnds; k++) {
        const via = both[(client + k) % 2]!;
        const reply = await request(via.base, "POST", "/api/v1/conferences", {
          json: { name: `New ${client}-${k}`, start: `${daysAhead(10)}T08:00`, timeZone: "Europe/Berlin", durationMinutes: 60 } satisfies BookingRequest,
        });
        if (reply.status === 201) newBookings.push(reply.json as ConferenceResource);
        else unexpected.push(`booking "New ${client}-${k}" via ${via.name} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
      }
    });
    await Promise.all([seriesMover, ...editors, ...bookers]);

    // 4. Until no row is due any more (read on node 1), then a few seconds for sweeps still running.
    const settleStarted = Date.now();
    const dueNow = async () =>
      Number(
        (await sql<{ n: bigint }[]>(node("node1").coordinates, "SELECT COUNT(*) AS n FROM conferences WHERE starts_at <= UTC_TIMESTAMP() - INTERVAL ? HOUR", [CLEANUP_AFTER_HOURS]))[0]!.n,
      );
    await expect.poll(dueNow, { message: "the sweeps of A and B leave no conference due", timeout: 45_000, intervals: [500] }).toBe(0);
    await sleep(3_000);
    nudging = false;
    await nudger;
    log(`sweeps settled ${((Date.now() - settleStarted) / 1000).toFixed(1)} s after the last edit and booking`);

    // 5. Every node, read causally: the same, and what the sweeps and the edits promise.
    for (const n of theCluster().nodes) {
      const rows = await conferencesOn(n);
      const problems: string[] = [];
      for (const c of [...newBookings, ...editTargets]) {
        if (!rows.has(hexHash(c.adminId))) problems.push(`a conference booked with 201 is missing (admin ${c.adminId.slice(0, 6)}…)`);
      }
      const retired = new Set(
        (await sql<{ room: string }[]>(n.coordinates, "SELECT HEX(room_hash) AS room FROM retired_rooms")).map((r) => r.room),
      );
      for (const c of pastOneOffs) {
        if (rows.has(hexHash(c.adminId))) problems.push(`one-off ${c.adminId.slice(0, 6)}… started two days ago and is still there`);
        const firstRoom = hexHash(roomIdFor(keys, hashId(c.invitationId), 1));
        if (!retired.has(firstRoom)) problems.push(`one-off ${c.adminId.slice(0, 6)}… is gone but its room was not retired`);
      }
      for (const c of pastSeries) {
        const row = rows.get(hexHash(c.adminId));
        if (!row) {
          problems.push(`series ${c.adminId.slice(0, 6)}… (4 meetings to come) was deleted`);
          continue;
        }
        // Rolled forward once, from two days ago past yesterday's meeting to today's: one meeting
        // skipped, one revision, one new room. Twice would mean a day later, one meeting fewer.
        const expected = {
          startsAt: expectedNextStart,
          localStart: expectedNextStart.slice(0, 16),
          remaining: 2,
          revision: 2,
          roomGeneration: 2,
          roomHash: hexHash(roomIdFor(keys, hashId(c.invitationId), 2)),
        };
        const actual = { startsAt: row.startsAt, localStart: row.localStart, remaining: row.remaining, revision: row.revision, roomGeneration: row.roomGeneration, roomHash: row.roomHash };
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          problems.push(
            `series ${c.adminId.slice(0, 6)}… holds starts_at ${actual.startsAt}, ${actual.remaining} to come, revision ${actual.revision}, room generation ${actual.roomGeneration}` +
              `${actual.roomHash === expected.roomHash ? "" : " (room hash not the derived one)"}; rolled once it would be ${expected.startsAt}, 2 to come, revision 2, generation 2`,
          );
        }
      }
      for (const target of editTargets) {
        const acknowledged = lastAcknowledged.get(target.adminId);
        const row = rows.get(hexHash(target.adminId));
        if (!acknowledged || !row) continue; // a missing row is reported above; no edit acknowledged, nothing to compare
        const actual = { revision: row.revision, start: row.localStart, durationMinutes: row.durationMinutes };
        if (JSON.stringify(actual) !== JSON.stringify(acknowledged)) {
          problems.push(`an edited conference holds ${JSON.stringify(actual)} but the last acknowledged edit was ${JSON.stringify(acknowledged)}`);
        }
      }
      expect.soft(problems, `on ${n.name}: every booking kept, every one-off deleted, every series rolled forward exactly once, every acknowledged edit kept`).toEqual([]);
    }

    // What the servers say they did: together, exactly the 40 deletions and 40 roll-forwards.
    const sweepReports = both.map((server, i) => {
      const lines = logSince(server, logOffsets[i]!);
      let deleted = 0;
      let moved = 0;
      for (const line of lines) {
        const m = /cleanup: deleted (\d+), moved (\d+)/.exec(line);
        if (m) {
          deleted += Number(m[1]);
          moved += Number(m[2]);
        }
      }
      return { server: server.name, deleted, moved, failures: lines.filter((line) => line.includes("cleanup failed")) };
    });
    const retried = await Promise.all(both.map(retriedWrites));
    const report = {
      bookingsAcknowledged: newBookings.length,
      editsAcknowledged,
      unexpectedAnswers: unexpected,
      sweeps: sweepReports,
      retriedWrites: Object.fromEntries(both.map((server, i) => [server.name, retried[i]])),
    };
    log(`sweeps and edits: ${JSON.stringify(report)}`);
    await testInfo.attach("sweeps-and-edits.json", { body: JSON.stringify(report, null, 2), contentType: "application/json" });

    expect.soft(unexpected, "every edit (sequential, with the revision the last answer gave) and every booking succeeds").toEqual([]);
    expect.soft(
      sweepReports.map((r) => ({ deleted: r.deleted, moved: r.moved })).reduce((sum, r) => ({ deleted: sum.deleted + r.deleted, moved: sum.moved + r.moved }), { deleted: 0, moved: 0 }),
      `the two servers' sweeps deleted the 40 one-offs and moved the 40 series on, each once (cleanup failures logged: ${JSON.stringify(sweepReports.flatMap((r) => r.failures))})`,
    ).toEqual({ deleted: 40, moved: 40 });
    for (const [i, server] of both.entries()) {
      expect.soft(typeof retried[i], `GET /api/health on ${server.name} reports retriedWrites as a number (got ${JSON.stringify(retried[i])})`).toBe("number");
      if (typeof retried[i] === "number") expect.soft(retried[i] as number).toBeGreaterThanOrEqual(0);
    }
  });

  test("stop one node in the middle of a steady booking load", async () => {
    test.setTimeout(150_000);
    const testInfo = test.info();
    const [a] = bothServers();
    const active = node((await nodeBehindHaproxy()) || "node1");
    const survivors = theCluster().nodes.filter((n) => n !== active);

    interface Attempt {
      client: number;
      startedAt: number;
      endedAt: number;
      status: number;
      contentType: string;
      text: string;
      adminId?: string;
    }
    const attempts: Attempt[] = [];
    const LOAD_MS = 20_000;
    const MAX_REQUESTS = 400;
    const loadStarted = Date.now();
    let stopAt = 0;
    let stoppedAt = 0;

    // Two clients booking through A (haproxy), each at most ten a second.
    const client = async (id: number) => {
      while (Date.now() - loadStarted < LOAD_MS && attempts.length < MAX_REQUESTS) {
        const startedAt = Date.now();
        try {
          const reply = await request(a.base, "POST", "/api/v1/conferences", {
            json: { name: `Load ${id}`, start: `${daysAhead(12)}T14:00`, timeZone: "UTC", durationMinutes: 30 } satisfies BookingRequest,
          });
          attempts.push({
            client: id,
            startedAt,
            endedAt: reply.endedAt,
            status: reply.status,
            contentType: reply.headers.get("content-type") ?? "",
            text: reply.text,
            adminId: reply.status === 201 ? (reply.json as ConferenceResource).adminId : undefined,
          });
        } catch (error) {
          attempts.push({ client: id, startedAt, endedAt: Date.now(), status: 0, contentType: "", text: `no answer: ${error instanceof Error ? error.message : String(error)}` });
        }
        await sleep(Math.max(0, 100 - (Date.now() - startedAt)));
      }
    };
    const stopper = (async () => {
      await sleep(6_000);
      stopAt = Date.now();
      await active.stop();
      stoppedAt = Date.now();
    })();
    await Promise.all([client(1), client(2), stopper]);

    const booked = attempts.filter((r) => r.status === 201);
    const isFriendly503 = (r: Attempt) =>
      r.status === 503 && r.contentType.startsWith(PROBLEM_JSON) && (JSON.parse(r.text) as { type?: string }).type === "urn:planado:problem:unavailable";
    const bad = attempts.filter((r) => r.status !== 201 && !isFriendly503(r));
    const leaky = attempts.filter((r) => INTERNALS.test(r.text));
    const firstAfterStop = booked.filter((r) => r.startedAt >= stopAt).sort((x, y) => x.endedAt - y.endedAt)[0];
    const recoveryMs = firstAfterStop ? firstAfterStop.endedAt - stopAt : undefined;
    const completions = booked.map((r) => r.endedAt).sort((x, y) => x - y);
    const longestGapMs = completions.slice(1).reduce((gap, t, i) => Math.max(gap, t - completions[i]!), 0);
    const statusCounts = attempts.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});
    const report = {
      stoppedNode: active.name,
      stopTookMs: stoppedAt - stopAt,
      requests: attempts.length,
      statusCounts,
      firstBookingAfterStopMs: recoveryMs,
      longestGapBetweenBookingsMs: longestGapMs,
      haproxyNowRoutesTo: await nodeBehindHaproxy().catch((error: unknown) => `(no answer: ${String(error)})`),
      unexpected: bad.slice(0, 10).map((r) => `${r.status} at +${r.startedAt - loadStarted} ms: ${r.text.slice(0, 300)}`),
    };
    log(`node stop under load: ${JSON.stringify(report)}`);
    await testInfo.attach("node-stop-under-load.json", { body: JSON.stringify(report, null, 2), contentType: "application/json" });

    expect(booked.length, "bookings succeeded before and after the stop").toBeGreaterThan(0);
    expect.soft(bad.map((r) => `${r.status}: ${r.text.slice(0, 200)}`), "every answer is a 201 or a friendly 503 problem (no 500, no dropped connection)").toEqual([]);
    expect.soft(leaky.map((r) => r.text.slice(0, 300)), "no answer carries a stack trace or driver internals").toEqual([]);
    expect.soft(recoveryMs, `bookings succeed again within a few seconds of stopping ${active.name}`).toBeLessThan(10_000);

    // Every acknowledged booking is on both remaining nodes…
    const missingOn = async (n: GaleraNode) => {
      const rows = await conferencesOn(n);
      return booked.filter((r) => !rows.has(hexHash(r.adminId!))).length;
    };
    for (const n of survivors) expect.soft(await missingOn(n), `201 bookings missing on ${n.name}`).toBe(0);

    // …and on the stopped node once it is back (IST from its peers).
    const restartStarted = Date.now();
    await active.start();
    log(`${active.name} rejoined in ${((Date.now() - restartStarted) / 1000).toFixed(1)} s`);
    expect.soft(await missingOn(active), `201 bookings missing on ${active.name} after it rejoined`).toBe(0);
  });

  test("starts two servers at the same moment on a fresh cluster: the migrations are applied exactly once", async () => {
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
      ).catch((error: unknown) => [{ migration_name: `(no _prisma_migrations: ${error instanceof Error ? error.message : String(error)})`, finished: 0, rolled_back: 0 }]);
      const perFolder = folders.map((folder) => {
        const rows = recorded.filter((r) => r.migration_name === folder);
        return { folder, times: rows.length, finished: rows.every((r) => Number(r.finished) === 1 && Number(r.rolled_back) === 0) };
      });
      expect
        .soft(perFolder, `on ${n}: each migration folder recorded exactly once, finished (recorded: ${recorded.map((r) => r.migration_name).join(", ")})`)
        .toEqual(folders.map((folder) => ({ folder, times: 1, finished: true })));
    }
    for (const run of runs) expect.soft(run.code, `npm run migrate through ${run.label} exits 0: ${run.output}`).toBe(0);
  });
});
