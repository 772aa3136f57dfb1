/**
 * On an operator's own Jitsi that enforces bookings (reservations, tokens, the name shown): a
 * participant goes from the wait page to the room with a token for the booking window, the organizer
 * goes in early as moderator through "Join now", and Jitsi's reservation hook (asked over HTTP, as
 * Prosody asks) admits the room only once it is open. Tokens are checked with an independent JWT
 * library (jose).
 */
import { expect, test } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { jwtVerify } from "jose";
import { ENFORCING_JITSI, ENFORCING_PORT } from "./support/settings";
import { query } from "./support/database";
import { BY_ADMIN, bookViaApi, invitationPath, moveStart, rowByAdmin } from "./support/planado";
import { JITSI } from "./support/jitsi-stub";

const enforcing = `http://127.0.0.1:${ENFORCING_PORT}`;
const GRACE_MINUTES = 30;
const secret = new TextEncoder().encode(ENFORCING_JITSI.JITSI_JWT_SECRET);

test.use({ baseURL: enforcing });

/** The token a room link carries, after checking the link's shape: the room, a token, the name in the fragment only. */
async function arrivedWithToken(page: Page, roomId: string, name: string) {
  await expect(page).toHaveURL(new RegExp(`^${JITSI}/${roomId}\\?jwt=[\\w-]+\\.[\\w-]+\\.[\\w-]+#`), { timeout: 15_000 });
  const url = new URL(page.url());
  expect(url.hash).toBe(`#config.localSubject=${encodeURIComponent(JSON.stringify(name))}`);
  // What reached the (stand-in) Jitsi server: the room and the token, never the fragment with the name.
  await expect(page.locator("#room")).toHaveText(`/${roomId}${url.search}`);
  await expect(page.locator("#referer")).toHaveText(/^(none|https?:\/\/[^/?#]+\/)$/);
  const token = url.searchParams.get("jwt")!;
  const { payload, protectedHeader } = await jwtVerify(token, secret, {
    algorithms: ["HS256"],
    issuer: ENFORCING_JITSI.JITSI_JWT_APP_ID,
    audience: "jitsi",
    subject: ENFORCING_JITSI.JITSI_JWT_SUBJECT,
  });
  expect(protectedHeader).toEqual({ alg: "HS256", typ: "JWT" });
  expect(payload.room).toBe(roomId);
  return payload;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** Asks Planado about a room as Prosody's mod_reservations does when someone creates it. */
function askAsJitsi(request: APIRequestContext, room: string) {
  return request.post("/api/jitsi/conference", {
    headers: { Authorization: `Bearer ${ENFORCING_JITSI.JITSI_RESERVATIONS_SECRET}` },
    form: { name: room, start_time: new Date().toISOString(), mail_owner: "e2e-owner@meet.example.org" },
  });
}

test("a participant waits, then reaches the room with a token for the booking window and the name shown in the room", async ({ page }) => {
  const name = "Physics 7b";
  const { adminId, invitationId } = await bookViaApi(page.request, { name });
  // Before the start Jitsi refuses the room, whoever learned its name (here: the tests, with the
  // server's secret; nobody else can): Planado keeps no trace of a room before it sends someone there.
  const early = await askAsJitsi(page.request, (await rowByAdmin(adminId))!.room_id);
  expect(early.status()).toBe(403);
  expect(await early.json()).toEqual({ message: expect.stringMatching(/not booked/) });

  // A start a few seconds away (time enough for a busy machine to show the wait page first).
  await moveStart(adminId, 8);
  const row = (await rowByAdmin(adminId))!;

  await page.goto(invitationPath(invitationId, name));
  await expect(page.getByText("Please wait")).toBeVisible();
  const payload = await arrivedWithToken(page, row.room_id, name);

  // Valid from the opening (a minute early for clocks that differ) to the booked end plus the grace period.
  expect(payload.nbf).toBe(seconds(row.starts_at) - 60);
  expect(payload.exp).toBe(seconds(row.starts_at) + (row.duration_minutes + GRACE_MINUTES) * 60);
  // A participant is nobody in particular: no moderator, no name, no e-mail.
  expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "iss", "nbf", "room", "sub"]);

  // Now Jitsi admits the room, until the window's end.
  const open = await askAsJitsi(page.request, row.room_id);
  expect(open.status()).toBe(200);
  expect(await open.json()).toMatchObject({
    name: row.room_id,
    start_time: new Date(row.starts_at).toISOString(),
    duration: (row.duration_minutes + GRACE_MINUTES) * 60,
  });
});

test("the organizer goes in early through Join now, as moderator, and Jitsi then admits the room", async ({ page }) => {
  const name = "Staff meeting";
  const { adminId } = await bookViaApi(page.request, { name });
  const row = (await rowByAdmin(adminId))!;
  expect(Date.parse(row.starts_at)).toBeGreaterThan(Date.now() + 86_400_000);
  expect((await askAsJitsi(page.request, row.room_id)).status()).toBe(403);

  // A GET of Join now's address (a chat app's link preview, a prefetch, an old bookmark) opens nothing.
  const query = `?${new URLSearchParams({ n: name })}`;
  const preview = await page.request.get(`/a/${adminId}/join${query}`, { maxRedirects: 0 });
  expect(preview.status()).toBe(303);
  expect(preview.headers()["location"]).toBe(`/a/${adminId}${query}`);
  expect((await askAsJitsi(page.request, row.room_id)).status()).toBe(403);

  await page.goto(`/a/${adminId}${query}`);
  const before = Math.floor(Date.now() / 1000);
  await page.getByRole("button", { name: "Join now" }).click();
  const payload = await arrivedWithToken(page, row.room_id, name);
  expect(payload.context).toEqual({ user: { moderator: true, affiliation: "owner" } });
  // Opened now (less a minute for clocks), still ending at the booked end plus the grace period.
  expect(payload.nbf).toBeGreaterThanOrEqual(before - 60 - 1);
  expect(payload.nbf).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) - 60);
  expect(payload.exp).toBe(seconds(row.starts_at) + (row.duration_minutes + GRACE_MINUTES) * 60);

  const admitted = await askAsJitsi(page.request, row.room_id.toUpperCase());
  expect(admitted.status()).toBe(200);
  const reservation = (await admitted.json()) as { id: string; name: string };
  expect(reservation.name).toBe(row.room_id);
  // Prosody would ask by id only after a 409, which Planado never answers: even with the secret, a
  // reservation id reads nothing (no listing of rooms by counting ids). It tells when the room ended.
  const headers = { Authorization: `Bearer ${ENFORCING_JITSI.JITSI_RESERVATIONS_SECRET}` };
  const again = await page.request.get(`/api/jitsi/conference/${reservation.id}`, { headers });
  expect(again.status()).toBe(404);
  expect(await again.text()).not.toContain(row.room_id);
  expect((await page.request.delete(`/api/jitsi/conference/${reservation.id}`, { headers })).status()).toBe(200);
  // Without the secret, nobody else may ask.
  expect((await page.request.post("/api/jitsi/conference", { form: { name: row.room_id, start_time: new Date().toISOString() } })).status()).toBe(401);
});

test("once the booking window is over, the invitation no longer leads to the room", async ({ page }) => {
  const { adminId, invitationId } = await bookViaApi(page.request, { name: "Done" });
  const row = (await rowByAdmin(adminId))!;
  await moveStart(adminId, -(row.duration_minutes + GRACE_MINUTES) * 60 - 5);
  const response = await page.goto(invitationPath(invitationId, "Done"));
  expect(response!.status()).toBe(404);
  expect(page.url()).not.toContain(JITSI);
  expect((await askAsJitsi(page.request, row.room_id)).status()).toBe(403);
  // The organizer's Join now says so instead of sending them to a room Jitsi refuses.
  await page.goto(`/a/${adminId}`);
  await page.getByRole("button", { name: "Join now" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${adminId}\\?over=1$`));
  await expect(page.getByRole("status").filter({ hasText: "This meeting is over" })).toBeVisible();
  // On a Jitsi that does not enforce bookings (the main test server) the room stays reachable.
  await page.goto(`http://127.0.0.1:${ENFORCING_PORT - 4}/i/${invitationId}`);
  await expect(page).toHaveURL(`${JITSI}/${row.room_id}`);
});

test("between the meetings of a series, the invitation moves it on to the next one at once, with a fresh room, and waits for it", async ({ page }) => {
  const response = await page.request.post("/api/v1/conferences", {
    data: { name: "Choir", start: "2027-06-01T09:00", timeZone: "UTC", durationMinutes: 60, repeat: { every: 1, unit: "week", count: 4 } },
  });
  expect(response.status()).toBe(201);
  const { adminId, invitationId } = (await response.json()) as { adminId: string; invitationId: string };
  // The last meeting's window ended a minute ago; the sweep would move the series on only hours later.
  // (On a whole minute, as every start is; a series steps from its wall-clock start: in UTC, the start.)
  await query(
    `UPDATE conferences SET starts_at = DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL ? MINUTE, '%Y-%m-%d %H:%i:00'), local_start = starts_at WHERE ${BY_ADMIN}`,
    [60 + GRACE_MINUTES + 2, adminId],
  );
  const row = (await rowByAdmin(adminId))!;
  const next = new Date(Date.parse(row.starts_at) + 7 * 86_400_000);
  await page.goto(invitationPath(invitationId, "Choir"));
  await expect(page.getByText("Please wait")).toBeVisible();
  await expect(page.getByTestId("countdown")).toHaveText(/^6 days/);
  const status = await page.request.get(`/api/v1/invitations/${invitationId}`);
  expect(await status.json()).toMatchObject({ status: "waiting", startsAt: next.toISOString() });
  const moved = (await rowByAdmin(adminId))!;
  expect(moved.starts_at).toBe(next.toISOString().replace(".000", ""));
  expect(moved.room_id).not.toBe(row.room_id);
  expect((await askAsJitsi(page.request, row.room_id)).status()).toBe(403);
});
