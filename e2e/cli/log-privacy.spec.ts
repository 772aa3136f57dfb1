/**
 * No line the server's process writes, the framework's included, holds a capability link's id, a
 * query or a conference's name. The test drives the paths where Next quotes a request's address
 * (an image request naming a page, malformed and unknown server actions, oversized and abandoned
 * uploads, methods and headers Next fails on) against a real server, and reads all it wrote.
 */
import { spawn } from "node:child_process";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_SECRET, e2eDatabaseUrl } from "../support/settings";
import { JITSI } from "../support/jitsi-stub";
import { freePort } from "../../scripts/lib/free-port";
import { projectDir } from "../../scripts/lib/paths";

const NAME = "Secret Board Meeting of Jane Doe";

test("the server's output names no link, query or name, whatever the requests", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      DATABASE_URL: e2eDatabaseUrl,
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      PUBLIC_URL: "",
      JITSI_URL: JITSI,
      PLANADO_SECRET: E2E_SECRET,
      CLEANUP_MODE: "off",
      WRITE_LIMIT_PER_HOUR: "0",
      LOOKUP_MISS_LIMIT_PER_MINUTE: "0",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const ids: string[] = [];
  try {
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const booked = await fetch(`${base}/api/v1/conferences`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: NAME, start: "2031-05-06T10:00", timeZone: "Europe/Berlin" }),
    });
    expect(booked.status).toBe(201);
    const { adminId, invitationId } = (await booked.json()) as { adminId: string; invitationId: string };
    ids.push(adminId, invitationId);
    const named = `?n=${encodeURIComponent(NAME)}`;
    const admin = `/a/${adminId}${named}`;
    const origin = { Origin: base };

    // An image request naming a page: Next fetches it and says it is no image, with its address.
    for (const url of [`/a/${adminId}`, `/i/${invitationId}`, admin]) await fetch(`${base}/_next/image?url=${encodeURIComponent(url)}&w=64&q=75`);
    // Server actions: a malformed id, an unknown one, a body that is no action's.
    for (const action of ["zz", "00".repeat(21), "not an action at all"])
      await fetch(`${base}${admin}`, { method: "POST", headers: { ...origin, "Next-Action": action, "Content-Type": "text/plain" }, body: "[]" });
    await fetch(`${base}${admin}`, { method: "POST", headers: { ...origin, "Content-Type": "multipart/form-data; boundary=x" }, body: "--x\r\nbroken" });
    // Bodies: too large, and abandoned half-way.
    await fetch(`${base}${admin}`, { method: "POST", headers: origin, body: "x".repeat(10_000_000) }).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          `POST ${admin} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000\r\n\r\nname=`,
        );
        setTimeout(() => socket.destroy(), 200);
      });
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    // What Next fails on: TRACE, an Origin no browser sends, a page that is not there, the invitation itself.
    await fetch(`${base}${admin}`, { method: "POST", headers: { Origin: `${base}/${"x".repeat(2_000)}` }, body: "a=1" });
    for (const path of [`/i/${invitationId}${named}`, `/a/${adminId}/nowhere${named}`, `/a/${adminId}/join${named}`, `/calendar/${invitationId}.ics${named}`])
      await fetch(`${base}${path}`);
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.end(`TRACE ${admin} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
      socket.on("data", () => undefined);
      socket.on("close", () => resolve());
    });
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
  }
  expect(ids).toHaveLength(2);
  for (const secret of [...ids, NAME, "Secret", "Jane", encodeURIComponent(NAME), "n=", "Board+Meeting"]) expect(output, secret).not.toContain(secret);
});
