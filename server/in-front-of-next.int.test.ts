/**
 * Our server in front of Next, on a real database: it answers the participant's path itself and hands
 * everything else to Next (a stand-in here: it records what it was handed).
 */
import { createServer, request } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assets, bookAt } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { databaseAnswered } = await import("@/lib/availability");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { requestListener } = await import("./request-listener");

beforeEach(() => {
  databaseAnswered();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("the server in front of Next", () => {
  let server: Server;
  let base: string;
  const handedToNext: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    const listener = requestListener({
      trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
      assets,
      handleNext: (request, response) => {
        handedToNext.push({ url: request.url!, headers: { ...request.headers } });
        response.setHeader("Vary", "rsc, Accept-Encoding");
        response.writeHead(200, { "Content-Type": "text/plain" }).end("from Next");
      },
    });
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers the participant's path itself and hands everything else to Next", async () => {
    const conference = await bookAt("2027-01-10T10:00");
    const page = await fetch(`${base}/i/${conference.invitationId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Please wait");
    for (const path of ["/", `/a/${conference.adminId}`, `/i/${conference.invitationId}/other`, "/api/v1/conferences"]) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text(), path).toBe("from Next");
      // Next's own Vary keeps the language.
      expect(response.headers.get("vary"), path).toBe("rsc, Accept-Encoding, Accept-Language");
    }
    const posted = await fetch(`${base}/i/${conference.invitationId}`, { method: "POST" });
    expect(await posted.text()).toBe("from Next");
    // The build's static files do not vary by language.
    expect((await fetch(`${base}/_next/static/chunks/x.js`)).headers.get("vary")).toBe("rsc, Accept-Encoding");
    // "OPTIONS *" is about the server: answered here, not handed to Next (which cannot read it).
    const star = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: new URL(base).port, method: "OPTIONS", path: "*" }, (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject).end();
    });
    expect(star).toBe(204);
  });

  it("answers the participant's stylesheet and the favicon itself, kept by browsers (a year, a week)", async () => {
    handedToNext.length = 0;
    const css = await fetch(`${base}${assets.stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(css.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await css.text()).toBe("body{color:#0f172a}");
    const icon = await fetch(`${base}/favicon.ico`);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    expect(icon.headers.get("cache-control")).toBe("public, max-age=604800");
    expect(Buffer.from(await icon.arrayBuffer()).toString()).toBe("favicon");
    expect(handedToNext).toEqual([]);
    // Another version's stylesheet, or another method, is Next's to answer.
    expect(await (await fetch(`${base}/assets/participant-0000000000000000.css`)).text()).toBe("from Next");
    expect(await (await fetch(`${base}/favicon.ico`, { method: "POST" })).text()).toBe("from Next");
  });

  it("tells Next who the client is in a header no client can set, and believes forwarding only from trusted proxies", async () => {
    handedToNext.length = 0;
    await fetch(`${base}/`, {
      headers: { "X-Planado-Client": "203.0.113.66", "X-Forwarded-For": "198.51.100.1, 203.0.113.7", "X-Forwarded-Host": "evil.example" },
    });
    // The test connects from loopback, a trusted proxy by default: its X-Forwarded-For counts.
    expect(handedToNext[0]!.headers["x-planado-client"]).toBe("203.0.113.7");
    expect(handedToNext[0]!.headers["x-forwarded-host"]).toBe("evil.example");

    // Without trusted proxies the socket is the client and forwarding headers are dropped.
    const strict = createServer(
      requestListener({
        trusted: trustedProxyList([]),
        assets,
        handleNext: (request, response) => {
          handedToNext.push({ url: request.url!, headers: { ...request.headers } });
          response.end("from Next");
        },
      }),
    );
    await new Promise<void>((resolve) => strict.listen(0, "127.0.0.1", resolve));
    try {
      await fetch(`http://127.0.0.1:${(strict.address() as AddressInfo).port}/`, {
        headers: { "X-Planado-Client": "203.0.113.66", "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" },
      });
    } finally {
      strict.close();
    }
    const seen = handedToNext[1]!.headers;
    expect(seen["x-planado-client"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-forwarded-host"]).toBeUndefined();
    expect(seen["x-forwarded-proto"]).toBeUndefined();
  });

  it("compresses pages for clients that take gzip, and answers HEAD with the headers alone", async () => {
    const conference = await bookAt("2027-01-10T10:00");
    const plain = await rawGet(`${base}/i/${conference.invitationId}`, {});
    const zipped = await rawGet(`${base}/i/${conference.invitationId}`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Language, Accept-Encoding");
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(
      gunzipSync(zipped.body)
        .toString("utf8")
        .replace(/"ms":\d+/, ""),
    ).toBe(plain.body.toString("utf8").replace(/"ms":\d+/, ""));
    const head = await rawGet(`${base}/i/${conference.invitationId}`, {}, "HEAD");
    expect(head.headers["content-length"]).toBe(String(plain.body.length));
    expect(head.body.length).toBe(0);
  });
});

/** A request that keeps the bytes as sent (fetch would decompress them, and ask for gzip itself). */
async function rawGet(url: string, headers: Record<string, string>, method = "GET"): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    request(url, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}
