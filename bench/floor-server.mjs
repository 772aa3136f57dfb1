// @ts-check
// The floor for the throughput benchmarks: a bare node:http server with the same mariadb driver doing
// the same indexed look-up as an invitation (on every request: no cache; by the id's SHA-256, and the
// room derived with an HMAC, as Planado does), answering with the same status and a body of the same
// size as Planado's answer it stands for (FLOOR_PAGE_BYTES for a page, FLOOR_JSON_BYTES for the API).
// What Planado does on top of this is what the ratio measures.
import { createHash, createHmac } from "node:crypto";
import { createServer } from "node:http";
import mariadb from "mariadb";

const url = new URL(process.env.DATABASE_URL ?? "");
const pool = mariadb.createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  connectionLimit: 10,
});
const jitsi = process.env.JITSI_URL ?? "https://meet.jit.si";
const roomKey = "floor-room-key";
/** @param {number} bytes @param {string} start @param {string} end */
const filler = (bytes, start, end) => start + "x".repeat(Math.max(0, bytes - start.length - end.length)) + end;
const page = filler(Number(process.env.FLOOR_PAGE_BYTES ?? 60), "<!doctype html><title>wait</title><p>", "</p>");
const json = filler(Number(process.env.FLOOR_JSON_BYTES ?? 40), '{"status":"waiting","pad":"', '"}');

const server = createServer(async (request, response) => {
  const match = /^\/(i|api\/v1\/invitations)\/([a-z2-7]{26})/.exec(request.url ?? "");
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  const api = match[1] !== "i";
  try {
    const hash = createHash("sha256")
      .update(match[2] ?? "")
      .digest();
    const rows = await pool.query("SELECT room_generation, starts_at FROM conferences WHERE invitation_hash = ?", [hash]);
    const row = rows[0];
    if (!row) response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    else if (api) response.writeHead(200, { "Content-Type": "application/json" }).end(json);
    else if (new Date(row.starts_at) <= new Date()) {
      const room = createHmac("sha256", roomKey).update(hash).update(String(row.room_generation)).digest("hex").slice(0, 26);
      response.writeHead(307, { Location: `${jitsi}/${room}` }).end();
    } else response.writeHead(200, { "Content-Type": "text/html" }).end(page);
  } catch {
    response.writeHead(503).end();
  }
});
server.listen({ port: Number(process.env.PORT ?? 3400), host: "127.0.0.1", backlog: 4096 }, () => console.log("floor ready"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
