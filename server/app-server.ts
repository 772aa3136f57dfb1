/**
 * Planado's server: a small node:http server in front of Next.js (Next's documented custom-server
 * setup). It answers the participant's path itself (server/participant-path.ts), because at the
 * start time thousands ask for it in the same second and nothing that goes through Next's request
 * pipeline comes near a bare Node server; everything else goes to Next's request handler.
 *
 * It also decides who the client is, from the socket (and X-Forwarded-For only from a trusted proxy),
 * and hands that to Next's side in a header no client can set.
 *
 * Started by server/main.ts (npm start runs it after `next build`). Settings: the environment (lib/env.ts: PORT, LISTEN_ADDRESS, …), NEXT_DIST_DIR for the build.
 *
 * Both this server and Next's bundle load lib/: process-wide state lives on globalThis (see
 * lib/process-wide.ts), so there is still one rate limiter, one cache and one database pool.
 */
import { errorSummary } from "@/lib/database-errors";
import { createServer } from "node:http";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import next from "next";
import { OTHER_SECRET, sameSecretAsDatabase } from "@/lib/conferences/operations";
import { serverKeys } from "@/lib/keys/server-secret";
import { ConfigError, getConfig } from "@/lib/env";
import { nodeHeaders, CLIENT_HEADER } from "@/lib/request";
import { trustedProxyList } from "@/lib/address-range";
import { clientAddress, clientKey, isTrustedProxy } from "@/lib/security/client-address";
import { answerVisit, participantRoute } from "./participant-path";
import { loadAssets } from "./assets";
import type { Assets } from "./assets";
import { send } from "./send";

const projectDir = fileURLToPath(new URL("..", import.meta.url));

/** Headers only a trusted proxy may set; from anyone else they are dropped before Next sees them. */
const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

function configOrExit() {
  // .env files as `next start` reads them (the environment wins), before the configuration is read.
  nextEnv.loadEnvConfig(projectDir, false, { info: () => {}, error: console.error });
  try {
    const config = getConfig();
    serverKeys(); // the secret made or read now, not by the first request
    return config;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Planado cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

export interface ListenerOptions {
  trusted: BlockList;
  /** The files our server answers itself (the participant's stylesheet, the favicon). */
  assets: Assets;
  /** Next's request handler, for everything off the participant's path. */
  handleNext: (request: IncomingMessage, response: ServerResponse) => unknown;
}

/** What the server does with each request; apart from startServer so tests can give it a stand-in Next. */
export function requestListener({ trusted, assets, handleNext }: ListenerOptions) {
  const setup = { stylesheet: assets.stylesheet };
  const fastPath = async (request: IncomingMessage, response: ServerResponse, url: URL, client: string) => {
    const method = request.method === "HEAD" ? "HEAD" : "GET";
    try {
      send(request, response, await answerVisit({ method, url, headers: nodeHeaders(request.headers), client, now: new Date() }, setup));
    } catch (error) {
      // answerVisit answers every failure of its own; this is the last line (say, a broken socket).
      console.error(`[planado] could not answer: ${errorSummary(error)}`);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal error");
      else response.destroy();
    }
  };

  return (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket.remoteAddress;
    // Overwrite whatever came in under our header; forget forwarding headers nobody we trust set.
    const client = clientKey(clientAddress(socket, request.headers["x-forwarded-for"], trusted));
    request.headers[CLIENT_HEADER] = client;
    if (!isTrustedProxy(socket, trusted)) for (const name of FORWARDING_HEADERS) delete request.headers[name];
    // "OPTIONS *" asks about the server, not a page: what it allows. (Next would fail on it.)
    if (request.url === "*") {
      response.writeHead(request.method === "OPTIONS" ? 204 : 400, { Allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" }).end();
      return;
    }
    let url: URL | undefined;
    try {
      url = new URL(request.url ?? "/", "http://planado.invalid");
    } catch {
      url = undefined; // Next answers what we cannot read
    }
    const file = url && assets.answerFor(request.method ?? "", url.pathname);
    if (file) {
      send(request, response, file);
    } else if (url && participantRoute(request.method ?? "", url.pathname)) {
      void fastPath(request, response, url, client);
    } else {
      // Next sets its own Vary; every page also answers in the visitor's language (the build's
      // static files are the same in every language).
      if (!url?.pathname.startsWith("/_next/static/")) keepVaryToken(response, "Accept-Language");
      void handleNext(request, response);
    }
  };
}

/**
 * Makes sure a response's Vary names `token` when its head is written, whatever the handler set
 * before (Next replaces the Vary header with its own list).
 */
export function keepVaryToken(response: ServerResponse, token: string): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const vary = String(this.getHeader("vary") ?? "");
    const tokens = vary
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    if (!tokens.some((t) => t === "*" || t.toLowerCase() === token.toLowerCase())) this.setHeader("Vary", [...tokens, token].join(", "));
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/**
 * Refuses to serve a database set up with another secret. When the database does not answer yet, the
 * server starts (it answers a friendly 503 meanwhile) and checks again until it can tell.
 */
async function checkSecret(): Promise<void> {
  const refuse = () => {
    console.error(OTHER_SECRET);
    process.exit(1);
  };
  try {
    if (!(await sameSecretAsDatabase())) refuse();
  } catch {
    const retry = setInterval(() => {
      sameSecretAsDatabase().then(
        (same) => (same ? clearInterval(retry) : refuse()),
        () => undefined, // still no database: the next try
      );
    }, 5_000);
    retry.unref();
  }
}

/** Starts Planado on PORT (and LISTEN_ADDRESS), serving the build in NEXT_DIST_DIR. */
export async function startServer() {
  const config = configOrExit();
  await checkSecret();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const app = next({ dev: false, dir: projectDir, hostname: config.LISTEN_ADDRESS ?? "localhost", port: config.PORT });
  await app.prepare();
  const listener = requestListener({
    trusted: trustedProxyList(config.TRUSTED_PROXIES),
    assets: loadAssets(projectDir, path.join(projectDir, distDir)),
    handleNext: app.getRequestHandler(),
  });
  const server = createServer(listener);
  // Keep-alive a little longer than common proxies' idle timeouts, so a proxy never reuses a
  // connection the server is closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A long queue of connections waiting to be accepted: at the start time they all come at once.
    server.listen({ port: config.PORT, host: config.LISTEN_ADDRESS, backlog: 4096 }, resolve);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
  return server;
}
