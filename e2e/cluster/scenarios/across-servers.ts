/**
 * galera.spec.ts's first test: one conference through every door, booked through one server and
 * served, changed and deleted through the other; a started one opens the same room on both.
 */
import { expect, test } from "@playwright/test";
import type { ConferenceResource } from "../../../lib/api/resources";
import { hashId, invitationIdFor, roomIdFor } from "../../../lib/keys/derive";
import type { ClusterRun } from "../support/cluster-run";
import { sql, sqlWrite } from "../support/direct-sql";
import type { PlanadoServer } from "../support/planado-servers";
import { daysAhead, pathOf, PROBLEM_JSON, request } from "../support/requests";
import type { BookingRequest } from "../support/requests";
import { JITSI_STUB, keys } from "../support/shared-settings";

export async function everyDoorAcrossServers({ bothServers, node }: ClusterRun): Promise<void> {
  test.setTimeout(60_000);
  const [a, b] = bothServers();
  const name = "Cluster sync";
  const booked = await request(a.base, "POST", "/api/v1/conferences", {
    json: {
      name,
      start: `${daysAhead(5)}T10:00`,
      timeZone: "Europe/Berlin",
      durationMinutes: 45,
      repeat: { every: 1, unit: "week", count: 3 },
    } satisfies BookingRequest,
  });
  expect(booked.status, `booking through A: ${booked.text}`).toBe(201);
  const conference = booked.json as ConferenceResource;
  // The servers derive ids from the shared secret, as the tests do.
  expect(conference.invitationId, "the invitation id A handed out is the one derived from the shared secret").toBe(invitationIdFor(keys, conference.adminId));

  // Participants through B, right after the booking through A: no waiting for replication.
  const waitPage = await request(b.base, "GET", pathOf(conference.links.invitation));
  expect.soft(waitPage.status, "B's wait page for a conference booked through A a moment ago").toBe(200);
  expect.soft(waitPage.text, "B's wait page shows the signed name").toContain(name);
  expect.soft(waitPage.text).toContain("Please wait");
  const status = await request(b.base, "GET", `/api/v1/invitations/${conference.invitationId}`);
  expect.soft(status.status, `B's invitation status: ${status.text}`).toBe(200);
  expect.soft(status.json).toEqual({ status: "waiting", startsAt: conference.startsAt, secondsToStart: expect.any(Number) });

  // The organizer changes it through B (If-Match: the revision A answered) and reads it back through A.
  const self = `/api/v1/conferences/${conference.adminId}`;
  const newStart = `${daysAhead(6)}T11:30`;
  const patched = await request(b.base, "PATCH", self, {
    headers: { "If-Match": `"r${conference.revision}"` },
    json: { start: newStart, durationMinutes: 30 },
  });
  expect(patched.status, `PATCH via B right after booking via A: ${patched.text}`).toBe(200);
  expect(patched.headers.get("etag")).toBe(`"r${conference.revision + 1}"`);
  const readBack = await request(a.base, "GET", self);
  expect(readBack.status, `GET via A after the PATCH via B: ${readBack.text}`).toBe(200);
  expect(readBack.json, "A sees B's change at once").toMatchObject({ start: newStart, durationMinutes: 30, revision: conference.revision + 1 });

  // Calendar links are signed with a key derived from the shared secret: A's links work on B.
  const file = await request(b.base, "GET", pathOf(conference.links.calendar));
  expect.soft(file.status, `A's calendar file link, downloaded from B: ${file.text.slice(0, 300)}`).toBe(200);
  expect.soft(file.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect.soft(file.text).toContain("BEGIN:VEVENT");
  const feed = await request(b.base, "GET", pathOf(conference.links.subscription));
  expect.soft(feed.status, `A's subscription feed, read from B: ${feed.text.slice(0, 300)}`).toBe(200);
  expect.soft(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect.soft(feed.text, "the feed follows the change").toContain(`DTSTART;TZID=Europe/Berlin:${newStart.replace(/[-:]/g, "")}00`);

  // Deleted through B: gone through A, for the organizer and for participants.
  const deleted = await request(b.base, "DELETE", self);
  expect(deleted.status, `DELETE via B: ${deleted.text}`).toBe(204);
  const gone = await request(a.base, "GET", self);
  expect(gone.status, `GET via A after the DELETE via B: ${gone.text}`).toBe(404);
  expect(gone.headers.get("content-type")).toBe(PROBLEM_JSON);
  expect(gone.json).toMatchObject({ type: "urn:planado:problem:not-found" });
  expect.soft((await request(a.base, "GET", pathOf(conference.links.invitation))).status, "A's invitation page after the DELETE via B").toBe(404);
  expect
    .soft((await request(a.base, "GET", `/api/v1/invitations/${conference.invitationId}`)).status, "A's invitation status after the DELETE via B")
    .toBe(404);
  expect
    .soft((await request(a.base, "GET", pathOf(conference.links.subscription))).text, "the feed of a deleted conference is empty")
    .not.toContain("BEGIN:VEVENT");

  // A conference that has started (moved into the past in SQL on node 3, behind both servers' backs)
  // sends participants to one room, whichever server they reach.
  const started = await request(a.base, "POST", "/api/v1/conferences", {
    json: { name: "Started", start: `${daysAhead(2)}T09:00`, timeZone: "UTC", durationMinutes: 60 },
  });
  expect(started.status, started.text).toBe(201);
  const { adminId, invitationId } = started.json as ConferenceResource;
  await sqlWrite(node("node3").coordinates, "UPDATE conferences SET starts_at = UTC_TIMESTAMP() - INTERVAL 60 SECOND WHERE admin_hash = ?", [
    Buffer.from(hashId(adminId)),
  ]);
  const [row] = await sql<{ room_generation: number }[]>(node("node3").coordinates, "SELECT room_generation FROM conferences WHERE admin_hash = ?", [
    Buffer.from(hashId(adminId)),
  ]);
  const room = `${JITSI_STUB}/${roomIdFor(keys, invitationId, Number(row!.room_generation))}`;
  // The SQL change is not an acknowledged write of the app: allow node 1 and 2 a moment to apply it.
  const roomOn = async (server: PlanadoServer) => {
    const visit = await request(server.base, "GET", `/i/${invitationId}`, { redirect: "manual" });
    return visit.status >= 300 && visit.status < 400 ? visit.headers.get("location") : `${visit.status} (no redirect)`;
  };
  await expect.poll(() => roomOn(a), { message: "A sends participants of the started conference to its room", timeout: 5_000 }).toBe(room);
  await expect.poll(() => roomOn(b), { message: "B sends them to the same room", timeout: 5_000 }).toBe(room);
  for (const server of [a, b]) {
    expect
      .soft((await request(server.base, "GET", `/api/v1/invitations/${invitationId}`)).json, `server ${server.name}'s invitation status`)
      .toEqual({ status: "open", roomUrl: room });
  }
}
