/**
 * What of an invitation link's query the participant's pages use, on a real database: the name with
 * its signature and the language, nothing else. Junk in a query makes no page of its own and goes into
 * no link; a query longer than any link Planado makes is not read; a link handed out with a name that
 * held invisible characters still opens.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bookAt, signedPath, text, visit } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { databaseAnswered } = await import("@/lib/availability");
const { MAX_INVITATION_QUERY_LENGTH } = await import("@/lib/conferences/links");
const { nameSignature } = await import("@/lib/keys/derive");
const { serverKeys } = await import("@/lib/keys/server-secret");
const { keptPageCount } = await import("./pages/invitation-html");

beforeEach(() => databaseAnswered());

afterAll(async () => {
  await db().$disconnect();
});

/** Every address a page links to (language links, reload, calendar links …). */
const hrefs = (html: string) => [...html.matchAll(/(?:href|url)=([^"\s>]+|"[^"]*")/g)].map((m) => m[1]!);

describe("an invitation link's query", () => {
  it("makes the same page with junk as without, links on without the junk, and keeps one page for both", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    const link = signedPath(conference.invitationId, "Choir");
    const junk = `&utm_source=${"j".repeat(3000)}&n=Other&sig=x&lang=xx`;
    expect((link + junk).length - link.indexOf("?")).toBeLessThan(MAX_INVITATION_QUERY_LENGTH);

    const withJunk = await visit(link + junk);
    const kept = keptPageCount();
    const clean = await visit(link);
    expect(keptPageCount()).toBe(kept);
    expect(withJunk.status).toBe(200);
    expect(text(withJunk.body)).toBe(text(clean.body));
    const html = text(clean.body);
    expect(html).not.toContain("jjj");
    expect(html.length).toBeLessThan(40_000);
    expect(html).toContain("><bdi>Choir</bdi></h1>");
    // Each language's link is the page's own address in that language, with its name and signature.
    const sig = new URLSearchParams(link.split("?")[1]).get("sig")!;
    expect(html).toContain(`href="/i/${conference.invitationId}?lang=de&amp;n=Choir&amp;sig=${sig}"`);
    for (const href of hrefs(html)) expect(href).not.toMatch(/utm|Other|sig=x|lang=xx/);

    // A name that is not signed goes nowhere: the page and its links are those of the bare link.
    const bare = text((await visit(`/i/${conference.invitationId}`)).body);
    const kept2 = keptPageCount();
    expect(text((await visit(`/i/${conference.invitationId}?n=Evil&sig=forged12345&x=${"y".repeat(2000)}`)).body)).toBe(bare);
    expect(keptPageCount()).toBe(kept2);
  });

  it("longer than any link Planado makes, is not read: the visitor goes on to the link's own address", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    const link = signedPath(conference.invitationId, "Choir");
    const long = await visit(`${link}&lang=fr&utm_source=${"j".repeat(15_000)}`);
    expect(long.status).toBe(303);
    expect(long.headers.location).toBe(`/i/${conference.invitationId}?lang=fr&${link.split("?")[1]}`);
    expect(long.headers["cache-control"]).toBe("no-store");
    expect(long.body).toBeUndefined();
    expect(text((await visit(long.headers.location!)).body)).toContain("><bdi>Choir</bdi></h1>");
    // A name longer than any a booking takes is dropped there, the language kept.
    const named = await visit(`/i/${conference.invitationId}?n=${"n".repeat(15_000)}&sig=x&lang=de`);
    expect(named.headers.location).toBe(`/i/${conference.invitationId}?lang=de`);
  });

  it("leaves out of the page for a missing invitation all but the language", async () => {
    const html = text((await visit(`/i/${"b".repeat(26)}?lang=it&utm=${"j".repeat(2000)}&n=x&sig=y`)).body);
    expect(html).toContain('<html lang="it"');
    expect(html).toContain(`href="/i/${"b".repeat(26)}?lang=de"`);
    expect(html).not.toContain("jjj");
    expect(html).not.toContain("sig=y");
  });

  it("of a link handed out with invisible characters in its name still opens it, with the name cleaned", async () => {
    const conference = await bookAt("2026-12-01T09:00");
    // Signed as names were cleaned then: the zero-width space and the right-to-left mark kept.
    const old = "Team\u200Bsync\u200F";
    const oldLink = `/i/${conference.invitationId}?${new URLSearchParams({ n: old, sig: nameSignature(serverKeys(), conference.invitationId, old) })}`;
    const html = text((await visit(oldLink)).body);
    expect(html).toContain("><bdi>Teamsync</bdi></h1>");
    expect(html).not.toMatch(/[\u200B\u200F]/);
    expect(html).not.toContain("%E2%80%8B");
    // Its links carry the cleaned name with today's signature: the page it reloads to is the same.
    expect(html).toContain(`url=${signedPath(conference.invitationId, "Teamsync").replaceAll("&", "&#38;")}"`);
    expect(text((await visit(signedPath(conference.invitationId, "Teamsync"))).body)).toBe(html);
  });
});
