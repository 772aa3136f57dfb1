/** Shared steps of the end-to-end tests: booking through the form, the stand-in Jitsi, the database. */
import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { JITSI } from "./jitsi-stub";
import { query } from "./database";
import { deriveKeys, invitationIdFor, nameSignature, roomIdFor } from "../../lib/keys/derive";
import { E2E_SECRET } from "./settings";

/**
 * Headers that make the test a client of its own (the address a reverse proxy would append; the
 * test connects from loopback, a trusted proxy), so tests on a server with low limits do not share
 * them.
 */
export function ownClient(): Record<string, string> {
  const byte = () => randomBytes(1)[0]!;
  // The client is an IPv6 /64 of its own (2^32 of them: two tests never share one, where a random
  // IPv4 address among 256 sometimes did), behind a proxy on a private network.
  const group = () => randomBytes(2).toString("hex");
  return { "X-Forwarded-For": `2001:db8:${group()}:${group()}::1, 10.${byte()}.${byte()}.${byte()}` };
}

/** Checks that the browser arrived in the room on the stand-in Jitsi server, with no Referer or our origin alone (never a link). */
export async function expectInRoom(page: Page, roomId: string, options: { timeout?: number } = {}) {
  await expect(page).toHaveURL(`${JITSI}/${roomId}`, options);
  await expect(page.locator("#room")).toHaveText(`/${roomId}`);
  await expect(page.locator("#referer")).toHaveText(/^(none|https?:\/\/[^/?#]+\/)$/);
}

export interface BookingDetails {
  name: string;
  date: string;
  time: string;
  timeZone: string;
  repeat?: string;
  occurrences?: string;
}

/** A date some days ahead, as the form wants it. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function fillBooking(page: Page, d: BookingDetails) {
  await page.getByLabel("Name of the conference").fill(d.name);
  await page.getByLabel("Date").fill(d.date);
  await page.getByLabel("Start time").fill(d.time);
  await page.getByLabel("Time zone").selectOption(d.timeZone);
  if (d.repeat) await page.getByLabel("Repeat", { exact: true }).selectOption(d.repeat);
  if (d.occurrences) await page.getByLabel("Number of meetings").fill(d.occurrences);
}

/** Books through the form and returns the admin id from the page it lands on. */
export async function book(page: Page, d: BookingDetails): Promise<string> {
  await page.goto("/");
  await fillBooking(page, d);
  await page.getByRole("button", { name: "Book the conference" }).click();
  await expect(page).toHaveURL(/\/a\/[a-z2-7]{26}\?/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

export interface Row {
  invitation_id: string;
  admin_id: string;
  room_id: string;
  starts_at: string;
  local_start: string;
  time_zone: string;
  duration_minutes: number;
  repeat_every: number | null;
  repeat_unit: string | null;
  remaining_occurrences: number;
  revision: number;
}

/** SQL that finds a conference's row by its admin id (the table holds only its hash). */
export const BY_ADMIN = "admin_hash = UNHEX(SHA2(?, 256))";

const keys = deriveKeys(E2E_SECRET);

/**
 * A conference's row, with the ids the table does not hold derived as the servers derive them (the
 * tests share the servers' secret).
 */
export async function rowByAdmin(adminId: string): Promise<Row | undefined> {
  const rows = await query<(Omit<Row, "invitation_id" | "admin_id" | "room_id"> & { room_generation: number })[]>(
    `SELECT room_generation, DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%sZ') AS starts_at,
            DATE_FORMAT(local_start, '%Y-%m-%dT%H:%i') AS local_start, time_zone, duration_minutes, repeat_every,
            repeat_unit, remaining_occurrences, revision
       FROM conferences WHERE ${BY_ADMIN}`,
    [adminId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { room_generation: generation, ...rest } = row;
  const invitationId = invitationIdFor(keys, adminId);
  return { invitation_id: invitationId, admin_id: adminId, room_id: roomIdFor(keys, invitationId, Number(generation)), ...rest };
}

/** An invitation link's path as Planado hands it out: the name with its signature (see lib/conferences/links.ts). */
export function invitationPath(invitationId: string, name?: string): string {
  if (!name) return `/i/${invitationId}`;
  return `/i/${invitationId}?${new URLSearchParams({ n: name, sig: nameSignature(keys, invitationId, name) })}`;
}

/** Moves a conference's start relative to the database's clock (the server's clock, here). */
export async function moveStart(adminId: string, secondsFromNow: number) {
  await query(`UPDATE conferences SET starts_at = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE ${BY_ADMIN}`, [secondsFromNow, adminId]);
}

export async function countInZone(timeZone: string): Promise<number> {
  const [row] = await query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM conferences WHERE time_zone = ?", [timeZone]);
  return Number(row!.n);
}

export interface Booked {
  adminId: string;
  invitationId: string;
}

/** Books through the JSON API (quicker than the form, for tests about the pages that follow). */
export async function bookViaApi(
  request: APIRequestContext,
  booking: { name: string; start?: string; timeZone?: string; repeat?: { every: number; unit: "day" | "week" | "month" | "year"; count: number } },
): Promise<Booked> {
  const response = await request.post("/api/v1/conferences", {
    data: { start: `${daysAhead(7)}T09:00`, timeZone: "Europe/Berlin", durationMinutes: 60, ...booking },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { adminId, invitationId } = (await response.json()) as Booked;
  return { adminId, invitationId };
}
