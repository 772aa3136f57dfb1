/**
 * galera.spec.ts's second test: both servers sweep due conferences through different nodes while
 * admins edit and people book; every node must then hold what the sweeps and the edits promise.
 */
import { expect, test } from "@playwright/test";
import type { ConferenceResource } from "../../../lib/api/resources";
import { hashId, roomIdFor } from "../../../lib/keys/derive";
import { log } from "../support/cluster-run";
import type { ClusterRun } from "../support/cluster-run";
import { conferencesOn, hexHash, sql, sqlDateTime, sqlWrite } from "../support/direct-sql";
import { eachLimited, rhythm, untilMoment, waitFor } from "../support/pacing";
import { logSince, logSize, retriedWrites } from "../support/planado-servers";
import { daysAhead, request } from "../support/requests";
import type { BookingRequest } from "../support/requests";
import { CLEANUP_AFTER_HOURS, keys, SWEEP_INTERVAL_SECONDS } from "../support/shared-settings";

export async function sweepsAndEditsOnDifferentNodes({ bothServers, node, theCluster }: ClusterRun): Promise<void> {
  test.setTimeout(150_000);
  const testInfo = test.info();
  const [a, b] = bothServers();
  const both = [a, b];
  const logOffsets = both.map(logSize);
  // When the last request of the set-up was answered: each request may start a sweep (at most one a second per server).
  let lastRequestEnded = 0;

  // 1. What the sweeps will find due: 40 daily series (5 meetings) and 40 one-offs, booked through
  //    both servers for later this week, then moved two days into the past (below).
  const dueSoon = await eachLimited(
    Array.from({ length: 80 }, (_, i) => i),
    4,
    async (i) => {
      const series = i % 2 === 0;
      const body: BookingRequest = {
        name: `${series ? "Daily" : "Once"} ${i}`,
        start: `${daysAhead(3)}T09:00`,
        timeZone: "UTC",
        durationMinutes: 30,
        ...(series ? { repeat: { every: 1, unit: "day", count: 5 } } : {}),
      };
      const reply = await request(both[i % 2]!.base, "POST", "/api/v1/conferences", { json: body });
      lastRequestEnded = Math.max(lastRequestEnded, reply.endedAt);
      expect(reply.status, `booking ${body.name}: ${reply.text}`).toBe(201);
      return { series, conference: reply.json as ConferenceResource };
    },
  );
  const pastSeries = dueSoon.filter((c) => c.series).map((c) => c.conference);
  const pastOneOffs = dueSoon.filter((c) => !c.series).map((c) => c.conference);

  // 2. What the admins edit: future conferences the sweeps leave alone, booked through A.
  const editTargets = await eachLimited(
    Array.from({ length: 6 }, (_, j) => j),
    3,
    async (j) => {
      const reply = await request(a.base, "POST", "/api/v1/conferences", {
        json: {
          name: `Edited ${j}`,
          start: `${daysAhead(20 + j)}T09:00`,
          timeZone: "Europe/Berlin",
          durationMinutes: 60,
          ...(j % 2 === 0 ? { repeat: { every: 1, unit: "week", count: 4 } } : {}),
        } satisfies BookingRequest,
      });
      lastRequestEnded = Math.max(lastRequestEnded, reply.endedAt);
      expect(reply.status, reply.text).toBe(201);
      return reply.json as ConferenceResource;
    },
  );

  // Two days (and ten minutes) ago, on a whole minute as every booked start is: yesterday's meeting
  // of each series is over too, today's (ten minutes ago) is not, so each series must move on
  // exactly once, to today's meeting.
  const pastStart = new Date(Math.floor((Date.now() - 48 * 3_600_000 - 10 * 60_000) / 60_000) * 60_000);
  const expectedNextStart = new Date(pastStart.getTime() + 48 * 3_600_000).toISOString().replace(/\.000Z$/, "Z");

  // Into the past, in SQL on node 3: a third writer, behind both servers' backs.
  const moveIntoThePast = (conferences: ConferenceResource[]) => {
    const hashes = conferences.map((c) => Buffer.from(hashId(c.adminId)));
    return sqlWrite(
      node("node3").coordinates,
      `UPDATE conferences SET starts_at = ?, local_start = ? WHERE admin_hash IN (${hashes.map(() => "?").join(", ")})`,
      [sqlDateTime(pastStart), sqlDateTime(pastStart), ...hashes],
    );
  };

  // The one-offs' rooms as handed out (hashes recorded, as a participant's visit would): the sweep must retire them.
  const record = (c: ConferenceResource) => [hashId(roomIdFor(keys, c.invitationId, 1)), hashId(c.adminId)].map((hash) => Buffer.from(hash));
  await eachLimited(pastOneOffs, 4, (c) => sqlWrite(node("node3").coordinates, "UPDATE conferences SET room_hash = ? WHERE admin_hash = ?", record(c)));
  // The one-offs in one statement, once both servers may sweep again: each request above may have
  // started a sweep (which found nothing due), and a server sweeps at most once per interval. From
  // that moment on, the first pokes below start a sweep on both servers at once, on the same rows.
  await untilMoment(lastRequestEnded + SWEEP_INTERVAL_SECONDS * 1000);
  await moveIntoThePast(pastOneOffs);
  // A causal read on the servers' nodes returns once each has applied the move: the first pokes
  // below start both servers' sweeps on the same due one-offs within milliseconds of each other.
  for (const n of ["node1", "node2"]) {
    await sql(node(n).coordinates, "SELECT COUNT(*) AS n FROM conferences WHERE starts_at <= UTC_TIMESTAMP() - INTERVAL ? HOUR", [CLEANUP_AFTER_HOURS]);
  }

  // 3. All at once, for about ten seconds: both servers sweep (through different nodes) while admins
  //    edit and people book through both.
  const phaseEnds = Date.now() + 10_000;
  let nudging = true;
  const unexpected: string[] = [];

  // Both servers sweep only when a request comes: poke both at the same moment, again and again
  // (Next's proxy nudges the sweep of every request it sees).
  const nudger = (async () => {
    const beat = rhythm(200);
    while (nudging) {
      await Promise.all(both.map((server) => request(server.base, "GET", "/api/v1/openapi.json").catch(() => undefined)));
      await beat();
    }
  })();

  // The series in batches of five while both servers sweep, so each server's sweeps find some of
  // them first and both roll the same rows at times (a series is rolled from the rows a sweep read:
  // one that becomes due meanwhile waits for the next sweep).
  const seriesMover = (async () => {
    const shuffled = [...pastSeries].sort(() => Math.random() - 0.5);
    const beat = rhythm(300);
    for (let k = 0; k < shuffled.length; k += 5) {
      await moveIntoThePast(shuffled.slice(k, k + 5));
      await beat();
    }
  })();

  // Each edited conference has one admin, who edits it again and again, through B and A in turn,
  // each time with the revision the last answer gave (If-Match). The last 200 is what the row must hold.
  interface Acknowledged {
    revision: number;
    start: string;
    durationMinutes: number;
  }
  const lastAcknowledged = new Map<string, Acknowledged>();
  let editsAcknowledged = 0;
  const editors = editTargets.map(async (target, j) => {
    let revision = target.revision;
    for (let k = 1; k <= 30 && Date.now() < phaseEnds; k++) {
      const via = k % 2 === 1 ? b : a; // the first edit through B, right after the booking through A
      const change = { start: `${daysAhead(30 + j)}T10:${String(k).padStart(2, "0")}`, durationMinutes: 15 + k };
      const reply = await request(via.base, "PATCH", `/api/v1/conferences/${target.adminId}`, { headers: { "If-Match": `"r${revision}"` }, json: change });
      if (reply.status === 200) {
        const body = reply.json as ConferenceResource;
        revision = body.revision;
        lastAcknowledged.set(target.adminId, { revision: body.revision, start: body.start, durationMinutes: body.durationMinutes });
        editsAcknowledged++;
      } else {
        unexpected.push(
          `edit ${k} of "Edited ${j}" via ${via.name} (If-Match "r${revision}", the revision the previous answer gave) answered ${reply.status}: ${reply.text.slice(0, 200)}` +
            (reply.status === 412 || reply.status === 404 ? ` — a stale read on ${via === b ? "node 2" : "haproxy's node"}` : ""),
        );
        // Carry on from what the cluster holds (read causally on node 1), as a person would reload the page.
        const [row] = await sql<{ revision: number }[]>(node("node1").coordinates, "SELECT revision FROM conferences WHERE admin_hash = ?", [
          Buffer.from(hashId(target.adminId)),
        ]);
        revision = Number(row?.revision ?? revision);
      }
    }
  });

  // New bookings through both servers meanwhile: every 201 must be there afterwards, on every node.
  const newBookings: ConferenceResource[] = [];
  const bookers = [0, 1].map(async (client) => {
    for (let k = 0; k < 25 && Date.now() < phaseEnds; k++) {
      const via = both[(client + k) % 2]!;
      const reply = await request(via.base, "POST", "/api/v1/conferences", {
        json: { name: `New ${client}-${k}`, start: `${daysAhead(10)}T08:00`, timeZone: "Europe/Berlin", durationMinutes: 60 } satisfies BookingRequest,
      });
      if (reply.status === 201) newBookings.push(reply.json as ConferenceResource);
      else unexpected.push(`booking "New ${client}-${k}" via ${via.name} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
    }
  });
  await Promise.all([seriesMover, ...editors, ...bookers]);

  // What the servers say their sweeps did since the test began.
  const sweepReports = () =>
    both.map((server, i) => {
      const lines = logSince(server, logOffsets[i]!);
      let deleted = 0;
      let moved = 0;
      for (const line of lines) {
        const m = /cleanup: deleted (\d+), moved (\d+)/.exec(line);
        if (m) {
          deleted += Number(m[1]);
          moved += Number(m[2]);
        }
      }
      return { server: server.name, deleted, moved, failures: lines.filter((line) => line.includes("cleanup failed")) };
    });

  // 4. Until no row is due any more (read on node 1), then until the sweeps that did the work have
  //    said so in their logs (a sweep logs when it ends, after its last write).
  const settleStarted = Date.now();
  const dueNow = async () =>
    Number(
      (
        await sql<{ n: bigint }[]>(node("node1").coordinates, "SELECT COUNT(*) AS n FROM conferences WHERE starts_at <= UTC_TIMESTAMP() - INTERVAL ? HOUR", [
          CLEANUP_AFTER_HOURS,
        ])
      )[0]!.n,
    );
  await expect.poll(dueNow, { message: "the sweeps of A and B leave no conference due", timeout: 45_000, intervals: [500] }).toBe(0);
  await waitFor(
    () => {
      const reports = sweepReports();
      const total = reports.reduce((sum, r) => ({ deleted: sum.deleted + r.deleted, moved: sum.moved + r.moved }), { deleted: 0, moved: 0 });
      return (total.deleted >= pastOneOffs.length && total.moved >= pastSeries.length) || reports.some((r) => r.failures.length > 0);
    },
    { timeoutMs: 15_000, intervalMs: 200 },
  );
  nudging = false;
  await nudger;
  log(`sweeps settled ${((Date.now() - settleStarted) / 1000).toFixed(1)} s after the last edit and booking`);

  // 5. Every node, read causally: the same, and what the sweeps and the edits promise.
  for (const n of theCluster().nodes) {
    const rows = await conferencesOn(n);
    const problems: string[] = [];
    for (const c of [...newBookings, ...editTargets]) {
      if (!rows.has(hexHash(c.adminId))) problems.push(`a conference booked with 201 is missing (admin ${c.adminId.slice(0, 6)}…)`);
    }
    const retired = new Set((await sql<{ room: string }[]>(n.coordinates, "SELECT HEX(room_hash) AS room FROM retired_rooms")).map((r) => r.room));
    for (const c of pastOneOffs) {
      if (rows.has(hexHash(c.adminId))) problems.push(`one-off ${c.adminId.slice(0, 6)}… started two days ago and is still there`);
      const firstRoom = hexHash(roomIdFor(keys, c.invitationId, 1));
      if (!retired.has(firstRoom)) problems.push(`one-off ${c.adminId.slice(0, 6)}… is gone but its room was not retired`);
    }
    for (const c of pastSeries) {
      const row = rows.get(hexHash(c.adminId));
      if (!row) {
        problems.push(`series ${c.adminId.slice(0, 6)}… (4 meetings to come) was deleted`);
        continue;
      }
      // Rolled forward once, from two days ago past yesterday's meeting to today's: one meeting
      // skipped, one revision, one new room. Twice would mean a day later, one meeting fewer.
      const expected = {
        startsAt: expectedNextStart,
        localStart: expectedNextStart.slice(0, 16),
        remaining: 2,
        revision: 2,
        roomGeneration: 2,
        // Not handed out yet: no trace of the new room.
        roomHash: null,
      };
      const actual = {
        startsAt: row.startsAt,
        localStart: row.localStart,
        remaining: row.remaining,
        revision: row.revision,
        roomGeneration: row.roomGeneration,
        roomHash: row.roomHash,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(
          `series ${c.adminId.slice(0, 6)}… holds starts_at ${actual.startsAt}, ${actual.remaining} to come, revision ${actual.revision}, room generation ${actual.roomGeneration}` +
            `${actual.roomHash === null ? "" : " (a room hash of a room nobody was sent to)"}; rolled once it would be ${expected.startsAt}, 2 to come, revision 2, generation 2`,
        );
      }
    }
    for (const target of editTargets) {
      const acknowledged = lastAcknowledged.get(target.adminId);
      const row = rows.get(hexHash(target.adminId));
      if (!acknowledged || !row) continue; // a missing row is reported above; no edit acknowledged, nothing to compare
      const actual = { revision: row.revision, start: row.localStart, durationMinutes: row.durationMinutes };
      if (JSON.stringify(actual) !== JSON.stringify(acknowledged)) {
        problems.push(`an edited conference holds ${JSON.stringify(actual)} but the last acknowledged edit was ${JSON.stringify(acknowledged)}`);
      }
    }
    expect
      .soft(problems, `on ${n.name}: every booking kept, every one-off deleted, every series rolled forward exactly once, every acknowledged edit kept`)
      .toEqual([]);
  }

  // What the servers say they did: together, exactly the 40 deletions and 40 roll-forwards.
  const sweeps = sweepReports();
  const retried = await Promise.all(both.map(retriedWrites));
  const report = {
    bookingsAcknowledged: newBookings.length,
    editsAcknowledged,
    unexpectedAnswers: unexpected,
    sweeps,
    retriedWrites: Object.fromEntries(both.map((server, i) => [server.name, retried[i]])),
  };
  log(`sweeps and edits: ${JSON.stringify(report)}`);
  await testInfo.attach("sweeps-and-edits.json", { body: JSON.stringify(report, null, 2), contentType: "application/json" });

  expect.soft(unexpected, "every edit (sequential, with the revision the last answer gave) and every booking succeeds").toEqual([]);
  expect
    .soft(
      sweeps
        .map((r) => ({ deleted: r.deleted, moved: r.moved }))
        .reduce((sum, r) => ({ deleted: sum.deleted + r.deleted, moved: sum.moved + r.moved }), { deleted: 0, moved: 0 }),
      `the two servers' sweeps deleted the 40 one-offs and moved the 40 series on, each once (cleanup failures logged: ${JSON.stringify(sweeps.flatMap((r) => r.failures))})`,
    )
    .toEqual({ deleted: 40, moved: 40 });
  for (const [i, server] of both.entries()) {
    expect.soft(typeof retried[i], `GET /api/health on ${server.name} reports retriedWrites as a number (got ${JSON.stringify(retried[i])})`).toBe("number");
    if (typeof retried[i] === "number") expect.soft(retried[i] as number).toBeGreaterThanOrEqual(0);
  }
}
