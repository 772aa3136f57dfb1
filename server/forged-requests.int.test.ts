/**
 * Requests a page on another site, or a client, forges, against our server on a real database with a
 * stand-in Next (which, like the real one, renders in the language and with the links the internal
 * headers name): a form post whose Origin is `null` or another site's is refused before Next
 * (lib/pipeline/origin.ts), and headers only our server may set are never believed, on files either.
 * PUBLIC_URL is set here, as behind a proxy in production.
 */
import { createServer, request as httpRequest } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assets, bookAt } from "./fast-path-test-setup";

// Read on the configuration's first use, after the shared setup cleared it.
process.env.PUBLIC_URL = "https://planado.example.org";

const { db } = await import("@/lib/db");
const { databaseAnswered } = await import("@/lib/availability");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { requestListener } = await import("./request-listener");

const handedToNext: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

function listener(trusted: string[]) {
  return requestListener({
    trusted: trustedProxyList(trusted),
    assets,
    handleNext: (request, response) => {
      handedToNext.push({ method: request.method!, url: request.url!, headers: { ...request.headers } });
      const locale = request.headers["x-planado-locale"] ?? "en";
      const links = request.headers["x-planado-path"] ?? "/";
      response.writeHead(request.url!.startsWith("/icon-") ? 404 : 200, { "Content-Type": "text/html" });
      response.end(`<html lang="${String(locale)}"><a href="${String(links)}">from Next</a></html>`);
    },
  });
}

const servers: Server[] = [];
let base: string;
let strictBase: string;

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  // The test connects from loopback: a trusted proxy by default. The strict server trusts nobody.
  base = await listen(createServer(listener(DEFAULT_TRUSTED_PROXIES)));
  strictBase = await listen(createServer(listener([])));
});

beforeEach(() => {
  databaseAnswered();
  handedToNext.length = 0;
});

afterAll(async () => {
  for (const server of servers) server.close();
  await db().$disconnect();
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request exactly as given (fetch would choose some headers itself). */
function send(url: string, method: string, headers: Record<string, string> = {}, body = ""): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject).end(body);
  });
}

/** A form post as a browser sends it (a server action posts to its page's own address). */
const formPost = (url: string, headers: Record<string, string> = {}) =>
  send(url, "POST", { "Content-Type": "application/x-www-form-urlencoded", ...headers }, "name=Board&start=2027-01-10T10%3A00");

describe("form posts from other sites", () => {
  it("are refused before Next when the Origin is null or another site's, with a page in the visitor's language", async () => {
    const conference = await bookAt("2027-01-10T10:00");
    for (const [path, origin] of [
      ["/", "null"],
      [`/a/${conference.adminId}`, "null"],
      [`/a/${conference.adminId}/join`, "https://evil.example"],
      ["/", "https://planado.example.org.evil.example"],
      // The same host on another port, another host on the same port: other sites.
      ["/", base.replace(/:\d+$/, ":1")],
      ["/", base.replace("127.0.0.1", "127.0.0.2")],
    ]) {
      const refused = await formPost(`${base}${path!}`, { Origin: origin! });
      expect(refused.status, `${path} ${origin}`).toBe(403);
      expect(refused.body).toMatch(/<h1[^>]*>Form not accepted<\/h1>/);
    }
    expect(handedToNext).toEqual([]);

    const german = await formPost(`${base}/?lang=de`, { Origin: "null", "Accept-Language": "fr" });
    expect(german.headers["content-language"]).toBe("de");
    expect(german.body).toContain('<html lang="de"');
    expect(german.body).toContain("Formular nicht angenommen");
    // The pipeline's headers, no retry (the same post would be refused again) and no script.
    expect(german.headers["retry-after"]).toBeUndefined();
    expect(german.headers["cache-control"]).toBe("no-store");
    expect(german.headers["referrer-policy"]).toBe("strict-origin");
    expect(german.headers["content-security-policy"]).toContain("script-src 'self';");
    expect(handedToNext).toEqual([]);
  });

  it("go on to Next from our own pages: PUBLIC_URL's address, and only it (a request's Host is its sender's to choose)", async () => {
    const conference = await bookAt("2027-01-10T10:00");
    for (const path of ["/", `/a/${conference.adminId}`, `/a/${conference.adminId}/join`]) {
      expect((await formPost(`${base}${path}`, { Origin: "https://planado.example.org" })).body, path).toContain("from Next");
      // The address the request came to is not ours when PUBLIC_URL says where Planado is.
      expect((await formPost(`${base}${path}`, { Origin: base })).status, path).toBe(403);
    }
    // DNS rebinding: another site's name re-pointed at our address, as Host and Origin alike.
    expect((await formPost(`${base}/`, { Host: "evil.example", Origin: "http://evil.example" })).status).toBe(403);
    expect(handedToNext.map(({ method }) => method)).toEqual(Array(3).fill("POST"));
  });

  it("are not believed to come from a host a proxy names in X-Forwarded-Host when PUBLIC_URL names ours", async () => {
    const proxied = { Origin: "http://planado.test:8080", "X-Forwarded-Host": "planado.test:8080" };
    expect((await formPost(`${base}/`, proxied)).status).toBe(403);
    expect((await formPost(`${strictBase}/`, proxied)).status).toBe(403);
    expect((await formPost(`${strictBase}/`, { Origin: "https://planado.example.org" })).body).toContain("from Next");
    expect(handedToNext.length).toBe(1);
  });

  it("without any Origin: refused only when the Referer names another site (browsers from before Origin on every post)", async () => {
    expect((await formPost(`${base}/`, { Referer: "https://evil.example/page" })).status).toBe(403);
    expect((await formPost(`${base}/`, { Referer: "https://planado.example.org/a/x" })).body).toContain("from Next");
    // Scripts and old clients name nobody: no cross-site page is behind them.
    expect((await formPost(`${base}/`)).body).toContain("from Next");
    expect(handedToNext.length).toBe(2);
  });

  it("leave the API and reads alone: its clients send no Origin, and CORS governs browsers there", async () => {
    for (const headers of [{}, { Origin: "null" }, { Origin: "https://evil.example" }] as Record<string, string>[]) {
      const api = await send(`${base}/api/v1/conferences`, "POST", { "Content-Type": "application/json", ...headers }, "{}");
      expect(api.body).toContain("from Next");
      const jitsi = await send(`${base}/api/jitsi/conference`, "POST", { "Content-Type": "application/x-www-form-urlencoded", ...headers }, "name=x");
      expect(jitsi.body).toContain("from Next");
      expect((await send(`${base}/`, "GET", headers)).body).toContain("from Next");
    }
    expect(handedToNext.length).toBe(9);
  });
});

describe("headers only our server may set", () => {
  const forged = {
    "X-Planado-Locale": "ar",
    "X-Planado-Locale-Explicit": "1",
    "X-Planado-Path": "/evil?x=1",
    "X-Planado-Client": "203.0.113.66",
    "X-Nonce": "forged",
    "Content-Security-Policy": "script-src *",
  };

  it("are never believed on files either: their answers keep their language, links and policy", async () => {
    const icon = await send(`${base}/icon-999.png`, "GET", forged);
    expect(icon.status).toBe(404);
    expect(icon.body).toBe('<html lang="en"><a href="/">from Next</a></html>');
    expect(icon.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(icon.headers["content-security-policy"]).not.toContain("forged");
    const seen = handedToNext[0]!.headers;
    for (const name of Object.keys(forged)) if (name !== "X-Planado-Client") expect(seen[name.toLowerCase()], name).toBeUndefined();
    expect(seen["x-planado-client"]).toBe("127.0.0.1");

    // The favicon is our server's own answer: the same bytes and headers whatever was forged.
    const favicon = await send(`${base}/favicon.ico`, "GET", forged);
    expect(favicon.body).toBe("favicon");
    expect(favicon.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(favicon.headers["content-language"]).toBeUndefined();
    // Anything else on that address is Next's: handed on without what was forged.
    const posted = await send(`${base}/favicon.ico`, "POST", forged);
    expect(posted.body).toBe('<html lang="en"><a href="/">from Next</a></html>');
    expect(posted.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(handedToNext[1]!.headers["x-planado-locale"]).toBeUndefined();
  });
});
