import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { newId } from "../ids";
import { book, bookFromForm, editFromForm, lookUpInvitation, remove } from "./index";
import type { BookingFormValues } from "./booking-form";
import { MESSAGES } from "./schema";

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
    expect(await bookFromForm({ ...form, name: "" }, "book", now)).toEqual({ ok: false, errors: { name: [MESSAGES.nameMissing] } });
    expect(await book({ name: "x", start: "2026-11-01T09:00", timeZone: "UTC" }, now)).toMatchObject({ ok: false });
    expect(await count()).toBe(before);
  });

  it("books from the form and from API input through the same validation", async () => {
    const fromForm = await bookFromForm(form, "book", now);
    const fromApi = await book({ name: "Weekly", start: "2026-12-01T09:00", timeZone: "Europe/Berlin", repeat: { every: 1, unit: "week", count: 4 } }, now);
    if (!fromForm.ok || !fromApi.ok) throw new Error("expected bookings");
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

describe("editFromForm", () => {
  it("keeps a start that has passed when only other details change", async () => {
    const booked = await bookFromForm(form, "book", now);
    if (!booked.ok) throw new Error("expected a booking");
    const later = new Date("2026-12-01T08:30:00Z"); // the meeting is on
    const edited = await editFromForm(booked.conference.adminId, 1, { ...form, durationMinutes: "90" }, later);
    expect(edited).toMatchObject({ ok: true, conference: { durationMinutes: 90, revision: 2, startsAt: booked.conference.startsAt } });
    // …but refuses to move it to another time in the past.
    expect(await editFromForm(booked.conference.adminId, 2, { ...form, time: "08:00" }, later)).toEqual({ ok: false, errors: { when: [MESSAGES.startPast] } });
  });

  it("refuses an edit made from an outdated page, and one for an unknown conference", async () => {
    const booked = await bookFromForm(form, "book", now);
    if (!booked.ok) throw new Error("expected a booking");
    expect(await editFromForm(booked.conference.adminId, 1, { ...form, time: "10:00" }, now)).toMatchObject({ ok: true });
    expect(await editFromForm(booked.conference.adminId, 1, { ...form, time: "11:00" }, now)).toEqual({ ok: false, status: "conflict" });
    expect(await editFromForm(newId(), 1, form, now)).toEqual({ ok: false, status: "not-found" });
  });
});

describe("lookUpInvitation", () => {
  it("waits, opens, and forgets a one-off conference once it has ended", async () => {
    const booked = await bookFromForm({ ...form, repeat: "none" }, "book", now);
    if (!booked.ok) throw new Error("expected a booking");
    const id = booked.conference.invitationId;
    expect(await lookUpInvitation(id, now)).toMatchObject({ state: { status: "waiting" } });
    expect(await lookUpInvitation(id, new Date("2026-12-01T08:00:00Z"))).toMatchObject({ state: { status: "open" } });
    expect(await lookUpInvitation(id, new Date("2026-12-02T07:00:00Z"))).toBeUndefined();
    expect(await lookUpInvitation(booked.conference.adminId, now)).toBeUndefined();
    expect(await remove(booked.conference.adminId)).toBe(true);
    expect(await lookUpInvitation(id, now)).toBeUndefined();
  });
});
