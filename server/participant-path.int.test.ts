/**
 * The participant's path on a real database: what our server answers itself, at a moment the test
 * chooses, and how it sits in front of Next (a stand-in here: it records what it was handed).
 */
import { createServer, request } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The configuration of this file's "server", read once on first use.
Object.assign(process.env, {
  JITSI_URL: "https://meet.example.org",
  PUBLIC_URL: "",
  PRIVACY_NOTICE_URL: "",
  EARLY_JOIN_MINUTES: "",
  CALENDAR_SECRET: "integration-calendar-secret-0123456789abcdef",
  CLEANUP_MODE: "off",
  LOOKUP_MISS_LIMIT_PER_MINUTE: "4",
  API_LOOKUP_LIMIT_PER_MINUTE: "0",
  INVITATION_CACHE_MS: "0",
  TRUSTED_PROXIES: "",
});

const { book, remove } = await import("@/lib/conferences/operations");
const { db } = await import("@/lib/db");
const { calendarLinks } = await import("@/lib/calendar");
const { invitationUrl } = await import("@/lib/conferences/links");
const { resetProcessWide } = await import("@/lib/process-wide");
const { databaseAnswered, databaseFailed } = await import("@/lib/availability");
const { trustedProxyList, DEFAULT_TRUSTED_PROXIES } = await import("@/lib/address-range");
const { answerVisit } = await import("./participant-path");
const { requestListener } = await import("./main");
const { COUNTDOWN_SCRIPT, COUNTDOWN_SCRIPT_HASH } = await import("./pages/countdown-script");

const setup = { stylesheets: ["/_next/static/chunks/site.css"] };
const now = new Date("2026-11-25T12:00:00.000Z");
let client = 0;

/** The path of an invitation link as Planado hands it out: the name with its signature. */
function signedPath(invitationId: string, name?: string): string {
  const url = new URL(invitationUrl("http://planado.test", invitationId, name));
  return url.pathname + url.search;
}

/** A visit at the test's moment, from a client of its own (so misses of one test do not limit another). */
function visit(path: string, headers: Record<string, string> = {}, at = now) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return answerVisit(
    { method: "GET", url: new URL(path, "http://planado.test"), headers: { get: (name) => lower[name] ?? (name === "host" ? "planado.test" : null) }, client: `192.0.2.${++client}`, now: at },
    setup,
  );
}

const text = (body: string | Uint8Array | undefined) => (typeof body === "string" ? body : Buffer.from(body ?? new Uint8Array()).toString("utf8"));

async function bookAt(start: string, extra: Record<string, unknown> = {}) {
  const outcome = await book({ from: "api", body: { name: "Choir", start, timeZone: "Europe/Berlin", ...extra } }, now);
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome.errors));
  return outcome.conference;
}

beforeEach(() => {
  databaseAnswered();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("the invitation, answered before Next", () => {
  it("waits: the page counts down from the server's clock, reloads by itself, and carries Next's headers", async () => {
    const conference = await bookAt("2026-11-25T13:05", { repeat: { every: 1, unit: "week", count: 3 } }); // 12:05 UTC
    const link = signedPath(conference.invitationId, "Choir");
    const answer = await visit(link);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "content-language": "en",
      "cache-control": "no-store",
      "x-robots-tag": "noindex, nofollow",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
      vary: "Accept-Language",
    });
    expect(answer.headers["permissions-policy"]).toContain("camera=()");
    expect(answer.headers["content-security-policy"]).toContain(`script-src 'self' ${COUNTDOWN_SCRIPT_HASH};`);
    expect(answer.headers["content-security-policy"]).toContain("style-src 'self';");
    const html = text(answer.body);
    // 5 minutes to the start, to the millisecond, and a reload after 30 s at most.
    expect(html).toContain('<meta http-equiv="refresh" content="30" id="refresh"/>');
    expect(html).toContain("&quot;ms&quot;:300000,");
    expect(html).toContain(">05:00</p>");
    expect(html).toContain("The conference starts in 5 minutes.");
    expect(html).toContain("Wednesday, 25 November 2026 at 13:05 (Europe/Berlin)");
    expect(html).toContain(">every week</dd>");
    expect(html).toContain(`<script>${COUNTDOWN_SCRIPT}</script>`);
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css"/>');
    expect(html).toContain("<title>Choir · Planado</title>");
    expect(html).toContain(calendarLinks("http://planado.test", conference, "Choir").feed.replaceAll("&", "&amp;"));
    expect(html).not.toContain(conference.roomId);

    // A moment later the same page (kept for that second) carries the new number.
    const later = text((await visit(link, {}, new Date(now.getTime() + 250))).body);
    expect(later).toContain("&quot;ms&quot;:299750,");
    expect(later.replace("299750", "300000")).toBe(html);
  });

  it("shows and signs into calendars only the name Planado signed for this invitation", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    const other = await bookAt("2026-12-01T10:00");
    const signed = text((await visit(signedPath(conference.invitationId, "Choir"))).body);
    expect(signed).toContain("<h1 class=\"break-words text-3xl font-bold tracking-tight\"><bdi>Choir</bdi></h1>");
    expect(signed).toContain("calendar/choir.ics?n=Choir");
    // A name of someone's choosing, with no signature, another's, or a changed name: not shown, not signed.
    const phishing = "URGENT: your account is locked, call +1-555-0100";
    const sig = new URL(invitationUrl("http://x", conference.invitationId, "Choir")).searchParams.get("sig")!;
    const otherSig = new URL(invitationUrl("http://x", other.invitationId, phishing)).searchParams.get("sig")!;
    for (const query of [`?n=${encodeURIComponent(phishing)}`, `?n=${encodeURIComponent(phishing)}&sig=${sig}`, `?n=${encodeURIComponent(phishing)}&sig=${otherSig}`]) {
      const html = text((await visit(`/i/${conference.invitationId}${query}`)).body);
      // (The language links repeat the page's own address; what a person reads is the text.)
      const shown = html.replace(/<script>.*<\/script>/s, "").replace(/<[^>]*>/g, " ");
      expect(shown, query).not.toContain("URGENT");
      expect(html).not.toContain("URGENT: your account is locked, call +1-555-0100</");
      expect(html).toContain("><bdi>Your conference</bdi></h1>");
      expect(html).toContain("<title>Invitation · Planado</title>");
      expect(html).toContain("calendar/video-conference.ics?n=Video+conference");
    }
  });

  it("reloads at the start second when that comes before 30 s, and speaks the visitor's language", async () => {
    const conference = await bookAt("2026-11-25T13:01"); // 12:01 UTC: opens in 2.5 s
    const at = new Date(now.getTime() + 57_500);
    const german = text((await visit(`/i/${conference.invitationId}`, { "Accept-Language": "de-AT,de;q=0.9,en;q=0.5" }, at)).body);
    expect(german).toContain('<html lang="de" dir="ltr">');
    expect(german).toContain('<meta http-equiv="refresh" content="3" id="refresh"/>');
    expect(german).toContain("Bitte warten");
    expect(german).toContain("Diese Seite lädt sich alle 3 Sekunden neu.");
    // An explicit choice wins, and our own links carry it on.
    const chosen = text((await visit(`/i/${conference.invitationId}?lang=en`, { "Accept-Language": "de" }, at)).body);
    expect(chosen).toContain('<html lang="en" dir="ltr">');
    expect(chosen).toContain('href="/?lang=en"');
  });

  it("sends everyone to the room once it is open, telling nobody where they came from", async () => {
    const conference = await bookAt("now");
    const answer = await visit(signedPath(conference.invitationId, "Choir"));
    expect(answer.status).toBe(307);
    expect(answer.headers).toMatchObject({ location: `https://meet.example.org/${conference.roomId}`, "cache-control": "no-store", "referrer-policy": "no-referrer" });
    expect(answer.body).toBeUndefined();
    // "Continue" after a notice leads there too, and back to the invitation before the start.
    expect((await visit(`/i/${conference.invitationId}/join`)).headers.location).toBe(`https://meet.example.org/${conference.roomId}`);
    const waiting = await bookAt("2026-12-01T09:00");
    expect(await visit(`/i/${waiting.invitationId}/join?n=Later&lang=de`)).toMatchObject({ status: 303, headers: { location: `/i/${waiting.invitationId}?n=Later&lang=de` } });
  });

  it("answers every kind of miss with the same page, slowly", async () => {
    const gone = await bookAt("2026-12-01T09:00");
    await remove(gone.adminId);
    const bodies = new Set<string>();
    for (const id of [gone.invitationId, gone.adminId, "abcdefghijklmnopqrstuvwxyz", "not-an-id", "%27%20OR%201%3D1"]) {
      const started = performance.now();
      const answer = await visit(`/i/${id}`);
      expect(performance.now() - started, id).toBeGreaterThanOrEqual(115);
      expect(answer.status, id).toBe(404);
      expect(answer.headers["cache-control"]).toBe("no-store");
      bodies.add(text(answer.body).replaceAll(id, "ID").replaceAll(decodeURIComponent(id), "ID"));
    }
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).toContain("This invitation does not work");
  });

  it("refuses only the misses of a client that missed too often: what exists is always answered", async () => {
    // An office behind one address: someone keeps opening a mistyped link…
    const conference = await bookAt("2026-12-01T09:00");
    const open = await bookAt("now");
    const me = { get: (name: string) => (name === "accept-language" ? "de" : null) };
    const asMe = (path: string) => answerVisit({ method: "GET", url: new URL(path, "http://planado.test"), headers: me, client: "198.51.100.9", now }, setup);
    for (let i = 0; i < 4; i++) expect((await asMe(`/i/${"abcdefghijklmnopqrstuvwxy"}${"234567"[i]}`)).status).toBe(404);
    const refused = await asMe("/i/abcdefghijklmnopqrstuvwxy7");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(text(refused.body)).toContain("Zu viele Versuche");
    const refusedApi = await asMe("/api/v1/invitations/abcdefghijklmnopqrstuvwxy7");
    expect(refusedApi.status).toBe(429);
    expect(refusedApi.headers["content-type"]).toBe("application/problem+json");
    // …and everyone else in the office still gets the wait page, the room and the API's answer.
    expect((await asMe(`/i/${conference.invitationId}`)).status).toBe(200);
    expect((await asMe(`/i/${open.invitationId}`)).status).toBe(307);
    expect((await asMe(`/api/v1/invitations/${conference.invitationId}`)).status).toBe(200);
    resetProcessWide("planadoMisses");
  });

  it("answers everyone 503 while the database is down", async () => {
    const conference = await bookAt("2026-12-01T09:00");

    databaseFailed();
    const down = await visit(`/i/${conference.invitationId}`);
    expect(down.status).toBe(503);
    expect(down.headers["retry-after"]).toBe("10");
    expect(text(down.body)).toContain("Planado is unavailable for a moment");
    // Its style is allowed by the nonce its policy names.
    const nonce = /'nonce-([^']+)'/.exec(down.headers["content-security-policy"]!)![1]!;
    expect(text(down.body)).toContain(`<style nonce="${nonce}">`);
    expect((await visit(`/api/v1/invitations/${conference.invitationId}`)).status).toBe(503);
  });
});

describe("the invitation status in the API, answered before Next", () => {
  it("says waiting with the seconds left, then open with the room", async () => {
    const later = await bookAt("2026-11-25T13:10");
    const waiting = await visit(`/api/v1/invitations/${later.invitationId}`, { Origin: "https://site.example" });
    expect(waiting.status).toBe(200);
    expect(waiting.headers).toMatchObject({ "content-type": "application/json", "cache-control": "no-store", vary: "Accept-Language" });
    expect(JSON.parse(text(waiting.body))).toEqual({ status: "waiting", startsAt: "2026-11-25T12:10:00.000Z", secondsToStart: 600 });
    const open = await bookAt("now");
    expect(JSON.parse(text((await visit(`/api/v1/invitations/${open.invitationId}`)).body))).toEqual({ status: "open", roomUrl: `https://meet.example.org/${open.roomId}` });
    const missing = await visit("/api/v1/invitations/abcdefghijklmnopqrstuvwxyz", { "Accept-Language": "de" });
    expect(missing.status).toBe(404);
    expect(JSON.parse(text(missing.body))).toMatchObject({ type: "urn:planado:problem:not-found", title: expect.stringMatching(/Konferenz/) });
  });
});

describe("the calendar subscription, answered before Next", () => {
  it("serves the current schedule for a signed link and explains a forged one", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    const feed = new URL(calendarLinks("http://planado.test", conference, "Choir").feed);
    const answer = await visit(feed.pathname + feed.search);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(text(answer.body)).toContain("DTSTART;TZID=Europe/Berlin:20261201T090000");
    // Its invitation link carries the name on, signed; a feed link from before names were signed
    // (no `ns`) still works, but its invitation link carries no name: an old link made for any name
    // cannot be turned into a signed one.
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
    expect(unfold(text(answer.body))).toContain(`/i/${conference.invitationId}?n=Choir&sig=`);
    const old = new URL(feed);
    old.searchParams.delete("ns");
    const fromBefore = unfold(text((await visit(old.pathname + old.search)).body));
    expect(fromBefore).toContain("SUMMARY:Choir");
    expect(fromBefore).toMatch(new RegExp(`/i/${conference.invitationId}\\r?\\n?(\\s|$)`));
    expect(fromBefore).not.toContain("sig=");
    const forged = await visit(feed.pathname + feed.search.replace("Choir", "Other"));
    expect(forged.status).toBe(400);
    expect(text(forged.body)).toContain("No calendar file");
    expect(forged.headers["content-security-policy"]).toMatch(/style-src 'self' 'nonce-/);
  });
});

describe("the server in front of Next", () => {
  let server: Server;
  let base: string;
  const handedToNext: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    const listener = requestListener({
      trusted: trustedProxyList(DEFAULT_TRUSTED_PROXIES),
      setup,
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

  it("tells Next who the client is in a header no client can set, and believes forwarding only from trusted proxies", async () => {
    handedToNext.length = 0;
    await fetch(`${base}/`, { headers: { "X-Planado-Client": "203.0.113.66", "X-Forwarded-For": "198.51.100.1, 203.0.113.7", "X-Forwarded-Host": "evil.example" } });
    // The test connects from loopback, a trusted proxy by default: its X-Forwarded-For counts.
    expect(handedToNext[0]!.headers["x-planado-client"]).toBe("203.0.113.7");
    expect(handedToNext[0]!.headers["x-forwarded-host"]).toBe("evil.example");

    // Without trusted proxies the socket is the client and forwarding headers are dropped.
    const strict = createServer(requestListener({ trusted: trustedProxyList([]), setup, handleNext: (request, response) => {
      handedToNext.push({ url: request.url!, headers: { ...request.headers } });
      response.end("from Next");
    } }));
    await new Promise<void>((resolve) => strict.listen(0, "127.0.0.1", resolve));
    try {
      await fetch(`http://127.0.0.1:${(strict.address() as AddressInfo).port}/`, { headers: { "X-Planado-Client": "203.0.113.66", "X-Forwarded-For": "203.0.113.7", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
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
    expect(gunzipSync(zipped.body).toString("utf8").replace(/&quot;ms&quot;:\d+/, "")).toBe(plain.body.toString("utf8").replace(/&quot;ms&quot;:\d+/, ""));
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
