/**
 * Servers that share a database must share the secret, or they would send participants to different
 * rooms: a server with another secret refuses to start, in one sentence. (The test's servers share
 * the database with the secret it was set up with, and run.) And a new installation does not start
 * with a secret a stolen database would let anyone guess.
 */
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { formatDatabaseUrl, parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { e2eDatabaseUrl } from "../support/settings";
import { freePort } from "../../scripts/lib/free-port";
import { projectDir } from "../../scripts/lib/paths";
import { connect } from "../../scripts/lib/database-server";
import { createThrowawayDatabase } from "../../scripts/lib/throwaway-database";

/** Starts our server as `npm start` would, and waits for it to give up; its stderr lines and whether it ever listened. */
async function refusedStart(databaseUrl: string, secret: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      PLANADO_SECRET: secret,
      CLEANUP_MODE: "off",
    },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const listened = await fetch(`http://127.0.0.1:${port}/`).then(
    () => "answered",
    () => "refused",
  );
  return { code, lines: stderr.trim().split("\n"), stderr, listened };
}

test("a second server with another secret refuses to start on the same database", async () => {
  const start = await refusedStart(e2eDatabaseUrl, "6tO94uxR5uo6K2Kt3T6dRNitOX78_m4QcQa8pnhR9CI");
  expect(start.code).toBe(1);
  expect(start.lines).toEqual([expect.stringMatching(/^Planado cannot start: its secret \(PLANADO_SECRET.*the same PLANADO_SECRET\.$/)]);
  expect(start.listened).toBe("refused");
});

test("a new installation with a weak secret refuses to start, says by what measure, and records nothing", async () => {
  const weak = "Sommer2026!Sommer2026!Sommer2026!Sommer2026!";
  const fresh = await createThrowawayDatabase(parseDatabaseUrl(e2eDatabaseUrl) as DatabaseCoordinates, { prefix: "planado_e2e" });
  try {
    const start = await refusedStart(formatDatabaseUrl(fresh.coordinates), weak);
    expect(start.code).toBe(1);
    expect(start.lines).toEqual([
      expect.stringMatching(
        /^Planado cannot start\. This server's secret .* too weak for a new installation: it holds about \d+ bits .* fewer than the 128 needed.*openssl rand -base64 32/,
      ),
    ]);
    expect(start.stderr).not.toContain("Sommer");
    expect(start.listened).toBe("refused");
    const conn = await connect(fresh.coordinates);
    try {
      expect(await conn.query("SELECT * FROM server_key")).toEqual([]);
    } finally {
      await conn.end();
    }
  } finally {
    await fresh.drop();
  }
});
