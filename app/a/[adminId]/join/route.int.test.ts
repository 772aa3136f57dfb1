/**
 * "Join now" as Next runs it, on a real database, where Jitsi enforces bookings: only a POST (the admin
 * page's button) opens a meeting early; a GET of the same address (a link previewer, a prefetch, an old
 * bookmark) changes nothing and goes to the admin page. Whether Jitsi would admit the room is asked as
 * Prosody asks (lib/api/reservations.ts).
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { book } from "@/lib/conferences/operations";
import { createReservation, reservationSettings } from "@/lib/api/reservations";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { GET, POST } from "./route";

const SECRET = vi.hoisted(() => {
  // Before anything reads the configuration: this server's Jitsi enforces bookings through reservations.
  const secret = "prosody-reservations-secret-0123456789abcdef";
  process.env.JITSI_RESERVATIONS_SECRET = secret;
  return secret;
});

const ORIGIN = "https://planado.test";

afterAll(async () => {
  await db().$disconnect();
});

/** A one-off meeting half a year away (the API takes a wall-clock start in the zone). */
async function bookedMonthsAhead() {
  const now = new Date();
  const start = new Date(now.getTime() + 180 * 86_400_000).toISOString().slice(0, 16);
  const booked = await book({ from: "api", body: { name: "Board", start, timeZone: "UTC" } }, now);
  if (booked.status !== "saved") throw new Error("expected a booking");
  return booked.conference;
}

/** Whether Jitsi would hold the room now: Prosody's question to Planado. */
async function jitsiAdmits(room: string): Promise<boolean> {
  const body = new URLSearchParams({ name: room, start_time: new Date().toISOString() });
  const headers = { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/x-www-form-urlencoded" };
  const answer = await createReservation(new Request(`${ORIGIN}/api/jitsi/conference`, { method: "POST", body, headers }), reservationSettings(), new Date());
  return answer.status === 200;
}

const join = (adminId: string, method: "GET" | "POST", query = "") => {
  const request = new Request(`${ORIGIN}/a/${adminId}/join${query}`, { method });
  const context = { params: Promise.resolve({ adminId }) };
  return method === "GET" ? GET(request, context) : POST(request, context);
};

describe("Join now", () => {
  it("a GET opens nothing, however often: it goes to the admin page with its query, and Jitsi still refuses the room", async () => {
    const { adminId, roomId } = await bookedMonthsAhead();
    for (const query of ["", "?n=Board&lang=de"]) {
      const answer = await join(adminId, "GET", query);
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe(`/a/${adminId}${query}`);
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
    expect(await jitsiAdmits(roomId)).toBe(false);
  });

  it("a POST (the admin page's button) opens the meeting now and sends the organizer to the room with a 303", async () => {
    const { adminId, roomId } = await bookedMonthsAhead();
    expect(await jitsiAdmits(roomId)).toBe(false);
    const answer = await join(adminId, "POST", "?n=Board");
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`https://meet.jit.si/${roomId}`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await jitsiAdmits(roomId)).toBe(true);
    // Browsers apply form-action to the redirect after a form, so the pages' policy lets a form go on to Jitsi.
    expect(contentSecurityPolicy()).toContain("form-action 'self' https://meet.jit.si;");
  });

  it("a POST for an unknown id goes back to the admin page (its 404), keeping the query", async () => {
    const unknown = "abcdefghijklmnopqrstuvwxyz";
    const answer = await join(unknown, "POST", "?lang=fr");
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/a/${unknown}?lang=fr`);
  });
});
