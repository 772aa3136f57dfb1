/**
 * The reservation endpoints by id, as Next runs them, on a real database: Prosody asks by id only after
 * a 409, which Planado never answers, so a GET by id reads nothing; holding the reservations secret
 * must not let anyone count through rooms by their (sequential) reservation ids.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { book, joinAsOrganizer } from "@/lib/conferences/operations";
import { POST } from "../route";
import { DELETE, GET } from "./route";

const SECRET = vi.hoisted(() => {
  // Before anything reads the configuration: this server enforces bookings through reservations.
  const secret = "prosody-reservations-secret-0123456789abcdef";
  process.env.JITSI_RESERVATIONS_SECRET = secret;
  return secret;
});

const PREFIX = "https://planado.test/api/jitsi/conference";
const prosody = { Authorization: `Bearer ${SECRET}` };
// GET takes neither the request nor the id now; called as Next calls it all the same.
const get = GET as unknown as (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> | Response;
const byId = (id: string, init: RequestInit = {}) => [new Request(`${PREFIX}/${id}`, init), { params: Promise.resolve({ id }) }] as const;

afterAll(async () => {
  await db().$disconnect();
});

describe("GET /api/jitsi/conference/{id}", () => {
  it("is 404 for a room Jitsi holds right now, with the secret, and for every id around it: it lists nothing", async () => {
    const now = new Date();
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 16);
    const booked = await book({ from: "api", body: { name: "Maths 7b", start: tomorrow, timeZone: "UTC" } }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    // Opened early by its organizer, so Jitsi admits the room now.
    expect(await joinAsOrganizer(booked.conference.adminId, now, {})).toMatchObject({ status: "room" });
    const form = new URLSearchParams({ name: booked.conference.roomId, start_time: now.toISOString(), mail_owner: "focus@auth.meet.example.org" });
    const admitted = await POST(
      new Request(PREFIX, { method: "POST", body: form, headers: { ...prosody, "Content-Type": "application/x-www-form-urlencoded" } }),
    );
    expect(admitted.status).toBe(200);
    const { id } = (await admitted.json()) as { id: string };

    for (const asked of [id, String(Number(id) - 1), String(Number(id) + 1), "1", "abc"]) {
      const answer = await get(...byId(asked, { headers: prosody }));
      expect(answer.status, asked).toBe(404);
      const body = await answer.text();
      expect(JSON.parse(body)).toEqual({ message: "There is no such reservation." });
      expect(body).not.toContain(booked.conference.roomId);
    }
    expect((await get(...byId(id))).status).toBe(404);
  });

  it("leaves DELETE as it was: 200 for Prosody with the secret, 401 for anyone else", async () => {
    expect((await DELETE(new Request(`${PREFIX}/1`, { method: "DELETE", headers: prosody }))).status).toBe(200);
    expect((await DELETE(new Request(`${PREFIX}/1`, { method: "DELETE" }))).status).toBe(401);
  });
});
