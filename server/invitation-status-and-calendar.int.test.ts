/**
 * What the participant's programs ask our server for before Next, on a real database: the
 * invitation's status in the API, and the calendar subscription.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bookAt, text, visit } from "./fast-path-test-setup";

const { db } = await import("@/lib/db");
const { calendarLinks } = await import("@/lib/calendar/links");
const { databaseAnswered } = await import("@/lib/availability");

beforeEach(() => {
  databaseAnswered();
});

afterAll(async () => {
  await db().$disconnect();
});

describe("the invitation status in the API, answered before Next", () => {
  it("says waiting with the seconds left, then open with the room", async () => {
    const later = await bookAt("2026-11-25T13:10");
    const waiting = await visit(`/api/v1/invitations/${later.invitationId}`, { Origin: "https://site.example" });
    expect(waiting.status).toBe(200);
    expect(waiting.headers).toMatchObject({ "content-type": "application/json", "cache-control": "no-store", vary: "Accept-Language" });
    expect(JSON.parse(text(waiting.body))).toEqual({ status: "waiting", startsAt: "2026-11-25T12:10:00.000Z", secondsToStart: 600 });
    const open = await bookAt("now");
    expect(JSON.parse(text((await visit(`/api/v1/invitations/${open.invitationId}`)).body))).toEqual({
      status: "open",
      roomUrl: `https://meet.example.org/${open.roomId}`,
    });
    const missing = await visit("/api/v1/invitations/abcdefghijklmnopqrstuvwxyz", { "Accept-Language": "de" });
    expect(missing.status).toBe(404);
    expect(JSON.parse(text(missing.body))).toMatchObject({ type: "urn:planado:problem:not-found", title: expect.stringMatching(/Konferenz/) });
  });
});

describe("the calendar subscription, answered before Next", () => {
  it("reads an open conference's schedule without handing out its room: the room leaves no trace until someone is sent to it", async () => {
    const open = await bookAt("now");
    const roomHash = async () =>
      (
        await db().$queryRaw<
          { r: string | null }[]
        >`SELECT HEX(room_hash) AS r FROM conferences WHERE room_generation = 1 AND invitation_hash = UNHEX(SHA2(${open.invitationId}, 256))`
      )[0]!.r;
    const feed = new URL(calendarLinks("http://planado.test", open, "Choir").feed);
    expect((await visit(feed.pathname + feed.search)).status).toBe(200);
    expect(await roomHash()).toBeNull();
    expect((await visit(`/i/${open.invitationId}`)).headers.location).toBe(`https://meet.example.org/${open.roomId}`);
    expect(await roomHash()).not.toBeNull();
  });

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
