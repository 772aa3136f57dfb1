/** The JSON API against the running build: every endpoint and every error status. */
import { expect, test } from "@playwright/test";
import type { APIRequestContext } from "@playwright/test";
import { query } from "../support/database";
import { BY_ADMIN, countInZone, daysAhead, fillBooking, invitationPath, moveStart, rowByAdmin } from "../support/planado";
import { JITSI } from "../support/jitsi-stub";

const ID = /^[a-z2-7]{26}$/;
const json = { "Content-Type": "application/json" };

function booking(overrides: Record<string, unknown> = {}) {
  return {
    name: "API sync",
    start: `${daysAhead(9)}T09:00`,
    timeZone: "Europe/Berlin",
    durationMinutes: 45,
    repeat: { every: 1, unit: "week", count: 4 },
    ...overrides,
  };
}

async function create(request: APIRequestContext, body: unknown = booking()) {
  const response = await request.post("/api/v1/conferences", { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return { response, resource: await response.json() };
}

async function expectProblem(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, type: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  const body = (await response.json()) as { type: string; title: string; status: number; errors: Record<string, string[]> };
  expect(body).toMatchObject({ type: `urn:planado:problem:${type}`, status });
  expect(typeof body.title).toBe("string");
  return body;
}

test("POST /conferences books, answers 201 with the resource and a Location, and stores no name", async ({ request, baseURL }) => {
  const { response, resource } = await create(request);
  expect(resource).toMatchObject({
    start: `${daysAhead(9)}T09:00`,
    timeZone: "Europe/Berlin",
    durationMinutes: 45,
    repeat: { every: 1, unit: "week", count: 4 },
    remaining: 3,
    revision: 1,
  });
  expect(resource.adminId).toMatch(ID);
  expect(resource.invitationId).toMatch(ID);
  expect(new Date(resource.startsAt).toISOString()).toBe(resource.startsAt);
  expect(response.headers()["location"]).toBe(`${baseURL}/api/v1/conferences/${resource.adminId}`);
  expect(response.headers()["etag"]).toBe('"r1"');
  expect(resource.links).toEqual({
    self: `${baseURL}/api/v1/conferences/${resource.adminId}`,
    invitation: `${baseURL}${invitationPath(resource.invitationId, "API sync")}`,
    admin: `${baseURL}/a/${resource.adminId}?n=API+sync`,
    calendar: expect.stringMatching(new RegExp(`^${baseURL}/calendar/api-sync\\.ics\\?n=API\\+sync&`)),
    subscription: expect.stringMatching(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/feed\/[a-z2-7]{26}\.ics\?n=API\+sync&sig=/),
  });
  const row = (await rowByAdmin(resource.adminId))!;
  expect(JSON.stringify(resource)).not.toContain(row.room_id);
  expect(JSON.stringify(row)).not.toContain("API sync");
  // The calendar link works.
  expect((await request.get(resource.links.calendar)).headers()["content-type"]).toBe("text/calendar; charset=utf-8");
});

test('POST with start "now" opens at once; the invitation endpoint then gives the room', async ({ request }) => {
  const { resource } = await create(request, { name: "Now", start: "now", timeZone: "UTC" });
  const row = (await rowByAdmin(resource.adminId))!;
  const invitation = await request.get(`/api/v1/invitations/${resource.invitationId}`);
  expect(await invitation.json()).toEqual({ status: "open", roomUrl: `${JITSI}/${row.room_id}` });
});

test("GET /invitations/{id} waits without revealing the room, then opens", async ({ request }) => {
  const { resource } = await create(request);
  const row = (await rowByAdmin(resource.adminId))!;
  const waiting = await request.get(`/api/v1/invitations/${resource.invitationId}`);
  expect(waiting.status()).toBe(200);
  const body = await waiting.json();
  expect(body).toEqual({ status: "waiting", startsAt: resource.startsAt, secondsToStart: expect.any(Number) });
  expect(body.secondsToStart).toBeGreaterThan(7 * 86_400);
  expect(await waiting.text()).not.toContain(row.room_id);

  await moveStart(resource.adminId, -5);
  expect(await (await request.get(`/api/v1/invitations/${resource.invitationId}`)).json()).toEqual({ status: "open", roomUrl: `${JITSI}/${row.room_id}` });
});

test("validation errors come back per field as 422 problem details, and nothing is written", async ({ request }) => {
  const response = await request.post("/api/v1/conferences", {
    data: { name: "", start: "2020-01-01T09:00", timeZone: "Pacific/Kiritimati", repeat: { every: 1, unit: "week", count: 1 } },
  });
  const problem = await expectProblem(response, 422, "validation");
  expect(Object.keys(problem.errors).sort()).toEqual(["name", "repeat.count"]);
  const past = await expectProblem(
    await request.post("/api/v1/conferences", { data: booking({ start: "2020-01-01T09:00", timeZone: "Pacific/Kiritimati" }) }),
    422,
    "validation",
  );
  expect(past.errors).toEqual({ start: ["That time has already passed. Choose a time in the future, or open a room now."] });
  const unknown = await expectProblem(
    await request.post("/api/v1/conferences", { data: { ...booking({ timeZone: "Pacific/Kiritimati" }), roomId: "mine" } }),
    422,
    "validation",
  );
  expect(unknown.errors).toEqual({ roomId: ["Unknown field."] });
  await expectProblem(await request.post("/api/v1/conferences", { data: [booking()] }), 422, "validation");
  expect(await countInZone("Pacific/Kiritimati")).toBe(0);
});

test("wrong method, media type, size or JSON get 405, 415, 413 and 400", async ({ request }) => {
  const notAllowed = await request.get("/api/v1/conferences");
  await expectProblem(notAllowed, 405, "method-not-allowed");
  expect(notAllowed.headers()["allow"]).toBe("POST, OPTIONS");
  expect((await request.put("/api/v1/invitations/abcdefghijklmnopqrstuvwxyz")).status()).toBe(405);
  await expectProblem(
    await request.post("/api/v1/conferences", { headers: { "Content-Type": "text/plain" }, data: Buffer.from(JSON.stringify(booking())) }),
    415,
    "unsupported-media-type",
  );
  await expectProblem(
    await request.post("/api/v1/conferences", { headers: json, data: Buffer.from(JSON.stringify({ ...booking(), name: "x".repeat(17_000) })) }),
    413,
    "body-too-large",
  );
  await expectProblem(await request.post("/api/v1/conferences", { headers: json, data: Buffer.from("{ not json") }), 400, "invalid-json");
});

test("GET, PATCH and DELETE /conferences/{adminId}", async ({ request }) => {
  const { resource } = await create(request);
  const self = `/api/v1/conferences/${resource.adminId}`;

  const read = await request.get(`${self}?name=API+sync`);
  expect(read.headers()["etag"]).toBe('"r1"');
  expect(await read.json()).toEqual(resource);

  const changed = await request.patch(self, { headers: { "If-Match": '"r1"' }, data: { start: `${daysAhead(10)}T11:30`, repeat: null } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).toBe('"r2"');
  expect(await changed.json()).toMatchObject({
    start: `${daysAhead(10)}T11:30`,
    timeZone: "Europe/Berlin",
    durationMinutes: 45,
    repeat: null,
    remaining: 0,
    revision: 2,
  });

  // A new zone alone keeps the wall-clock start.
  const zoned = await (await request.patch(self, { data: { timeZone: "America/New_York" } })).json();
  expect(zoned).toMatchObject({ start: `${daysAhead(10)}T11:30`, timeZone: "America/New_York", revision: 3 });

  await expectProblem(await request.patch(self, { headers: { "If-Match": '"r1"' }, data: { durationMinutes: 30 } }), 412, "precondition-failed");
  const invalid = await expectProblem(await request.patch(self, { data: { durationMinutes: 0, colour: "red" } }), 422, "validation");
  expect(invalid.errors).toEqual({ colour: ["Unknown field."] });
  expect((await expectProblem(await request.patch(self, { data: { durationMinutes: 0 } }), 422, "validation")).errors).toEqual({
    durationMinutes: ["Enter a duration from 5 to 1440 minutes."],
  });
  expect(await rowByAdmin(resource.adminId)).toMatchObject({ revision: 3, duration_minutes: 45 });

  const deleted = await request.delete(self);
  expect(deleted.status()).toBe(204);
  await expectProblem(await request.delete(self), 404, "not-found");
  await expectProblem(await request.get(self), 404, "not-found");
});

test("unknown and malformed ids get the same 404 problem", async ({ request }) => {
  const bodies = [];
  for (const path of [
    "/api/v1/conferences/abcdefghijklmnopqrstuvwxyz",
    "/api/v1/conferences/not-an-id",
    "/api/v1/invitations/abcdefghijklmnopqrstuvwxyz",
    "/api/v1/invitations/%27%20OR%201%3D1",
  ]) {
    bodies.push(await expectProblem(await request.get(path), 404, "not-found"));
  }
  expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  // An invitation id is not an admin id.
  const { resource } = await create(request);
  await expectProblem(await request.get(`/api/v1/conferences/${resource.invitationId}`), 404, "not-found");
  await expectProblem(await request.delete(`/api/v1/conferences/${resource.invitationId}`), 404, "not-found");
});

test("the OpenAPI document is served", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document).toMatchObject({ openapi: "3.1.0", servers: [{ url: `${baseURL}/api/v1` }] });
  expect(Object.keys(document.paths).sort()).toEqual(["/conferences", "/conferences/{adminId}", "/invitations/{invitationId}", "/openapi.json"]);
});

test("the API and the booking form store identical rows for identical input", async ({ page, request }) => {
  const date = daysAhead(11);
  await page.goto("/");
  await fillBooking(page, { name: "Twin", date, time: "16:45", timeZone: "Asia/Kathmandu", repeat: "biweekly", occurrences: "5" });
  await page.getByLabel("Duration").selectOption("90");
  await page.getByRole("button", { name: "Book the conference" }).click();
  await expect(page).toHaveURL(/\/a\//);
  const fromForm = (await rowByAdmin(new URL(page.url()).pathname.split("/")[2]!))!;

  const { resource } = await create(request, {
    name: "Twin",
    start: `${date}T16:45`,
    timeZone: "Asia/Kathmandu",
    durationMinutes: 90,
    repeat: { every: 2, unit: "week", count: 5 },
  });
  const fromApi = (await rowByAdmin(resource.adminId))!;
  const schedule = ({ invitation_id: _i, admin_id: _a, room_id: _r, ...rest }: typeof fromForm) => rest;
  expect(schedule(fromApi)).toEqual(schedule(fromForm));
  const [count] = await query<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM conferences WHERE ${BY_ADMIN} OR ${BY_ADMIN}`, [fromForm.admin_id, fromApi.admin_id]);
  expect(Number(count!.n)).toBe(2);
});
