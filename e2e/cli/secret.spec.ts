/**
 * Servers that share a database must share the secret, or they would send participants to different
 * rooms: a server with another secret refuses to start, in one sentence. (The test's servers share
 * the database with the secret it was set up with, and run.)
 */
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../support/settings";
import { freePort } from "../../scripts/lib/free-port";
import { projectDir } from "../../scripts/lib/paths";

test("a second server with another secret refuses to start on the same database", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      DATABASE_URL: e2eDatabaseUrl,
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      PLANADO_SECRET: "a-different-secret-0123456789abcdef012345",
      CLEANUP_MODE: "off",
    },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Planado cannot start: its secret \(PLANADO_SECRET.*the same PLANADO_SECRET\.$/)]);
  // It never listened.
  expect(
    await fetch(`http://127.0.0.1:${port}/`).then(
      () => "answered",
      () => "refused",
    ),
  ).toBe("refused");
});
