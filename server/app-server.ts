/**
 * Planado's server: a small node:http server in front of Next.js (Next's documented custom-server
 * setup). It answers the participant's path itself (server/routes.ts, server/fast-path.ts), because at the
 * start time thousands ask for it in the same second and nothing that goes through Next's request
 * pipeline comes near a bare Node server; everything else goes to Next's request handler.
 *
 * Every request goes through one pipeline (./request-listener.ts, lib/pipeline/): our server is the
 * only way in, so Next needs no proxy of its own.
 *
 * Started by server/main.ts: compiled (scripts/lib/server-bundle.ts) and run by plain node after npm
 * start's set-up (scripts/start.sh), or from its sources by tsx (tests). Settings: the environment (lib/env.ts: PORT, LISTEN_ADDRESS, …), NEXT_DIST_DIR for the build.
 *
 * Both this server and Next's bundle load lib/: process-wide state lives on globalThis (see
 * lib/process-wide.ts), so there is still one rate limiter, one cache and one database pool.
 */
import { createServer } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import next from "next";
import { OTHER_SECRET, sameSecretAsDatabase } from "@/lib/conferences/operations";
import { classifyFailure } from "@/lib/failures";
import { serverKeys } from "@/lib/keys/server-secret";
import { ConfigError, getConfig } from "@/lib/env";
import { trustedProxyList } from "@/lib/address-range";
import { loadAssets } from "./assets";
import { handNextItsBuiltConfig } from "./built-next-config";
import { stopPrivateDatabase } from "./private-database";
import { requestListener } from "./request-listener";
import { continueUnlessTooLarge, serverOptions } from "./request-limits";

declare const PLANADO_BUNDLED: boolean | undefined;

// The project's folder: above server/, or above <distDir>/planado/ for the compiled server.
const projectDir = fileURLToPath(new URL(typeof PLANADO_BUNDLED === "boolean" ? "../.." : "..", import.meta.url));

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

/**
 * Refuses to serve a database set up with another secret. When the database does not answer yet, the
 * server starts (it answers a friendly 503 meanwhile) and checks again until it can tell.
 */
async function checkSecret(): Promise<void> {
  const refuse = (sentence: string) => {
    console.error(sentence);
    process.exit(1);
  };
  // A secret too weak for a new installation stops the start too; no database yet: the next try.
  const failed = (error: unknown) => {
    const failure = classifyFailure(error);
    if (failure.status === "misconfigured") refuse(`Planado cannot start. ${failure.message}`);
  };
  try {
    if (!(await sameSecretAsDatabase())) refuse(OTHER_SECRET);
  } catch (error) {
    failed(error);
    const retry = setInterval(() => {
      sameSecretAsDatabase().then((same) => (same ? clearInterval(retry) : refuse(OTHER_SECRET)), failed);
    }, 5_000);
    retry.unref();
  }
}

/** Starts Planado on PORT (and LISTEN_ADDRESS), serving the build in NEXT_DIST_DIR. */
export async function startServer() {
  const config = configOrExit();
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  handNextItsBuiltConfig(projectDir, distDir, config.PUBLIC_URL);
  const app = next({ dev: false, dir: projectDir, hostname: config.LISTEN_ADDRESS ?? "localhost", port: config.PORT });
  // Side by side (each takes a few hundred milliseconds); nothing listens before both are done.
  await Promise.all([checkSecret(), app.prepare()]);
  const listener = requestListener({
    trusted: trustedProxyList(config.TRUSTED_PROXIES),
    assets: loadAssets(projectDir, path.join(projectDir, distDir)),
    handleNext: app.getRequestHandler(),
  });
  // Headers of at most 8 kB within 10 s, a body within 30 s more (./request-limits.ts).
  const server = createServer(serverOptions(), listener);
  // Keep-alive a little longer than common proxies' idle timeouts, so a proxy never reuses a
  // connection the server is closing. (Since Node 18 the headers' timeout starts with a request's
  // first byte, not with the connection's idle time, so it need not exceed this.)
  server.keepAliveTimeout = 65_000;
  server.on("checkContinue", continueUnlessTooLarge(listener));
  // CONNECT asks a proxy for a tunnel: Planado is none. (Without a listener Node drops the connection.)
  server.on("connect", (_request, socket: Socket) =>
    socket.end("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A long queue of connections waiting to be accepted: at the start time they all come at once.
    server.listen({ port: config.PORT, host: config.LISTEN_ADDRESS, backlog: 4096 }, resolve);
  });

  console.log(`[planado] Planado is running: open ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}`);

  // Ctrl-C reaches the server twice under npm (from the terminal, and from npm passing it on): stop once.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    let exiting: Promise<void> | undefined;
    const exit = () => void (exiting ??= stopPrivateDatabase().finally(() => process.exit(0)));
    server.close(exit);
    server.closeAllConnections();
    setTimeout(exit, 5_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
  return server;
}
