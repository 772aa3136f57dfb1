// @ts-check
// The floor for the throughput benchmarks: a bare node:http server with the same mariadb driver doing
// the same indexed look-up as an invitation, answering with the same status and a minimal body.
// What Planado does on top of this is what the ratio measures.
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

const server = createServer(async (request, response) => {
  const id = /^\/i\/([a-z2-7]{26})/.exec(request.url ?? "")?.[1];
  if (!id) {
    response.writeHead(404).end();
    return;
  }
  try {
    const rows = await pool.query("SELECT room_id, starts_at FROM conferences WHERE invitation_id = ?", [id]);
    const row = rows[0];
    if (!row) response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    else if (new Date(row.starts_at) <= new Date()) response.writeHead(307, { Location: `${jitsi}/${row.room_id}` }).end();
    else response.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>wait</title><p>Please wait</p>");
  } catch {
    response.writeHead(503).end();
  }
});
server.listen(Number(process.env.PORT ?? 3400), "127.0.0.1", () => console.log("floor ready"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
