/**
 * The database stops while Planado runs and comes back later: pages and API answer a friendly 503
 * meanwhile (no stack, no internals), and everything recovers by itself. Uses a private MariaDB that
 * this test starts and stops.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { formatDatabaseUrl } from "../../lib/database-url";
import { ensureDatabaseExists, migrateDatabase } from "../../scripts/lib/database-server";
import { freePort } from "../../scripts/lib/free-port";
import { projectDir } from "../../scripts/lib/paths";
import { startPrivateServer } from "../../scripts/lib/private-server";
import type { PrivateServer } from "../../scripts/lib/private-server";
import { daysAhead } from "../support/planado";

test("a database outage gives friendly 503s, and service comes back by itself", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "planado-outage-"));
  process.env.PLANADO_DATA_DIR = dataDir;
  let database: PrivateServer | undefined;
  let app: ChildProcess | undefined;
  try {
    database = await startPrivateServer(() => {});
    const coordinates = { ...database.coordinates, database: "planado_outage" };
    await ensureDatabaseExists(coordinates);
    await migrateDatabase(coordinates);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Served as npm start serves it: our server in front of Next.
    app = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: projectDir,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: ".next-test",
        PORT: String(port),
        LISTEN_ADDRESS: "127.0.0.1",
        DATABASE_URL: formatDatabaseUrl(coordinates),
        CLEANUP_MODE: "off",
        PLANADO_DATA_DIR: dataDir,
      },
    });
    await expect
      .poll(
        () =>
          fetch(`${base}/`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);

    const booked = await fetch(`${base}/api/v1/conferences`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Outage", start: `${daysAhead(3)}T10:00`, timeZone: "UTC" }),
    });
    expect(booked.status).toBe(201);
    const { invitationId, adminId } = (await booked.json()) as { invitationId: string; adminId: string };
    const invitation = `${base}/i/${invitationId}`;
    expect((await fetch(invitation)).status).toBe(200);

    // The database stops.
    await database.stop();
    await expect.poll(async () => (await fetch(invitation)).status, { timeout: 60_000 }).toBe(503);
    const down = await fetch(invitation);
    const page = await down.text();
    expect(down.headers.get("retry-after")).toBeTruthy();
    expect(down.headers.get("content-type")).toContain("text/html");
    expect(page).toContain("Planado is unavailable for a moment");
    expect(page).not.toMatch(/Prisma|mariadb|ECONNREFUSED|at .+:\d+:\d+/i);
    const api = await fetch(`${base}/api/v1/conferences/${adminId}`);
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(await api.json()).toMatchObject({ type: "urn:planado:problem:unavailable" });
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);

    // It comes back: so does Planado, without a restart.
    database = await startPrivateServer(() => {});
    await expect.poll(async () => (await fetch(invitation)).status, { timeout: 60_000 }).toBe(200);
    expect(await (await fetch(invitation)).text()).toContain("Please wait");
    expect((await fetch(`${base}/api/v1/conferences/${adminId}`)).status).toBe(200);
  } finally {
    if (app?.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
