/**
 * Weight: what a phone downloads for a page (compressed, as sent), by kind, and how many requests it
 * makes, measured in Debian's Chromium through the DevTools protocol. The wait page has targets of
 * its own (it is the page everybody opens at the start); the booking page stands beside an empty
 * Next.js page (bench/floor-app) to show the framework's share.
 */
import { spawn, spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import type { DatabaseCoordinates } from "../lib/database-url";
import { COUNTDOWN_SCRIPT } from "../server/pages/countdown-script";
import { freePort } from "../scripts/lib/free-port";
import { projectDir } from "../scripts/lib/paths";
import { planadoEnv, withServer } from "./lib/common";
import type { Row } from "./lib/common";
import type { Served } from "./lib/processes";
import { startPlanado } from "./lib/processes";

export interface Weight {
  html: number;
  css: number;
  js: number;
  font: number;
  other: number;
  requests: number;
  /** The bodies alone, as sent (compressed), without the responses' headers. */
  bodies: number;
}

const KIND: Record<string, keyof Omit<Weight, "requests">> = { Document: "html", Stylesheet: "css", Script: "js", Font: "font" };

export async function measureWeight(urls: string[]): Promise<Weight[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    const results: Weight[] = [];
    for (const url of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      const types = new Map<string, string>();
      const weight: Weight = { html: 0, css: 0, js: 0, font: 0, other: 0, requests: 0, bodies: 0 };
      cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
      // The bytes of a response's head, as received, to tell the body from the whole.
      const heads = new Map<string, number>();
      cdp.on("Network.responseReceivedExtraInfo", (e) => heads.set(e.requestId, Buffer.byteLength(e.headersText ?? "")));
      cdp.on("Network.loadingFinished", (e) => {
        weight.requests++;
        weight[KIND[types.get(e.requestId) ?? ""] ?? "other"] += e.encodedDataLength;
        weight.bodies += e.encodedDataLength - (heads.get(e.requestId) ?? 0);
      });
      await page.goto(url, { waitUntil: "networkidle" });
      results.push(weight);
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

/** `next start` of the empty page, built once into .next-floor. */
async function startEmptyNextPage(): Promise<Served> {
  const build = spawnSync("node_modules/.bin/next", ["build", "bench/floor-app"], {
    cwd: projectDir,
    env: { ...process.env, NEXT_DIST_DIR: ".next-floor", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building the empty page failed: ${build.stderr}`);
  const port = await freePort();
  const child = spawn("node_modules/.bin/next", ["start", "bench/floor-app", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: projectDir,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: ".next-floor" },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    servingPid: () => child.pid,
    rssMiB: () => 0,
    memory: () => ({ rss: 0, anon: 0, file: 0 }),
    heap: async () => undefined,
    heapSnapshot: async () => undefined,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // gone
      }
    },
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const describe = (w: Weight) =>
  `HTML ${kb(w.html)}, CSS ${kb(w.css)}, JS ${kb(w.js)}${w.font ? `, fonts ${kb(w.font)}` : ""}${w.other ? `, other ${kb(w.other)}` : ""}; ${w.requests} requests`;
const totalOf = (w: Weight) => w.html + w.css + w.js + w.font + w.other;

/** A name of 60 characters in Arabic script (the heaviest kind: two bytes a character, and more once in a link). */
export const ARABIC_NAME = "اجتماع الفريق الأسبوعي لمراجعة التقدم والخطط القادمة للمشروع";

/** Books a weekly series through the API, as an organizer would, and returns its invitation link. */
async function weeklySeries(base: string, name: string): Promise<string> {
  const start = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${base}/api/v1/conferences`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, start: `${start}T09:00`, timeZone: "Europe/Berlin", durationMinutes: 60, repeat: { every: 1, unit: "week", count: 10 } }),
  });
  if (response.status !== 201) throw new Error(`booking failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { links: { invitation: string } }).links.invitation;
}

/** 7. Weight of the wait page (its targets) and of the booking page (beside an empty Next.js page). */
export async function weight(database: DatabaseCoordinates): Promise<Row[]> {
  if ([...ARABIC_NAME].length !== 60) throw new Error("the name must be 60 characters");
  const [arabic, latin, bookingPage] = await withServer(startPlanado(await freePort(), planadoEnv(database)), async (s) => {
    const arabicLink = await weeklySeries(s.url, ARABIC_NAME);
    const latinLink = await weeklySeries(s.url, "Team sync");
    return measureWeight([`${arabicLink}&lang=ar`, `${latinLink}`, `${s.url}/`]);
  });
  const [empty] = await withServer(startEmptyNextPage(), (s) => measureWeight([s.url]));
  const script = gzipSync(COUNTDOWN_SCRIPT).length;
  const waitRow = (label: string, w: Weight) => ({
    scenario: `7a. weight: wait page, ${label}`,
    planado: `${describe(w)}; ${kb(totalOf(w))} in all with the headers, **${kb(w.bodies)} the bodies**; its script ${kb(script)} (gzip, inside the HTML)`,
    floor: "–",
    ratio: "–",
    latency: "–",
    rss: "–",
    errors: "–",
    target: "≤ 8 kB (HTML + CSS bodies as sent), ≤ 2 requests, no font",
  });
  return [
    waitRow("weekly series, 60-character Arabic name, in Arabic", arabic!),
    waitRow("weekly series, short Latin name, in English", latin!),
    {
      scenario: "7b. weight: booking page",
      planado: describe(bookingPage!),
      floor: describe(empty!),
      ratio: `JS +${kb(bookingPage!.js - empty!.js)}`,
      latency: "–",
      rss: "–",
      errors: "–",
      target: "–",
    },
  ];
}
