/**
 * Planado behind Debian's nginx, configured with the very file we ship (deploy/nginx.conf): only the
 * ports and the folders of its log and cache change for the test. Clients connect from different
 * loopback addresses (127.0.0.2, 127.0.0.3 …), as different people would reach a real server.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { BEHIND_NGINX_PORT, NGINX_PORT, PUBLIC_HOST } from "../support/settings";
import { book, daysAhead, expectInRoom, moveStart, rowByAdmin } from "../support/planado";

const PUBLIC_URL = `http://${PUBLIC_HOST}:${NGINX_PORT}`;
const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

test.describe.configure({ mode: "serial" });

let folder: string;
let nginx: ChildProcess | undefined;
/** Everything a log must not keep: ids, names and the clients' addresses, collected as the tests go. */
const secrets = new Set<string>(["127.0.0.2", "127.0.0.3", "127.0.0.4", "203.0.113.9"]);

/** deploy/nginx.conf with the test's ports and folders; fails when a line it changes is gone. */
function testedConfiguration(): string {
  let config = readFileSync("deploy/nginx.conf", "utf8");
  const change = (from: string | RegExp, to: string) => {
    const changed = config.replace(from, to);
    expect(changed, `deploy/nginx.conf no longer has ${String(from)}`).not.toBe(config);
    config = changed;
  };
  change("listen 80;", `listen 127.0.0.1:${NGINX_PORT};`);
  change("listen [::]:80;", "");
  change("server_name planado.example.org;", `server_name ${PUBLIC_HOST};`);
  change("server 127.0.0.1:3000;", `server 127.0.0.1:${BEHIND_NGINX_PORT};`);
  change("/var/cache/nginx/planado", join(folder, "cache"));
  change("/var/log/nginx/planado.access.log", join(folder, "access.log"));
  change("/var/log/nginx/planado.error.log", join(folder, "error.log"));
  return config;
}

/** The main file Debian's /etc/nginx/nginx.conf would be, with everything in the test's folder. */
function mainConfiguration(): string {
  const temp = (name: string) => `${name}_temp_path ${join(folder, "temp", name)};`;
  return [
    // As root, nginx's workers would switch to a user that cannot write to the test's folder.
    process.getuid?.() === 0 ? "user root root;" : "",
    "daemon off;",
    "worker_processes 1;",
    `pid ${join(folder, "nginx.pid")};`,
    `error_log ${join(folder, "main-error.log")} error;`,
    "events { worker_connections 256; }",
    "http {",
    "  include /etc/nginx/mime.types;",
    "  default_type application/octet-stream;",
    `  access_log ${join(folder, "other-access.log")};`,
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `  ${temp(name)}`),
    `  include ${join(folder, "planado.conf")};`,
    "}",
  ].join("\n");
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "planado-nginx-"));
  for (const name of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(folder, "temp", name), { recursive: true });
  writeFileSync(join(folder, "planado.conf"), testedConfiguration());
  writeFileSync(join(folder, "nginx.conf"), mainConfiguration());
  const check = spawnSync(NGINX, ["-t", "-c", join(folder, "nginx.conf"), "-p", folder], { encoding: "utf8" });
  expect(check.status, check.stderr).toBe(0);
  nginx = spawn(NGINX, ["-c", join(folder, "nginx.conf"), "-p", folder], { stdio: "inherit" });
  await expect.poll(() => portOpen(NGINX_PORT), { timeout: 10_000 }).toBe(true);
});

test.afterAll(async () => {
  nginx?.kill("SIGQUIT");
  if (nginx && nginx.exitCode === null) await new Promise((resolve) => nginx!.once("exit", resolve));
  rmSync(folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request to nginx from a loopback address of the client's own, as another person would connect. */
function send(path: string, options: { from: string; method?: string; headers?: Record<string, string>; json?: unknown }): Promise<Answer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port: NGINX_PORT,
        localAddress: options.from,
        path,
        method: options.method ?? (body ? "POST" : "GET"),
        headers: { Host: `${PUBLIC_HOST}:${NGINX_PORT}`, ...(body ? { "Content-Type": "application/json" } : {}), ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function bookFrom(from: string, name: string, headers: Record<string, string> = {}) {
  secrets.add(name);
  return send("/api/v1/conferences", { from, headers, json: { name, start: `${daysAhead(7)}T09:00`, timeZone: "Europe/Berlin", durationMinutes: 60 } });
}

test("a booking through nginx hands out links with the public address, and the invitation leads to the room", async ({ page }) => {
  const name = "Behind the proxy";
  secrets.add(name);
  const adminId = await book(page, { name, date: daysAhead(3), time: "10:00", timeZone: "Europe/Berlin" });
  const row = (await rowByAdmin(adminId))!;
  secrets.add(adminId).add(row.invitation_id).add(row.room_id);
  expect(page.url().startsWith(`${PUBLIC_URL}/a/${adminId}?`)).toBe(true);
  const invitation = await page.locator("#invitation-link").inputValue();
  expect(invitation.startsWith(`${PUBLIC_URL}/i/${row.invitation_id}?`), invitation).toBe(true);
  await expect(page.locator(`a[href^="webcal://${PUBLIC_HOST}:${NGINX_PORT}/calendar/feed/${row.invitation_id}.ics?"]`)).toHaveCount(1);

  await moveStart(adminId, -1);
  await page.goto(invitation);
  await expectInRoom(page, row.room_id);
});

test("a form post through nginx is taken from our own pages only (the host nginx passes on is the page's)", async () => {
  const post = (origin: string) =>
    send("/", { from: "127.0.0.2", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin } });
  for (const origin of ["null", "https://evil.example", `http://127.0.0.1:${NGINX_PORT}`, `http://${PUBLIC_HOST}:${BEHIND_NGINX_PORT}`]) {
    const refused = await post(origin);
    expect(refused.status, origin).toBe(403);
    expect(refused.body.toString(), origin).toContain("Form not accepted");
  }
  const ours = await post(PUBLIC_URL);
  expect(ours.status).not.toBe(403);
  expect(ours.status).toBeLessThan(500);
});

test("the API's links use the public address, whatever Host a client sends", async () => {
  const answer = await bookFrom("127.0.0.4", "Links", { "X-Forwarded-Host": "evil.example" });
  expect(answer.status, answer.body.toString()).toBe(201);
  const resource = JSON.parse(answer.body.toString()) as { adminId: string; invitationId: string; links: Record<string, string> };
  secrets.add(resource.adminId).add(resource.invitationId);
  expect(resource.links.invitation!.startsWith(`${PUBLIC_URL}/i/${resource.invitationId}`)).toBe(true);
  expect(resource.links.admin!.startsWith(`${PUBLIC_URL}/a/${resource.adminId}`)).toBe(true);
});

test("the write limit counts each client nginx saw, and a forged X-Forwarded-For changes nothing", async () => {
  // This server allows 3 bookings an hour per client (playwright.config.ts).
  for (let i = 1; i <= 3; i++) expect((await bookFrom("127.0.0.2", `Lesson ${i}`)).status).toBe(201);
  expect((await bookFrom("127.0.0.2", "One too many")).status).toBe(429);
  // The client claims to be someone else: nginx replaces the header with the address it sees.
  expect((await bookFrom("127.0.0.2", "Forged", { "X-Forwarded-For": "203.0.113.9" })).status).toBe(429);
  // Another person behind the same nginx is not locked out.
  const other = await bookFrom("127.0.0.3", "Another class");
  expect(other.status).toBe(201);
  const resource = JSON.parse(other.body.toString()) as { adminId: string; invitationId: string };
  secrets.add(resource.adminId).add(resource.invitationId);
});

test("static files come back compressed, immutable and from nginx's cache", async () => {
  const home = await send("/", { from: "127.0.0.2" });
  expect(home.status).toBe(200);
  const asset = /href="(\/_next\/static\/[^"]+\.css)"/.exec(home.body.toString())?.[1];
  expect(asset, "the home page links its stylesheet").toBeTruthy();
  const first = await send(asset!, { from: "127.0.0.2", headers: { "Accept-Encoding": "gzip" } });
  const second = await send(asset!, { from: "127.0.0.3", headers: { "Accept-Encoding": "gzip, deflate, br" } });
  for (const answer of [first, second]) {
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["cache-control"]).toMatch(/immutable/);
    expect(answer.headers["cache-control"]).toMatch(/max-age=\d{6,}/);
  }
  expect(second.headers["x-cache-status"]).toBe("HIT");
});

test("a parent domain's cookies stop at nginx: Planado reads none, and they cannot push a request past its 8 kB of headers", async () => {
  // What a browser sends along when the site above Planado's subdomain keeps large cookies.
  const headers = { Cookie: `site_session=${"c".repeat(8_050)}`, "Accept-Language": "de" };
  const direct = await fetch(`http://127.0.0.1:${BEHIND_NGINX_PORT}/`, { headers }).then((r) => r.status);
  expect(direct, "the same headers straight to Planado").toBe(431);
  const through = await send("/", { from: "127.0.0.2", headers });
  expect(through.status).toBe(200);
  expect(through.body.toString()).toContain('lang="de"');
});

test("nginx's access log keeps no id, no name and no client address", async () => {
  // The lines of the requests above reach the file when nginx writes them (at once: no buffer set).
  const log = readFileSync(join(folder, "access.log"), "utf8");
  const lines = log.trim().split("\n");
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) expect(line).toMatch(/^\S+ (GET|HEAD|POST) \d{3} \d+ \d+\.\d{3}$/);
  for (const secret of secrets) expect(log, secret).not.toContain(secret);
  for (const secret of secrets) expect(log, secret).not.toContain(encodeURIComponent(secret));
  expect(log).not.toContain(PUBLIC_HOST);
});
