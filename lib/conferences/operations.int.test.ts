import { decodeJwt } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getConfig, parseConfig } from "../env";
import { newId } from "../ids";
import { hashId } from "../keys/derive";
import { book, edit, findForAdmin, joinAsOrganizer, lookUpInvitation, meetingPolicy, remove } from "./operations";
import type { BookingFormValues } from "./booking-form";
import { ENGLISH_TEXTS } from "./schema";

const now = new Date("2026-11-25T12:00:00Z");
const form: BookingFormValues = {
  name: "Weekly",
  date: "2026-12-01",
  time: "09:00",
  timeZone: "Europe/Berlin",
  durationMinutes: "60",
  repeat: "weekly",
  repeatEvery: "1",
  repeatUnit: "week",
  occurrences: "4",
};

const count = async () => db().conference.count();

afterAll(async () => {
  await db().$disconnect();
});

describe("booking", () => {
  it("writes nothing when the input is bad", async () => {
    const before = await count();
    expect(await book({ from: "form", values: { ...form, name: "" }, intent: "book" }, now)).toEqual({
      status: "invalid",
      errors: { name: [ENGLISH_TEXTS.nameMissing] },
    });
    expect(await book({ from: "api", body: { name: "x", start: "2026-11-01T09:00", timeZone: "UTC" } }, now)).toMatchObject({ status: "invalid" });
    expect(await count()).toBe(before);
  });

  it("books from the form and from API input through the same validation", async () => {
    const fromForm = await book({ from: "form", values: form, intent: "book" }, now);
    const fromApi = await book(
      { from: "api", body: { name: "Weekly", start: "2026-12-01T09:00", timeZone: "Europe/Berlin", repeat: { every: 1, unit: "week", count: 4 } } },
      now,
    );
    if (fromForm.status !== "saved" || fromApi.status !== "saved") throw new Error("expected bookings");
    const schedule = ({ startsAt, localStart, timeZone, repeat, remainingOccurrences }: typeof fromForm.conference) => ({
      startsAt,
      localStart,
      timeZone,
      repeat,
      remainingOccurrences,
    });
    expect(schedule(fromForm.conference)).toEqual(schedule(fromApi.conference));
  });
});

describe("edit", () => {
  it("keeps a start that has passed when only other details change", async () => {
    const booked = await book({ from: "form", values: form, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    const later = new Date("2026-12-01T08:30:00Z"); // the meeting is on
    const edited = await edit(booked.conference.adminId, 1, { from: "form", values: { ...form, durationMinutes: "90" } }, later);
    expect(edited).toMatchObject({ status: "saved", conference: { durationMinutes: 90, revision: 2, startsAt: booked.conference.startsAt } });
    // …but refuses to move it to another time in the past.
    expect(await edit(booked.conference.adminId, 2, { from: "form", values: { ...form, time: "08:00" } }, later)).toEqual({
      status: "invalid",
      errors: { when: [ENGLISH_TEXTS.startPast] },
    });
  });

  it("refuses an edit made from an outdated page, and one for an unknown conference", async () => {
    const booked = await book({ from: "form", values: form, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    expect(await edit(booked.conference.adminId, 1, { from: "form", values: { ...form, time: "10:00" } }, now)).toMatchObject({ status: "saved" });
    expect(await edit(booked.conference.adminId, 1, { from: "form", values: { ...form, time: "11:00" } }, now)).toEqual({ status: "conflict" });
    expect(await edit(newId(), 1, { from: "form", values: form }, now)).toEqual({ status: "not-found" });
  });

  it("takes the API's changes the same way: the fields left out keep their values, a name sent must be one", async () => {
    const booked = await book({ from: "form", values: form, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    const { adminId } = booked.conference;
    const zoned = await edit(adminId, undefined, { from: "api", changes: { timeZone: "America/New_York" } }, now);
    expect(zoned).toMatchObject({
      status: "saved",
      conference: { localStart: "2026-12-01T09:00", timeZone: "America/New_York", durationMinutes: 60, remainingOccurrences: 3, revision: 2 },
    });
    expect(await edit(adminId, undefined, { from: "api", changes: { name: 42 } }, now)).toEqual({
      status: "invalid",
      errors: { name: [ENGLISH_TEXTS.nameMissing] },
    });
    expect(await edit(adminId, 1, { from: "api", changes: { durationMinutes: 30 } }, now)).toEqual({ status: "conflict" });
  });
});

describe("lookUpInvitation", () => {
  it("waits, opens, and forgets a one-off conference once it has ended", async () => {
    const booked = await book({ from: "form", values: { ...form, repeat: "none" }, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    const id = booked.conference.invitationId;
    expect(await lookUpInvitation(id, now)).toMatchObject({ state: { status: "waiting" } });
    expect(await lookUpInvitation(id, new Date("2026-12-01T08:00:00Z"))).toMatchObject({ state: { status: "open" } });
    expect(await lookUpInvitation(id, new Date("2026-12-02T07:00:00Z"))).toBeUndefined();
    expect(await lookUpInvitation(booked.conference.adminId, now)).toBeUndefined();
    expect(await remove(booked.conference.adminId)).toBe(true);
    expect(await lookUpInvitation(id, now)).toBeUndefined();
  });
});

describe("lookUpInvitation on plain Jitsi", () => {
  it("keeps a meeting running late open until CLEANUP_AFTER_HOURS after its start, then moves a series on to its next meeting", async () => {
    const booked = await book({ from: "form", values: form, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    const { invitationId, roomId } = booked.conference;
    // 2026-12-01 09:00 in Berlin is 08:00Z; the threshold is 23 hours.
    expect(await lookUpInvitation(invitationId, new Date("2026-12-02T06:59:59.999Z"))).toMatchObject({ conference: { roomId }, state: { status: "open" } });
    const moved = await lookUpInvitation(invitationId, new Date("2026-12-02T07:00:00Z"));
    expect(moved).toMatchObject({
      conference: { startsAt: new Date("2026-12-08T08:00:00Z"), remainingOccurrences: 2, revision: 2 },
      state: { status: "waiting", opensAt: new Date("2026-12-08T08:00:00Z") },
    });
    // A fresh room, as the sweep would have given it.
    expect(moved!.conference.roomId).not.toBe(roomId);
  });
});

describe("joinAsOrganizer", () => {
  const enforcing = parseConfig({
    ...process.env,
    JITSI_URL: "https://meet.example.org",
    JITSI_JWT_APP_ID: "planado",
    JITSI_JWT_SECRET: "j".repeat(40),
    JITSI_SHOW_NAME: "true",
  });
  const oneOff = async () => {
    const booked = await book({ from: "form", values: { ...form, repeat: "none" }, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    return booked.conference;
  };
  const openedEarlyAt = async (adminId: string) => (await db().conference.findUnique({ where: { adminHash: hashId(adminId) } }))?.openedEarlyAt;

  it("builds one policy per deployment from the configuration", () => {
    expect(meetingPolicy(getConfig())).toEqual({ earlyJoinMinutes: 0, cleanupAfterHours: 23 });
    expect(meetingPolicy(enforcing)).toEqual({ earlyJoinMinutes: 0, cleanupAfterHours: 23, graceMinutes: 30 });
  });

  it("does not know an unknown conference", async () => {
    expect(await joinAsOrganizer(newId(), now, {})).toEqual({ status: "not-found" });
    expect(await joinAsOrganizer("not-an-id", now, {}, enforcing)).toEqual({ status: "not-found" });
  });

  it("on plain Jitsi: the bare room at any time until the meeting is over, without a word to the database", async () => {
    const { adminId, roomId } = await oneOff();
    expect(await joinAsOrganizer(adminId, now, { name: "Choir" })).toEqual({ status: "room", url: `https://meet.jit.si/${roomId}` });
    expect(await openedEarlyAt(adminId)).toBeNull();
    expect(await joinAsOrganizer(adminId, new Date("2026-12-02T06:59:59.999Z"), {})).toEqual({ status: "room", url: `https://meet.jit.si/${roomId}` });
    expect(await joinAsOrganizer(adminId, new Date("2026-12-02T07:00:00Z"), {})).toEqual({ status: "over" });
  });

  it("where Jitsi enforces bookings: early opens the window from now, as moderator with the name; over after the window", async () => {
    const { adminId, roomId } = await oneOff();
    const joined = await joinAsOrganizer(adminId, now, { name: "Choir" }, enforcing);
    if (joined.status !== "room") throw new Error("expected a room");
    const url = new URL(joined.url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://meet.example.org/${roomId}`);
    expect(url.hash).toBe("#config.localSubject=%22Choir%22");
    expect(decodeJwt(url.searchParams.get("jwt")!)).toMatchObject({
      room: roomId,
      nbf: now.getTime() / 1000 - 60,
      exp: new Date("2026-12-01T09:30:00Z").getTime() / 1000,
      context: { user: { moderator: true } },
    });
    expect(await openedEarlyAt(adminId)).toEqual(now);
    const open = await joinAsOrganizer(adminId, new Date("2026-12-01T09:29:59.999Z"), {}, enforcing);
    expect(open).toMatchObject({ status: "room", url: expect.not.stringContaining("#") });
    expect(await joinAsOrganizer(adminId, new Date("2026-12-01T09:30:00Z"), {}, enforcing)).toEqual({ status: "over" });
  });

  it("where Jitsi enforces bookings: after a series' meeting, the next meeting's fresh room", async () => {
    const booked = await book({ from: "form", values: form, intent: "book" }, now);
    if (booked.status !== "saved") throw new Error("expected a booking");
    const joined = await joinAsOrganizer(booked.conference.adminId, new Date("2026-12-01T09:30:00Z"), {}, enforcing);
    const next = await findForAdmin(booked.conference.adminId);
    expect(next).toMatchObject({ startsAt: new Date("2026-12-08T08:00:00Z"), remainingOccurrences: 2 });
    expect(next!.roomId).not.toBe(booked.conference.roomId);
    expect(joined).toMatchObject({ status: "room", url: expect.stringContaining(`https://meet.example.org/${next!.roomId}?jwt=`) });
  });
});
