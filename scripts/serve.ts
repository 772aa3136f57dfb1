/**
 * `npm start`: find or start the database, create and migrate it, build when the sources changed,
 * then serve on PORT until interrupted.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { formatDatabaseUrl } from "../lib/database-url";
import { configOrExit, exitWith, loadEnvFiles, log } from "./lib/cli";
import { ensureBuild } from "./lib/build";
import { ensureDatabaseExists, migrateDatabase, resolveServer } from "./lib/database-server";
import { projectDir } from "./lib/paths";
import type { PrivateServer } from "./lib/private-server";

async function main() {
  loadEnvFiles();
  const config = configOrExit();
  const distDir = process.env.NEXT_DIST_DIR || ".next";

  const server = await resolveServer(config.DATABASE_URL.coordinates, log);
  let privateServer: PrivateServer | undefined = server.privateServer;
  const stopDatabase = async () => {
    const stopping = privateServer;
    privateServer = undefined;
    if (stopping?.startedHere) await stopping.stop();
  };

  try {
    if (await ensureDatabaseExists(server.coordinates)) log(`Created the database ${server.coordinates.database}.`);
    // npm start runs on the server itself: it may make the server's secret while upgrading.
    const { applied, warnings } = await migrateDatabase(server.coordinates, { mayCreateSecret: true });
    for (const warning of warnings) log(`Warning: ${warning}`);
    log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.` : "The database schema is up to date.");
    await ensureBuild(distDir, log);
  } catch (error) {
    await stopDatabase();
    exitWith(error);
  }

  const port = String(config.PORT);
  // Our server (server/main.ts): the participant's path itself, everything else through Next.
  const app = spawn(process.execPath, ["--import", "tsx", join(projectDir, "server", "main.ts")], {
    cwd: projectDir,
    stdio: "inherit",
    // Its own process group, so stopping it stops everything it may have started.
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: distDir,
      PORT: port,
      DATABASE_URL: formatDatabaseUrl(server.coordinates),
    },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      if (app.pid) process.kill(-app.pid, signal);
    } catch {
      // already gone
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop("SIGTERM"));

  void announceWhenReady(config.PORT, config.PUBLIC_URL);

  app.on("exit", async (code) => {
    await stopDatabase();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

async function announceWhenReady(port: number, publicUrl: string | undefined) {
  const local = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${local}/api/health`);
      if (response.ok) {
        log(`Planado is running: open ${publicUrl ?? local}`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

main().catch(exitWith);
