/**
 * The start-time rush: every participant's countdown ends at the same second and asks for the room
 * at once (the wait page asks 250 ms after the start). Two cases: 2,000 clients of one conference
 * in the same instant, and the 8 o'clock case of a school, 10,000 clients across 200 conferences
 * spread over that second. Each beside the floor in the same run; each client opens its own
 * connection (its own source address on loopback), as phones do.
 */
import { request as httpRequest } from "node:http";
import type { DatabaseCoordinates } from "../lib/database-url";
import { freePort } from "../scripts/lib/free-port";
import { floorEnv, fmt, planadoEnv, WARMUP, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { load } from "./lib/load";
import { startFloor, startPlanado } from "./lib/processes";
import { addConferences } from "./lib/seed";

interface RushResult {
  /** Milliseconds from the start until 99% of the clients were sent to the room. */
  ms99: number;
  /** Clients that were not sent to the room (errors, other answers). */
  errors: number;
}

/** A loopback address of its own for client n (Linux answers all of 127.0.0.0/8). */
const sourceAddress = (n: number) => `127.${1 + ((n >> 16) & 127)}.${(n >> 8) & 255}.${n & 255 || 1}`;

async function rushOnce(base: string, ids: string[], clients: number, startsAt: number, spreadMs: number): Promise<RushResult> {
  const ask = (n: number) =>
    new Promise<{ status: number; at: number }>((resolve) => {
      const req = httpRequest(`${base}/i/${ids[n % ids.length]}`, { agent: false, localAddress: sourceAddress(n) }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, at: Date.now() }));
      });
      req.on("error", () => resolve({ status: 0, at: Date.now() }));
      req.end();
    });
  const answers = await Promise.all(
    Array.from({ length: clients }, (_, n) => {
      const at = startsAt + 250 + (spreadMs * n) / clients;
      return new Promise<{ status: number; at: number }>((resolve) => setTimeout(() => resolve(ask(n)), Math.max(0, at - Date.now())));
    }),
  );
  const redirected = answers
    .filter((a) => a.status === 307)
    .map((a) => a.at - startsAt)
    .sort((a, b) => a - b);
  const needed = Math.ceil(clients * 0.99);
  return { ms99: redirected.length >= needed ? redirected[needed - 1]! : Number.POSITIVE_INFINITY, errors: clients - redirected.length };
}

interface Case {
  name: string;
  clients: number;
  conferences: number;
  spreadMs: number;
}

async function rushCase(database: DatabaseCoordinates, c: Case, key: string) {
  // Conferences that start a little later, so the servers can start and warm up first.
  const startsAt = Math.ceil((Date.now() + 25_000) / 1000) * 1000;
  const ids = await addConferences(database, key, c.conferences, new Date(startsAt));
  const planado = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => {
    await load({ url: `${s.url}/i/${ids[0]}`, connections: 50, seconds: WARMUP, expectStatus: 200 }); // warm up on the wait page
    const result = await rushOnce(s.url, ids, c.clients, startsAt, c.spreadMs);
    return { ...result, rss: s.rssMiB() };
  });
  const floorStartsAt = Math.ceil((Date.now() + 8_000) / 1000) * 1000;
  const floorIds = await addConferences(database, `${key}-floor`, c.conferences, new Date(floorStartsAt));
  const floor = await withServer(startFloor(await freePort(), floorEnv(database)), (s) => rushOnce(s.url, floorIds, c.clients, floorStartsAt, c.spreadMs));
  return { planado, floor };
}

export async function rush(database: DatabaseCoordinates): Promise<Row[]> {
  const cases: Case[] = [
    { name: "4a. start-time rush: 2,000 clients, 1 conference, same instant", clients: 2000, conferences: 1, spreadMs: 0 },
    { name: "4b. 8 o'clock: 10,000 clients, 200 conferences, over 1 s", clients: 10_000, conferences: 200, spreadMs: 1000 },
  ];
  const rows: Row[] = [];
  for (const [i, c] of cases.entries()) {
    const { planado, floor } = await rushCase(database, c, `rush${i}`);
    rows.push({
      scenario: c.name,
      planado: `99% in ${fmt(planado.ms99)} ms`,
      floor: `99% in ${fmt(floor.ms99)} ms`,
      ratio: `${(planado.ms99 / floor.ms99).toFixed(2)}× the time`,
      latency: "–",
      rss: fmt(planado.rss),
      errors: `${planado.errors} (floor ${floor.errors})`,
      target: i === 0 ? "99% within 1.25× the floor's time, 0 errors" : "reported beside the floor",
    });
  }
  return rows;
}
