/** Booking through the API, 20 connections, 1,000 bookings: rows written must equal 201 answers. */
import type { DatabaseCoordinates } from "../lib/database-url";
import { connect } from "../scripts/lib/database-server";
import { freePort } from "../scripts/lib/free-port";
import { fmt, latency, planadoEnv, SECONDS, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import { load } from "./lib/load";
import { startPlanado } from "./lib/processes";

export async function booking(database: DatabaseCoordinates): Promise<Row[]> {
  const count = async () => {
    const conn = await connect(database);
    try {
      const [row] = await conn.query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM conferences WHERE time_zone = 'Pacific/Chatham'");
      return Number(row!.n);
    } finally {
      await conn.end();
    }
  };
  const before = await count();
  const body = JSON.stringify({ name: "Bench", start: "2030-06-01T09:00", timeZone: "Pacific/Chatham", repeat: { every: 1, unit: "week", count: 4 } });
  const result = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => ({
    load: await load({
      url: `${s.url}/api/v1/conferences`,
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      connections: 20,
      seconds: SECONDS,
      amount: 1000,
      expectStatus: 201,
    }),
    rss: s.rssMiB(),
  }));
  const written = (await count()) - before;
  const created = result.load.total - result.load.unexpected;
  return [
    {
      scenario: "5. booking (POST /api/v1/conferences, 1,000)",
      planado: `${fmt(result.load.requestsPerSecond)} req/s`,
      floor: "–",
      ratio: "–",
      latency: latency(result.load),
      rss: fmt(result.rss),
      errors: `${result.load.errors + result.load.unexpected}; rows ${fmt(written)} = 201s ${fmt(created)}: ${written === created ? "yes" : "NO"}`,
      target: "rows = 2xx, 0 errors",
    },
  ];
}
