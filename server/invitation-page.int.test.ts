/**
 * The invitation link's page on a real database, as our server answers it before Next at a moment
 * the test chooses: the wait page, the room once it is open, misses and their limit, an outage.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bookAt, now, setup, signedPath, text, visit } from "./fast-path-test-setup";

const { remove } = await import("@/lib/conferences/operations");
const { db } = await import("@/lib/db");
const { calendarLinks } = await import("@/lib/calendar/links");
const { invitationUrl } = await import("@/lib/conferences/links");
const { resetProcessWide } = await import("@/lib/process-wide");
const { databaseAnswered, databaseFailed } = await import("@/lib/availability");
const { answerVisit } = await import("./fast-path");
const { COUNTDOWN_SCRIPT, COUNTDOWN_SCRIPT_HASH } = await import("./pages/countdown-script");
const { hashSource } = await import("@/lib/security/csp");
const { withLocale } = await import("@/lib/i18n/locales");

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
      "referrer-policy": "strict-origin",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
      vary: "Accept-Language",
    });
    expect(answer.headers["permissions-policy"]).toContain("camera=()");
    expect(answer.headers["content-security-policy"]).toContain(`script-src 'self' ${COUNTDOWN_SCRIPT_HASH};`);
    expect(answer.headers["content-security-policy"]).toContain("style-src 'self';");
    const html = text(answer.body);
    // 5 minutes to the start, to the millisecond, and a reload of the invitation's own address after
    // 30 s at most, first in the head (where every engine reads it).
    const own = link.replaceAll("&", "&amp;");
    expect(html).toContain(`<head><meta http-equiv="refresh" content="30; url=${link.replaceAll("&", "&#38;")}" id="refresh"><meta charSet="utf-8"/>`);
    expect(html).toContain('<script type="application/json" id="countdown-data">{"ms":300000,');
    expect(html).toContain(`"href":"${link.replaceAll("&", "\\u0026")}"`);
    expect(html).toContain(">05:00</p>");
    // The sentence a screen reader hears is the script's to write (a text browser shows the countdown once).
    expect(html).toContain('<p id="countdown-spoken" class="sr-only" aria-live="polite" data-testid="countdown-spoken"></p>');
    expect(html.replace(/<script[^>]*>.*?<\/script>/gs, "")).not.toContain("The conference starts in");
    // Without script: what happens, and a link to the same address where a browser does not reload.
    expect(html).toContain(`This page reloads by itself. If it does not, use this link: <a href="${own}" class="font-medium underline">Reload the page</a>`);
    expect(html).toContain("Wednesday, 25 November 2026 at 13:05 (Europe/Berlin)");
    expect(html).toContain(">every week</dd>");
    expect(html).toContain(`<script>${COUNTDOWN_SCRIPT}</script>`);
    expect(html).toContain(`<link rel="stylesheet" href="${setup.stylesheet}"/>`);
    expect(html).toContain("<title>Choir · Planado</title>");
    expect(html).toContain(calendarLinks("http://planado.test", conference, "Choir").feed.replaceAll("&", "&amp;"));
    expect(html).not.toContain(conference.roomId);

    // A moment later the same page (kept for that second) carries the new number.
    const later = text((await visit(link, {}, new Date(now.getTime() + 250))).body);
    expect(later).toContain('{"ms":299750,');
    expect(later.replace("299750", "300000")).toBe(html);
  });

  it("shows and signs into calendars only the name Planado signed for this invitation", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    const other = await bookAt("2026-12-01T10:00");
    const signed = text((await visit(signedPath(conference.invitationId, "Choir"))).body);
    expect(signed).toContain('<h1 class="break-words text-3xl font-bold tracking-tight"><bdi>Choir</bdi></h1>');
    expect(signed).toContain("calendar/choir.ics?n=Choir");
    // A name of someone's choosing, with no signature, another's, or a changed name: not shown, not signed.
    const phishing = "URGENT: your account is locked, call +1-555-0100";
    const sig = new URL(invitationUrl("http://x", conference.invitationId, "Choir")).searchParams.get("sig")!;
    const otherSig = new URL(invitationUrl("http://x", other.invitationId, phishing)).searchParams.get("sig")!;
    for (const query of [
      `?n=${encodeURIComponent(phishing)}`,
      `?n=${encodeURIComponent(phishing)}&sig=${sig}`,
      `?n=${encodeURIComponent(phishing)}&sig=${otherSig}`,
    ]) {
      const html = text((await visit(`/i/${conference.invitationId}${query}`)).body);
      // (The language links repeat the page's own address; what a person reads is the text.)
      const shown = html.replace(/<script[^>]*>.*?<\/script>/gs, "").replace(/<[^>]*>/g, " ");
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
    expect(german).toContain(`<head><meta http-equiv="refresh" content="3; url=/i/${conference.invitationId}" id="refresh">`);
    expect(german).toContain("Bitte warten");
    expect(german).toContain("Diese Seite lädt sich von selbst neu. Falls nicht, nutzen Sie diesen Link:");
    // Only what the page reads from the query goes into the reload, and a name only if signed: never whatever else it held.
    const stray = text((await visit(`/i/${conference.invitationId}?lang=de&utm=x&n=A&sig=b&lang=fr`, {}, at)).body);
    expect(stray).toContain(`<meta http-equiv="refresh" content="3; url=/i/${conference.invitationId}?lang=de" id="refresh">`);
    const named = text((await visit(`${signedPath(conference.invitationId, "A")}&utm=x&lang=de&lang=fr`, {}, at)).body);
    expect(named).toContain(
      `<meta http-equiv="refresh" content="3; url=${withLocale(signedPath(conference.invitationId, "A"), "de").replaceAll("&", "&#38;")}" id="refresh">`,
    );
    // An explicit choice wins, and our own links carry it on.
    const chosen = text((await visit(`/i/${conference.invitationId}?lang=en`, { "Accept-Language": "de" }, at)).body);
    expect(chosen).toContain('<html lang="en" dir="ltr">');
    expect(chosen).toContain('href="/?lang=en"');
  });

  it("sends everyone to the room once it is open, telling nobody where they came from", async () => {
    const conference = await bookAt("now");
    const answer = await visit(signedPath(conference.invitationId, "Choir"));
    expect(answer.status).toBe(307);
    expect(answer.headers).toMatchObject({
      location: `https://meet.example.org/${conference.roomId}`,
      "cache-control": "no-store",
      "referrer-policy": "strict-origin",
    });
    expect(answer.body).toBeUndefined();
    // "Continue" after a notice leads there too, and back to the invitation before the start.
    expect((await visit(`/i/${conference.invitationId}/join`)).headers.location).toBe(`https://meet.example.org/${conference.roomId}`);
    const waiting = await bookAt("2026-12-01T09:00");
    expect(await visit(`/i/${waiting.invitationId}/join?n=Later&lang=de`)).toMatchObject({
      status: 303,
      headers: { location: `/i/${waiting.invitationId}?lang=de` },
    });
    // With the name and its signature, and nothing else of the query.
    expect((await visit(`${signedPath(waiting.invitationId, "Later")}&lang=de&utm=${"x".repeat(5000)}`)).headers.location).toBe(
      withLocale(signedPath(waiting.invitationId, "Later"), "de"),
    );
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
    // In the participant's pages' look; it tries again by itself: by the script its policy allows (by
    // its hash), or without script by a refresh first in the head (where every engine reads it).
    const retry = "setTimeout(function(){location.reload()},10000)";
    expect(down.headers["content-security-policy"]).toContain(`script-src 'self' ${hashSource(retry)};`);
    expect(text(down.body)).toContain(`<link rel="stylesheet" href="${setup.stylesheet}"/>`);
    expect(text(down.body)).toContain(`<script>${retry}</script></body>`);
    expect(text(down.body)).toMatch(
      /^<!DOCTYPE html><html lang="en" dir="ltr"><head><noscript><meta http-equiv="refresh" content="10"><\/noscript><meta charSet="utf-8"\/>/,
    );
    // Rendered once for everyone it refuses: nothing of the visitor's address is in it.
    const other = text((await visit(`/i/${"b".repeat(26)}?n=x&sig=y`)).body);
    expect(other).toBe(text(down.body));
    expect((await visit(`/api/v1/invitations/${conference.invitationId}`)).status).toBe(503);
  });
});
