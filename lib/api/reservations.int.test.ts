/**
 * Contract tests of the reservation API, replaying exactly what Prosody's mod_reservations sends (a
 * form encoded as its util.http does, the Bearer header of reservations_api_headers, the GET after a
 * 409 (always 404: Planado never answers 409), the DELETE when a room ends) over a conference's life,
 * on a real database, at moments the test chooses.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { book, remove } from "../conferences/operations";
import { findByAdminId } from "../conferences/store";
import { openEarly } from "../conferences/store";
import { handOutRoom } from "../conferences/room-hand-out";
import type { Conference } from "../conferences/conference";
import { sweep } from "../cleanup/run";
import { db } from "../db";
import { REFUSALS, UNBOOKED_SECONDS } from "../jitsi/reservations";
import type { Answer } from "../http/answer";
import { createReservation, endReservation, readReservation } from "./reservations";
import type { ReservationSettings } from "./reservations";

const SECRET = "prosody-reservations-secret-0123456789abcdef";
const settings: ReservationSettings = { secret: SECRET, allowUnbooked: false, window: { earlyJoinMinutes: 0, graceMinutes: 30 } };
const PREFIX = "https://planado.test/api/jitsi";

/** Prosody's util.http formencode: every byte but letters and digits as lower-case %xx, spaces as +. */
function formencode(fields: Record<string, string>): string {
  const encode = (text: string) =>
    [...Buffer.from(text, "utf8")]
      .map((byte) => (/[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : byte === 32 ? "+" : `%${byte.toString(16).padStart(2, "0")}`))
      .join("");
  return Object.entries(fields)
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join("&");
}

/** What mod_reservations sends when Jitsi is about to create `room` at `at`. */
function prosodyPost(room: string, at: Date, headers: Record<string, string> = { Authorization: `Bearer ${SECRET}` }) {
  const body = formencode({ name: room, start_time: at.toISOString().replace(/\.\d{3}Z$/, ".000Z"), mail_owner: "focus-7f3a@auth.meet.example.org" });
  return new Request(`${PREFIX}/conference`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "Prosody", ...headers },
  });
}

const prosody = (method: string, id: string | number) => new Request(`${PREFIX}/conference/${id}`, { method, headers: { Authorization: `Bearer ${SECRET}` } });

const bodyOf = (answer: Answer) => JSON.parse(String(answer.body)) as Record<string, unknown>;
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);
const seconds = (date: Date, n: number) => new Date(date.getTime() + n * 1000);

async function booked(start: string, extra: Record<string, unknown> = {}) {
  const outcome = await book(
    { from: "api", body: { name: "Maths 7b", start, timeZone: "UTC", durationMinutes: 60, ...extra } },
    new Date("2027-02-01T00:00:00Z"),
  );
  if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome.errors));
  return handedOut(outcome.conference);
}

/** Jitsi asks only about rooms somebody was sent to: each room here is handed out as it would be. */
async function handedOut<T extends Conference>(conference: T): Promise<T> {
  await handOutRoom(conference);
  return conference;
}

const logged: string[] = [];
beforeEach(() => {
  for (const method of ["log", "info", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.join(" ")));
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await db().$disconnect();
});

describe("over a conference's life", () => {
  it("refuses the room before its window, admits it within (until the end plus grace), refuses it after", async () => {
    const c = await booked("2027-03-01T10:00");
    const start = c.startsAt;
    // The window opens at the start (no early join here); Jitsi may hold the room a minute before, as its tokens allow.
    const early = await createReservation(prosodyPost(c.roomId, seconds(start, -61)), settings, seconds(start, -61));
    expect(early.status).toBe(403);
    expect(bodyOf(early)).toEqual({ message: REFUSALS.early });
    expect((await createReservation(prosodyPost(c.roomId, seconds(start, -59)), settings, seconds(start, -59))).status).toBe(200);

    const admitted = await createReservation(prosodyPost(c.roomId, minutes(start, 5)), settings, minutes(start, 5));
    expect(admitted.status).toBe(200);
    expect(admitted.headers["content-type"]).toBe("application/json");
    const reservation = bodyOf(admitted);
    expect(reservation).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: c.roomId,
      mail_owner: "focus-7f3a@auth.meet.example.org",
      start_time: "2027-03-01T10:00:00.000Z",
      duration: 90 * 60,
    });

    // Prosody would ask by id only after a 409, which Planado never answers: nothing to read there. When the room ends it says so.
    const again = readReservation();
    expect({ status: again.status, body: bodyOf(again) }).toEqual({ status: 404, body: { message: "There is no such reservation." } });
    expect((await endReservation(prosody("DELETE", reservation.id as string), settings)).status).toBe(200);

    const late = await createReservation(prosodyPost(c.roomId, minutes(start, 90)), settings, minutes(start, 90));
    expect({ status: late.status, body: bodyOf(late) }).toEqual({ status: 403, body: { message: REFUSALS.over } });
  });

  it("a series that rolled forward: the old room is refused, the new one admitted at its time", async () => {
    const c = await booked("2027-03-02T10:00", { repeat: { every: 1, unit: "week", count: 3 } });
    await sweep(new Date("2027-03-03T10:00:00Z"), 23);
    const next = await handedOut((await findByAdminId(c.adminId))!);
    expect(next.roomId).not.toBe(c.roomId);
    const at = minutes(next.startsAt, 1);
    for (const allowUnbooked of [false, true]) {
      const old = await createReservation(prosodyPost(c.roomId, at), { ...settings, allowUnbooked }, at);
      expect({ status: old.status, body: bodyOf(old) }).toEqual({ status: 403, body: { message: REFUSALS.over } });
    }
    expect((await createReservation(prosodyPost(next.roomId, at), settings, at)).status).toBe(200);
  });

  it("a series between meetings, before the sweep moved it on: Jitsi's question moves it on, the old room is over, the new one opens at its time", async () => {
    const c = await booked("2027-03-09T10:00", { repeat: { every: 1, unit: "week", count: 3 } });
    const nextStart = new Date("2027-03-16T10:00:00Z");
    const between = minutes(c.startsAt, 24 * 60);
    const old = await createReservation(prosodyPost(c.roomId, between), settings, between);
    expect({ status: old.status, body: bodyOf(old) }).toEqual({ status: 403, body: { message: REFUSALS.over } });
    // Moved on as the sweep would: the next meeting, a fresh room.
    const moved = await handedOut((await findByAdminId(c.adminId))!);
    expect({ startsAt: moved.startsAt, remaining: moved.remainingOccurrences }).toEqual({ startsAt: nextStart, remaining: 1 });
    expect(moved.roomId).not.toBe(c.roomId);
    expect((await createReservation(prosodyPost(moved.roomId, between), settings, between)).status).toBe(403);
    const admitted = await createReservation(prosodyPost(moved.roomId, minutes(nextStart, 1)), settings, minutes(nextStart, 1));
    expect(bodyOf(admitted)).toMatchObject({ start_time: nextStart.toISOString(), duration: 90 * 60 });
    // The old room stays refused, whenever.
    expect((await createReservation(prosodyPost(c.roomId, minutes(nextStart, 1)), settings, minutes(nextStart, 1))).status).toBe(403);
  });

  it("a deleted conference's room is refused, even where unbooked rooms are admitted", async () => {
    const c = await booked("2027-03-04T10:00");
    await remove(c.adminId);
    const at = minutes(c.startsAt, 1);
    const gone = await createReservation(prosodyPost(c.roomId, at), { ...settings, allowUnbooked: true }, at);
    expect({ status: gone.status, body: bodyOf(gone) }).toEqual({ status: 403, body: { message: REFUSALS.over } });
  });

  it("a room the organizer opened early with Join now is admitted from then on", async () => {
    const c = await booked("2027-03-05T10:00");
    const at = minutes(c.startsAt, -45);
    expect((await createReservation(prosodyPost(c.roomId, at), settings, at)).status).toBe(403);
    await openEarly(c.adminId, minutes(at, -1));
    expect((await createReservation(prosodyPost(c.roomId, at), settings, at)).status).toBe(200);
  });

  it("a room on a tenant's Jitsi: compared without the tenant and in any case, named back as sent", async () => {
    const c = await booked("2027-03-06T10:00");
    const at = minutes(c.startsAt, 2);
    const answer = await createReservation(prosodyPost(`[school]${c.roomId.toUpperCase()}`, at), settings, at);
    expect(answer.status).toBe(200);
    expect(bodyOf(answer).name).toBe(`[school]${c.roomId}`);
  });
});

describe("rooms Planado does not know", () => {
  it("include a conference's room nobody was sent to yet: the database holds no trace of it until then", async () => {
    const outcome = await book({ from: "api", body: { name: "Maths 7c", start: "2027-03-08T10:00", timeZone: "UTC" } }, new Date("2027-02-01T00:00:00Z"));
    if (outcome.status !== "saved") throw new Error(JSON.stringify(outcome.errors));
    const c = outcome.conference;
    const at = minutes(c.startsAt, 1);
    const unknown = await createReservation(prosodyPost(c.roomId, at), settings, at);
    expect({ status: unknown.status, body: bodyOf(unknown) }).toEqual({ status: 403, body: { message: REFUSALS.unbooked } });
    await handOutRoom(c);
    expect((await createReservation(prosodyPost(c.roomId, at), settings, at)).status).toBe(200);
  });

  it("are refused, unless the operator admits unbooked rooms (then for a generous day)", async () => {
    const at = new Date("2027-03-07T10:00:00Z");
    const refused = await createReservation(prosodyPost("teamcoffee", at), settings, at);
    expect({ status: refused.status, body: bodyOf(refused) }).toEqual({ status: 403, body: { message: REFUSALS.unbooked } });
    const admitted = await createReservation(prosodyPost("teamcoffee", at), { ...settings, allowUnbooked: true }, at);
    expect(admitted.status).toBe(200);
    expect(bodyOf(admitted)).toMatchObject({ name: "teamcoffee", duration: UNBOOKED_SECONDS, id: expect.stringMatching(/^unbooked-[0-9a-f]{16}$/) });
    expect(bodyOf(admitted)).not.toHaveProperty("max_occupants"); // optional fields are left out, never null
  });
});

describe("who may ask, and how", () => {
  it("only Prosody with the secret (401 otherwise); nothing at all while the secret is unset (404)", async () => {
    const at = new Date("2027-03-08T10:00:00Z");
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer wrong" }, { Authorization: SECRET }, { Authorization: `Basic ${SECRET}` }];
    for (const headers of attempts) {
      expect((await createReservation(prosodyPost("room", at, headers), settings, at)).status, JSON.stringify(headers)).toBe(401);
    }
    expect((await endReservation(new Request(`${PREFIX}/conference/1`, { method: "DELETE" }), settings)).status).toBe(401);
    const off = { ...settings, secret: undefined };
    expect((await createReservation(prosodyPost("room", at), off, at)).status).toBe(404);
    expect(readReservation().status).toBe(404);
    expect((await endReservation(prosody("DELETE", 1), off)).status).toBe(404);
  });

  it("explains bad requests with a clear 400, never a stack trace", async () => {
    const at = new Date("2027-03-08T10:00:00Z");
    const post = (body: string, type = "application/x-www-form-urlencoded") =>
      createReservation(
        new Request(`${PREFIX}/conference`, { method: "POST", body, headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": type } }),
        settings,
        at,
      );
    const cases: [Promise<Answer>, RegExp][] = [
      [post("start_time=2027-03-08T10%3a00%3a00.000Z"), /name is missing/],
      [post("name=room&start_time=yesterday"), /start_time must be/],
      [post("name=room"), /start_time is missing/],
      [post(JSON.stringify({ name: "room", start_time: "2027-03-08T10:00:00.000Z" }), "application/json"), /x-www-form-urlencoded/],
      [post(`name=${"r".repeat(5000)}&start_time=2027-03-08T10%3a00%3a00.000Z`), /too large/],
    ];
    for (const [pending, text] of cases) {
      const answer = await pending;
      expect(answer.status).toBe(400);
      expect(bodyOf(answer).message).toMatch(text);
      expect(String(answer.body)).not.toMatch(/at .+:\d+:\d+/);
    }
  });
});

describe("privacy", () => {
  it("keeps nothing of mail_owner: not in the database, not in the logs", async () => {
    const c = await booked("2027-03-09T10:00");
    const at = minutes(c.startsAt, 1);
    const owner = "only-in-this-request-3b1f@meet.example.org";
    const body = formencode({ name: c.roomId, start_time: at.toISOString(), mail_owner: owner });
    const request = new Request(`${PREFIX}/conference`, {
      method: "POST",
      body,
      headers: { Authorization: `Bearer ${SECRET}`, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect((await createReservation(request, settings, at)).status).toBe(200);
    for (const table of ["conferences", "retired_rooms", "server_key"]) {
      const rows = await db().$queryRawUnsafe<unknown[]>(`SELECT * FROM ${table}`);
      expect(
        JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v)),
      ).not.toContain("only-in-this-request");
    }
    expect(logged.join("\n")).not.toContain("only-in-this-request");
  });
});
