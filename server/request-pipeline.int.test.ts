/**
 * The one request pipeline (lib/pipeline/), seen from outside our server on a real database: every
 * answer carries its headers whichever door made it (the fast path or Next, a stand-in here), Next
 * is handed the headers only our server sets, refusals happen before Next, and a failure on the fast
 * path is classified once (a bug: 500 and one log line; the database away: the friendly 503).
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assets, bookAt, now, setup } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { databaseAnswered, databaseFailed } = await import("@/lib/availability");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { requestListener } = await import("./request-listener");
const { answerRoute } = await import("./fast-path");

/** What the stand-in Next writes: its own ideas about the headers, which the pipeline must overrule where it decides. */
let nextWrites: { headers: OutgoingHttpHeaders; viaWriteHead: boolean } = { headers: {}, viaWriteHead: false };
const handedToNext: { url: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const listener = requestListener({
    trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
    assets,
    handleNext: (request, response) => {
      handedToNext.push({ url: request.url!, headers: { ...request.headers } });
      if (nextWrites.viaWriteHead) return response.writeHead(200, nextWrites.headers).end("from Next");
      for (const [name, value] of Object.entries(nextWrites.headers)) response.setHeader(name, value!);
      response.end("from Next");
    },
  });
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  databaseAnswered();
  handedToNext.length = 0;
  nextWrites = { headers: { "Cache-Control": "public, max-age=60", "Referrer-Policy": "unsafe-url", Vary: "rsc" }, viaWriteHead: false };
});

afterEach(() => vi.restoreAllMocks());

afterAll(async () => {
  server.close();
  await db().$disconnect();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: "manual" });

describe("the request pipeline, for both doors", () => {
  it("puts its headers on every answer, over what Next set, and keeps capability links private", async () => {
    const conference = await bookAt("2027-01-10T10:00");
    const capabilities = [`/i/${conference.invitationId}`, `/a/${conference.adminId}`, "/calendar/x.ics", `/api/v1/conferences/${conference.adminId}`];
    for (const viaWriteHead of [false, true]) {
      nextWrites.viaWriteHead = viaWriteHead;
      for (const path of [...capabilities, "/", "/api/v1/conferences", "/_next/static/chunks/x.js", assets.stylesheet]) {
        const h = (await get(path)).headers;
        expect(h.get("referrer-policy"), path).toBe("strict-origin");
        expect(h.get("x-content-type-options"), path).toBe("nosniff");
        expect(h.get("x-frame-options"), path).toBe("DENY");
        expect(h.get("permissions-policy"), path).toContain("camera=()");
        expect(h.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
        const capability = capabilities.includes(path);
        expect(h.get("cache-control"), path).toBe(
          capability ? "no-store" : path === assets.stylesheet ? "public, max-age=31536000, immutable" : "public, max-age=60",
        );
        expect(h.get("x-robots-tag"), path).toBe(capability || path.startsWith("/api/") ? "noindex, nofollow" : null);
        // Every page answers in the visitor's language; files are the same in every one.
        expect(h.get("vary")?.includes("Accept-Language") ?? false, path).toBe(!path.startsWith("/_next/static/") && path !== assets.stylesheet);
      }
    }
  });

  it("hands Next the client, the language, the page's address and the nonce its answer's policy allows, whatever the client sent", async () => {
    await get("/some/page?lang=de", { "X-Nonce": "forged", "X-Planado-Locale": "ar", "X-Planado-Path": "/evil", "Content-Security-Policy": "script-src *" });
    const seen = handedToNext[0]!.headers;
    expect(seen["x-planado-locale"]).toBe("de");
    expect(seen["x-planado-locale-explicit"]).toBe("1");
    expect(seen["x-planado-path"]).toBe("/some/page?lang=de");
    expect(seen["x-nonce"]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(seen["content-security-policy"]).toContain(`'nonce-${seen["x-nonce"]}'`);
    const again = await get("/some/page");
    expect(again.headers.get("content-security-policy")).toContain(`'nonce-${handedToNext[1]!.headers["x-nonce"]}' 'strict-dynamic'`);
    expect(handedToNext[1]!.headers["x-nonce"]).not.toBe(seen["x-nonce"]);
  });

  it("hands files and the health check on without a nonce or a language, and keeps a policy a file brings", async () => {
    nextWrites.headers = { "Content-Security-Policy": "script-src 'none'; frame-src 'none'; sandbox;", "Content-Type": "image/svg+xml" };
    const image = await get("/icon.svg", { "X-Nonce": "forged", "X-Planado-Locale": "ar" });
    expect(image.headers.get("content-security-policy")).toBe("script-src 'none'; frame-src 'none'; sandbox;");
    expect(image.headers.get("x-frame-options")).toBe("DENY");
    expect(image.headers.get("vary")).toBeNull();
    for (const path of ["/api/health", "/icon-192.png", "/robots.txt", "/manifest.webmanifest"]) await get(path, { "X-Nonce": "forged" });
    for (const { url, headers } of handedToNext) {
      expect(headers["x-nonce"], url).toBeUndefined();
      expect(headers["x-planado-locale"], url).toBeUndefined();
      expect(headers["content-security-policy"], url).toBeUndefined();
    }
    // The health check is a page of sorts: its answer gets the page policy, not the file's.
    expect((await get("/api/health")).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("tells Next the page's address without its own _rsc parameter", async () => {
    await get("/a/x?lang=fr&_rsc=1x2y3", { RSC: "1" });
    expect(handedToNext[0]!.headers["x-planado-path"]).toBe("/a/x?lang=fr");
  });

  it("wins over headers Next hands to writeHead as a flat list", async () => {
    const listener = requestListener({
      trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
      assets,
      handleNext: (_request, response) => response.writeHead(200, ["Cache-Control", "public", "Referrer-Policy", "unsafe-url", "Vary", "rsc"]).end("from Next"),
    });
    const flat = createServer(listener);
    await new Promise<void>((resolve) => flat.listen(0, "127.0.0.1", resolve));
    try {
      const h = (await fetch(`http://127.0.0.1:${(flat.address() as AddressInfo).port}/a/x`)).headers;
      expect(h.get("referrer-policy")).toBe("strict-origin");
      expect(h.get("cache-control")).toBe("no-store");
      expect(h.get("vary")).toBe("rsc, Accept-Language");
    } finally {
      flat.close();
    }
  });

  it("refuses a look-up before Next while the database is down, in the visitor's language, and lets the rest through", async () => {
    databaseFailed();
    const page = await get("/a/abcdefghijklmnopqrstuv?lang=fr");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("10");
    expect(page.headers.get("content-language")).toBe("fr");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-/);
    expect(await page.text()).toContain('<html lang="fr"');
    const api = await get("/api/v1/conferences/abcdefghijklmnopqrstuv");
    expect(api.status).toBe(503);
    expect(api.headers.get("content-type")).toBe("application/problem+json");
    expect(handedToNext).toEqual([]);
    expect(await (await get("/")).text()).toBe("from Next");
  });

  it("refuses an unknown admin page to a client over its miss limit before Next, and always lets a known one through", async () => {
    const conference = await bookAt("2027-01-11T10:00");
    const me = { "X-Forwarded-For": "198.51.100.77" };
    for (let miss = 0; miss < 5; miss++) await get(`/i/abcdefghijklmnopqrstu${miss}`, me);
    const refused = await get("/a/abcdefghijklmnopqrstuv", me);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(handedToNext).toEqual([]);
    expect(await (await get(`/a/${conference.adminId}`, me)).text()).toBe("from Next");
  });
});

describe("a failure on the fast path", () => {
  const visit = { method: "GET" as const, url: new URL("http://planado.test/i/x"), headers: { get: () => null }, client: "192.0.2.250", now };

  it("is a bug: a 500 page, logged once as a bug, saying nothing of the request", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = () => Promise.reject(new TypeError("cannot read 'x' of undefined at /i/secret-id"));
    const answer = await answerRoute(visit, { handler, segment: "x" }, setup);
    expect(answer.status).toBe(500);
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(/^\[planado\] participant path failed: bug: TypeError/);
    expect(String(log.mock.calls[0]![0])).not.toContain("secret-id");
  });

  it("is the database away: the friendly 503, and no log line per request", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const handler = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:3306"));
    const answer = await answerRoute(visit, { handler, segment: "x" }, setup);
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toBe("10");
    expect(log).not.toHaveBeenCalled();
  });
});
