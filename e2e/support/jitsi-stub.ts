/**
 * A stand-in for the Jitsi server: a tiny local HTTP server that answers every room with a page
 * showing what the browser sent (the path and the Referer header), so tests can check where
 * participants were sent and that nothing about Planado's links travelled with them.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";

export const JITSI_PORT = Number(process.env.E2E_JITSI_PORT ?? 3211);
export const JITSI = `http://127.0.0.1:${JITSI_PORT}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Rooms asked for, for tests whose browser the test cannot look into (the old engines of e2e/engines/). */
const VISITED = "/__visited";

/** Whether a browser has come into this room (on the stub); asked from any test process. */
export async function roomVisited(roomId: string): Promise<boolean> {
  return (await fetch(`${JITSI}${VISITED}/${roomId}`)).status === 200;
}

export function startJitsiStub(): Promise<Server> {
  const visited = new Set<string>();
  const server = createServer((request, response) => {
    const path = (request.url ?? "").split("?")[0]!;
    if (path.startsWith(`${VISITED}/`)) {
      response.writeHead(visited.has(path.slice(VISITED.length)) ? 200 : 404).end();
      return;
    }
    // Only the bounded set of rooms the run's tests make.
    if (visited.size < 10_000) visited.add(path);
    const referer = request.headers.referer ?? "none";
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(
      `<!doctype html><title>Jitsi stub</title><h1>Jitsi stub</h1>` +
        `<p>Room: <span id="room">${escape(request.url ?? "")}</span></p><p>Referer: <span id="referer">${escape(referer)}</span></p>`,
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(JITSI_PORT, "127.0.0.1", () => resolve(server));
  });
}
