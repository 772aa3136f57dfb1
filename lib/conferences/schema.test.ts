import { describe, expect, it } from "vitest";
import { ENGLISH_TEXTS, validateBooking } from "./schema";

const now = new Date("2026-11-25T12:00:00Z");
const valid = { name: "Team sync", start: "2026-12-01T09:00", timeZone: "Europe/Berlin" };

function errorsOf(input: unknown, options = { now }) {
  const result = validateBooking(input, options);
  if (result.status === "valid") throw new Error("expected errors");
  return result.errors;
}

describe("validateBooking", () => {
  it("resolves a wall-clock start in the organizer's zone, with defaults", () => {
    expect(validateBooking(valid, { now })).toEqual({
      status: "valid",
      value: {
        name: "Team sync",
        startsAt: new Date("2026-12-01T08:00:00Z"),
        localStart: "2026-12-01T09:00",
        timeZone: "Europe/Berlin",
        durationMinutes: 60,
        repeat: null,
        remainingOccurrences: 0,
      },
    });
  });

  it("takes a repetition with its count of meetings", () => {
    const result = validateBooking({ ...valid, durationMinutes: 30, repeat: { every: 2, unit: "week", count: 4 } }, { now });
    expect(result).toMatchObject({ status: "valid", value: { durationMinutes: 30, repeat: { every: 2, unit: "week" }, remainingOccurrences: 3 } });
    expect(validateBooking({ ...valid, repeat: null }, { now })).toMatchObject({ status: "valid", value: { repeat: null } });
  });

  it("accepts ISO instants with Z or an offset, and 'now'", () => {
    expect(validateBooking({ ...valid, start: "2026-12-01T09:00:00+05:45" }, { now })).toMatchObject({
      status: "valid",
      value: { startsAt: new Date("2026-12-01T03:15:00Z"), localStart: "2026-12-01T04:15" },
    });
    expect(validateBooking({ ...valid, start: "2026-12-01T08:00Z" }, { now })).toMatchObject({ status: "valid", value: { localStart: "2026-12-01T09:00" } });
    expect(validateBooking({ ...valid, start: "now" }, { now })).toMatchObject({ status: "valid", value: { startsAt: now } });
  });

  it("cleans the name and counts its length as a person does", () => {
    expect(validateBooking({ ...valid, name: "  Line\r\none\u202e  " }, { now })).toMatchObject({ status: "valid", value: { name: "Line one" } });
    expect(validateBooking({ ...valid, name: "👩‍👩‍👧".repeat(200) }, { now }).status).toBe("valid");
    expect(errorsOf({ ...valid, name: "👩‍👩‍👧".repeat(201) })).toEqual({ name: [ENGLISH_TEXTS.nameTooLong] });
    expect(errorsOf({ ...valid, name: "x".repeat(201) })).toEqual({ name: [ENGLISH_TEXTS.nameTooLong] });
  });

  it.each([
    [{ ...valid, name: "" }, { name: [ENGLISH_TEXTS.nameMissing] }],
    [{ ...valid, name: " \n\t " }, { name: [ENGLISH_TEXTS.nameMissing] }],
    [{ ...valid, name: 42 }, { name: [ENGLISH_TEXTS.nameMissing] }],
    [{ ...valid, start: "" }, { start: [ENGLISH_TEXTS.startMissing] }],
    [{ ...valid, start: "tomorrow" }, { start: [ENGLISH_TEXTS.startInvalid] }],
    [{ ...valid, start: "2026-02-30T09:00" }, { start: [ENGLISH_TEXTS.dateNonexistent("2026-02-30")] }],
    [{ ...valid, start: "2026-02-30T09:00Z" }, { start: [ENGLISH_TEXTS.startInvalid] }],
    [{ ...valid, start: "2026-11-25T10:00" }, { start: [ENGLISH_TEXTS.startPast] }],
    [{ ...valid, start: "2027-03-28T02:30" }, { start: [ENGLISH_TEXTS.startNonexistent("Europe/Berlin")] }],
    [{ ...valid, timeZone: "Mars/Olympus" }, { timeZone: [ENGLISH_TEXTS.timeZoneInvalid] }],
    [{ ...valid, durationMinutes: 0 }, { durationMinutes: [ENGLISH_TEXTS.duration] }],
    [{ ...valid, durationMinutes: "1441" }, { durationMinutes: [ENGLISH_TEXTS.duration] }],
    [{ ...valid, repeat: { every: 1, unit: "week", count: 1 } }, { "repeat.count": [ENGLISH_TEXTS.count] }],
    [{ ...valid, repeat: { every: 1, unit: "week", count: 501 } }, { "repeat.count": [ENGLISH_TEXTS.count] }],
    [
      { ...valid, repeat: { every: 0, unit: "fortnight", count: 3 } },
      { "repeat.every": [ENGLISH_TEXTS.every], "repeat.unit": [ENGLISH_TEXTS.unit] },
    ],
  ])("refuses %j", (input, errors) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsOf({ name: "", start: "x", timeZone: "nowhere" })).sort()).toEqual(["name", "start", "timeZone"]);
  });

  it("accepts a start a few seconds in the past (the current minute), not more", () => {
    expect(validateBooking({ ...valid, timeZone: "UTC", start: "2026-11-25T11:59" }, { now }).status).toBe("valid");
    expect(errorsOf({ ...valid, timeZone: "UTC", start: "2026-11-25T11:58" })).toEqual({ start: [ENGLISH_TEXTS.startPast] });
  });

  it("lets an edit keep a start that has passed", () => {
    const startsAt = new Date("2026-11-25T11:00:00Z");
    const edit = { ...valid, timeZone: "UTC", start: "2026-11-25T11:00" };
    expect(validateBooking(edit, { now, unchangedStart: startsAt }).status).toBe("valid");
    expect(validateBooking({ ...edit, start: "2026-11-25T10:00" }, { now, unchangedStart: startsAt }).status).toBe("invalid");
  });

  it("schedules to the minute, so an instant conference can be edited later without moving it", () => {
    const later = new Date("2026-11-25T12:34:56.789Z");
    const instant = validateBooking({ ...valid, start: "now" }, { now: later });
    expect(instant).toMatchObject({ status: "valid", value: { startsAt: new Date("2026-11-25T12:34:00Z"), localStart: "2026-11-25T13:34" } });
    const startsAt = (instant as { value: { startsAt: Date } }).value.startsAt;
    const anHourLater = new Date("2026-11-25T13:40:00Z");
    expect(validateBooking({ ...valid, start: "2026-11-25T13:34" }, { now: anHourLater, unchangedStart: startsAt }).status).toBe("valid");
  });

  it("never moves a start earlier than asked: seconds round up to the next minute", () => {
    expect(validateBooking({ ...valid, start: "2026-12-01T09:00:40+01:00" }, { now })).toMatchObject({
      status: "valid",
      value: { startsAt: new Date("2026-12-01T08:01:00Z"), localStart: "2026-12-01T09:01" },
    });
    expect(validateBooking({ ...valid, start: "2026-12-01T08:00:00.001Z" }, { now })).toMatchObject({
      status: "valid",
      value: { startsAt: new Date("2026-12-01T08:01:00Z") },
    });
    expect(validateBooking({ ...valid, start: "2026-12-01T08:00:00Z" }, { now })).toMatchObject({
      status: "valid",
      value: { startsAt: new Date("2026-12-01T08:00:00Z") },
    });
  });

  it("lets a series run for ten years at most", () => {
    const series = (every: number, unit: string, count: number) => ({ ...valid, repeat: { every, unit, count } });
    expect(validateBooking(series(1, "week", 500), { now }).status).toBe("valid"); // 9.6 years
    expect(validateBooking(series(1, "year", 11), { now }).status).toBe("valid"); // the 11th meeting is 10 years on
    expect(errorsOf(series(1, "year", 12))).toEqual({ "repeat.count": [ENGLISH_TEXTS.seriesTooLong] });
    expect(errorsOf(series(99, "year", 500))).toEqual({ "repeat.count": [ENGLISH_TEXTS.seriesTooLong] });
    expect(errorsOf(series(1, "month", 500))).toEqual({ "repeat.count": [ENGLISH_TEXTS.seriesTooLong] });
  });

  it("stores the zone under its canonical name, whatever its spelling", () => {
    expect(validateBooking({ ...valid, timeZone: "eUROPE/bERLIN" }, { now })).toMatchObject({
      status: "valid",
      value: { timeZone: "Europe/Berlin", startsAt: new Date("2026-12-01T08:00:00Z") },
    });
    expect(validateBooking({ ...valid, timeZone: "Asia/Calcutta" }, { now })).toMatchObject({ status: "valid", value: { timeZone: "Asia/Kolkata" } });
    expect(errorsOf({ ...valid, timeZone: "Etc/GMT+5" })).toEqual({ timeZone: [ENGLISH_TEXTS.timeZoneInvalid] });
  });

  it("refuses a start more than ten years ahead", () => {
    expect(validateBooking({ ...valid, start: "2036-11-25T12:00Z" }, { now }).status).toBe("valid");
    expect(errorsOf({ ...valid, start: "2036-11-25T12:01Z" })).toEqual({ start: [ENGLISH_TEXTS.startTooFar] });
    expect(errorsOf({ ...valid, start: "9999-12-31T23:00", timeZone: "America/Los_Angeles" })).toEqual({ start: [ENGLISH_TEXTS.startTooFar] });
  });

  it("resolves the first of two equal times when clocks go back", () => {
    expect(validateBooking({ ...valid, start: "2027-10-31T02:30" }, { now })).toMatchObject({
      status: "valid",
      value: { startsAt: new Date("2027-10-31T00:30:00Z") },
    });
  });
});
