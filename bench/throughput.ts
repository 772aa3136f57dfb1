/**
 * Throughput of the participant's path, 50 connections, each beside the floor (bench/floor-server.mjs)
 * measured in the same run writing a body of the same size: the wait page, the redirect at the
 * start, and the API's invitation status.
 */
import type { DatabaseCoordinates } from "../lib/database-url";
import { freePort } from "../scripts/lib/free-port";
import { floorEnv, fmt, latency, planadoEnv, ratio, SECONDS, WARMUP, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { load } from "./lib/load";
import type { LoadResult } from "./lib/load";
import { startFloor, startPlanado } from "./lib/processes";
import { addConference } from "./lib/seed";

interface Measured {
  planado: LoadResult;
  floor: LoadResult;
  rss: number;
  /** The size of Planado's answer (uncompressed, as autocannon asks for it). */
  bytes: number;
}

async function measure(
  path: string,
  expectStatus: number,
  database: DatabaseCoordinates,
  floorBody: (bytes: number) => Record<string, string>,
): Promise<Measured> {
  let bytes = 0;
  const planado = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => {
    bytes = (await (await fetch(`${s.url}${path}`, { redirect: "manual", headers: { "accept-encoding": "identity" } })).arrayBuffer()).byteLength;
    return {
      result: await load({ url: `${s.url}${path}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus }),
      rss: s.rssMiB(),
    };
  });
  const floor = await withServer(startFloor(await freePort(), floorEnv(database, floorBody(bytes))), (s) =>
    load({ url: `${s.url}${path}`, connections: 50, seconds: SECONDS, warmupSeconds: WARMUP, expectStatus }),
  );
  return { planado: planado.result, floor, rss: planado.rss, bytes };
}

function row(name: string, target: number, m: Measured): Row {
  return {
    scenario: `${name} (${fmt(m.bytes)} B)`,
    planado: `${fmt(m.planado.requestsPerSecond)} req/s`,
    floor: `${fmt(m.floor.requestsPerSecond)} req/s`,
    ratio: ratio(m.planado.requestsPerSecond, m.floor.requestsPerSecond),
    latency: latency(m.planado),
    rss: fmt(m.rss),
    errors: String(m.planado.errors + m.planado.unexpected),
    target: `≥ ${target}× floor, 0 errors`,
  };
}

/** 1. The wait page of a conference that starts tomorrow. */
export async function waitPage(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "wait", new Date(Date.now() + 86_400_000));
  return [row("1. wait page", 0.6, await measure(`/i/${id}?n=Team+sync`, 200, database, (bytes) => ({ FLOOR_PAGE_BYTES: String(bytes) })))];
}

/** 2. The redirect of a conference that has started. */
export async function redirect(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "open", new Date(Date.now() - 60_000));
  return [row("2. redirect", 0.8, await measure(`/i/${id}`, 307, database, () => ({})))];
}

/** 3. GET /api/v1/invitations/<id> of a conference that starts tomorrow. */
export async function invitationApi(database: DatabaseCoordinates): Promise<Row[]> {
  const id = await addConference(database, "api", new Date(Date.now() + 86_400_000));
  return [row("3. invitation status (API)", 0.6, await measure(`/api/v1/invitations/${id}`, 200, database, (bytes) => ({ FLOOR_JSON_BYTES: String(bytes) })))];
}
