/**
 * Memory: the whole process tree's RSS, sampled every 5 s, for Planado served the production way (the
 * systemd unit's command: plain node, the compiled server, the budget's flags), for `npm start`'s whole
 * tree, and for the floor, each under the same load:
 *  1. a warm-up that asks for every kind of page and request once;
 *  2. 60 s quiet (BENCH_IDLE_SECONDS): the idle figure is the last sample;
 *  3. the soak (BENCH_SOAK_SECONDS, 600): participants' traffic (wait pages, redirects, the API, the
 *     calendar feed, the home page, misses) mixed with the security issue's hostile requests (bodies
 *     announced at 9.5 MB, bodies trickled a byte at a time and abandoned, junk queries, cross-site
 *     posts), 20 connections at a time from 65,536 loopback addresses.
 * Throughout, the serving process must keep its PID and never exit: a budget met by crashing and
 * being restarted does not count.
 */
import { request as httpRequest } from "node:http";
import type { DatabaseCoordinates } from "../lib/database-url";
import { newId } from "../lib/ids";
import { freePort } from "../scripts/lib/free-port";
import { fmt, floorEnv, planadoEnv, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { startFloor, startNpmStart, startProductionWay } from "./lib/processes";
import type { Served } from "./lib/processes";
import { addConferences, benchId } from "./lib/seed";
import { memoryMap } from "./lib/memory-map";
import type { MemoryMap } from "./lib/memory-map";

const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const SAMPLE_EVERY_MS = 5_000;
const CONNECTIONS = 20;

interface Curve {
  idle: number;
  peak: number;
  /** Peaks of the soak's middle and last thirds: levelling off means the last is no higher. */
  middlePeak: number;
  lastPeak: number;
  end: number;
  requests: number;
  errors: number;
  samePid: boolean;
  heap?: { used: number; total: number };
  /** The serving process at the idle point: its mappings, and V8's heap. */
  idleMap?: MemoryMap;
  idleHeap?: { used: number; total: number };
}

type Ask = (base: URL) => Promise<number>;

const address = () => {
  const n = Math.floor(Math.random() * 65_536);
  return `127.3.${n >> 8}.${n & 255 || 1}`;
};

/** One request on a connection of its own; its status, or 0 when the connection failed. */
function send(base: URL, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, method: options.method ?? "GET", agent: false, localAddress: address(), headers: options.headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(options.body);
  });
}

/** A body announced at 9.5 MB of which a little is sent: the server must refuse it at once (413). */
const oversized: Ask = (base) =>
  new Promise((resolve) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        path: "/api/jitsi/conference",
        method: "POST",
        agent: false,
        localAddress: address(),
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(9_500_000) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", () => resolve(0));
    req.write("x".repeat(64 * 1024));
    setTimeout(() => req.destroy(), 2_000);
  });

/** A chunked body sent a byte every 200 ms and abandoned after 3 s. */
const trickled: Ask = (base) =>
  new Promise((resolve) => {
    const req = httpRequest({
      host: base.hostname,
      port: base.port,
      path: "/api/v1/conferences",
      method: "POST",
      agent: false,
      localAddress: address(),
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
    });
    req.on("error", () => resolve(0));
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    const drip = setInterval(() => req.write("{"), 200);
    setTimeout(() => {
      clearInterval(drip);
      req.destroy();
      resolve(0);
    }, 3_000);
  });

async function traffic(database: DatabaseCoordinates): Promise<(weight: number) => Ask[]> {
  const open = await addConferences(database, "memory-open", 20, new Date(Date.now() - 60_000));
  const waiting = () => benchId("i", Math.floor(Math.random() * 100_000));
  const junk = () => Math.random().toString(36).repeat(150);
  const participants: Ask[] = [
    (b) => send(b, `/i/${waiting()}?n=${encodeURIComponent(`Class ${Math.floor(Math.random() * 1000)}`)}`),
    (b) => send(b, `/i/${open[Math.floor(Math.random() * open.length)]}`),
    (b) => send(b, `/api/v1/invitations/${waiting()}`),
    (b) => send(b, `/i/${newId()}`),
    (b) => send(b, "/"),
  ];
  const hostile: Ask[] = [
    oversized,
    trickled,
    (b) => send(b, `/i/${waiting()}?n=Class&junk=${junk()}`),
    (b) => send(b, `/a/${newId()}`, { method: "POST", headers: { origin: "null", "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }),
  ];
  return (weight) => (Math.random() * 10 < weight ? hostile : participants);
}

/** Every kind of page and request once: what the server loads for each stays loaded. */
async function warmUp(base: URL): Promise<void> {
  const booked = await fetch(new URL("/api/v1/conferences", base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Warm-up", start: "now", timeZone: "Europe/Berlin" }),
  });
  // (The floor books nothing: it is asked for the same paths with ids of its own.)
  const links = (booked.status === 201 ? await booked.json() : { adminId: newId(), invitationId: benchId("i", 1) }) as {
    adminId: string;
    invitationId: string;
    links?: Record<string, string>;
  };
  const home = await (await fetch(base)).text();
  const assets = [...home.matchAll(/(?:href|src)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!);
  const paths = [
    `/a/${links.adminId}`,
    `/i/${links.invitationId}`,
    `/api/v1/invitations/${links.invitationId}`,
    `/api/v1/conferences/${links.adminId}`,
    "/api/v1/openapi.json",
    "/api/health",
    `/i/${newId()}`,
    "/nowhere",
    ...assets,
    ...Object.values(links.links ?? {})
      .filter((link) => link.startsWith("http"))
      .map((link) => new URL(link).pathname + new URL(link).search),
  ];
  for (const path of paths) await send(base, path);
}

async function measure(served: Served, pick: (weight: number) => Ask[], pid: () => number | undefined): Promise<Curve> {
  const base = new URL(served.url);
  const samples: { at: number; rss: number }[] = [];
  const firstPid = pid();
  let samePid = true;
  const sample = () => {
    samples.push({ at: Date.now(), rss: served.memory().rss });
    if (pid() !== firstPid) samePid = false;
  };
  await warmUp(base);
  const quietEnds = Date.now() + IDLE_SECONDS * 1000;
  sample();
  while (Date.now() < quietEnds) {
    await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
    sample();
  }
  const idle = samples.at(-1)!.rss;
  const servingPid = pid();
  const idleMap = servingPid ? memoryMap(servingPid) : undefined;
  const idleHeap = await served.heap();
  const soakStarts = Date.now();
  const deadline = soakStarts + SOAK_SECONDS * 1000;
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  let requests = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, connection) => {
      while (Date.now() < deadline) {
        // Three connections of twenty send hostile requests, the rest participants' ones.
        const asks = pick(connection < 3 ? 10 : 0);
        const status = await asks[Math.floor(Math.random() * asks.length)]!(base);
        requests++;
        if (status >= 500) errors++;
      }
    }),
  );
  clearInterval(sampler);
  sample();
  const during = samples.filter((s) => s.at >= soakStarts);
  const third = (from: number, to: number) => {
    const span = deadline - soakStarts;
    return Math.max(...during.filter((s) => s.at >= soakStarts + from * span && s.at <= soakStarts + to * span).map((s) => s.rss));
  };
  return {
    idle,
    peak: Math.max(...during.map((s) => s.rss)),
    middlePeak: third(1 / 3, 2 / 3),
    lastPeak: third(2 / 3, 1.01),
    end: samples.at(-1)!.rss,
    requests,
    errors,
    samePid: samePid && pid() === firstPid,
    heap: await served.heap(),
    idleMap,
    idleHeap,
  };
}

function row(scenario: string, c: Curve, floor: Curve | undefined, target: string): Row {
  return {
    scenario,
    planado: `idle ${fmt(c.idle)}, peak ${fmt(c.peak)} MiB (middle third ${fmt(c.middlePeak)}, last ${fmt(c.lastPeak)})`,
    floor: floor ? `idle ${fmt(floor.idle)}, peak ${fmt(floor.peak)} MiB` : "–",
    ratio: floor ? `${(c.peak / floor.peak).toFixed(1)}× the floor's peak` : "–",
    latency: `${fmt(c.requests / SOAK_SECONDS)} req/s`,
    rss: c.heap ? `${fmt(c.end)} (V8 heap ${fmt(c.heap.used)} of ${fmt(c.heap.total)})` : fmt(c.end),
    errors: `${c.errors} 5xx; ${c.samePid ? "one PID throughout" : "THE PROCESS CHANGED"}`,
    target,
  };
}

/** Where the idle server's resident memory goes (bench/lib/memory-map.ts), in MiB. */
function whereItGoes(scenario: string, c: Curve): Row {
  const m = c.idleMap;
  const heap = c.idleHeap;
  const parts = m
    ? [
        heap ? `V8's heap ${fmt(heap.total)} (${fmt(heap.used)} in use)` : undefined,
        `other anonymous memory ${fmt(m.anonymous - (heap?.total ?? 0))} (WebAssembly, buffers, stacks)`,
        `malloc ${fmt(m.malloc)}`,
        `the node binary ${fmt(m.nodeBinary)}`,
        `libraries ${fmt(m.sharedLibraries)}`,
        `native modules ${fmt(m.nativeModules)}`,
        `other files ${fmt(m.otherFiles)}`,
      ].filter(Boolean)
    : ["(no map)"];
  return { scenario, planado: parts.join("; "), floor: "–", ratio: "–", latency: "–", rss: m ? fmt(m.total) : "–", errors: "–", target: "–" };
}

export async function memory(database: DatabaseCoordinates): Promise<Row[]> {
  const env = planadoEnv(database, { WRITE_LIMIT_PER_HOUR: "", API_LOOKUP_LIMIT_PER_MINUTE: "", LOOKUP_MISS_LIMIT_PER_MINUTE: "" });
  const pick = await traffic(database);
  const floor = await withServer(startFloor(await freePort(), floorEnv(database)), (s) => measure(s, pick, () => s.servingPid()));
  const production = await withServer(startProductionWay(await freePort(), env), (s) => measure(s, pick, () => s.servingPid()));
  const npmStart = await withServer(startNpmStart(await freePort(), env), (s) => measure(s, pick, () => s.servingPid()));
  const minutes = fmt(SOAK_SECONDS / 60);
  return [
    row(`9a. memory, the production way (the unit's command), ${minutes} min soak`, production, floor, "idle ≤ 200, peak ≤ 320 MiB, level, one PID"),
    row(`9b. memory, npm start's whole tree, ${minutes} min soak`, npmStart, floor, "idle ≤ 300, peak ≤ 420 MiB"),
    whereItGoes("9c. where the idle server's memory goes (the production way), MiB", production),
    whereItGoes("9d. the same for the floor, MiB", floor),
  ];
}
