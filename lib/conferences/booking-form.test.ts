import { describe, expect, it } from "vitest";
import { INSTANT_CONFERENCE_NAME, presetOf, readBookingForm, validateBookingForm } from "./booking-form";
import type { BookingFormValues } from "./booking-form";
import { ENGLISH_TEXTS } from "./schema";

const now = new Date("2026-11-25T12:00:00Z");
const form: BookingFormValues = {
  name: "Team sync",
  date: "2026-12-01",
  time: "09:00",
  timeZone: "Europe/Berlin",
  durationMinutes: "60",
  repeat: "none",
  repeatEvery: "1",
  repeatUnit: "week",
  occurrences: "4",
};

const errorsOf = (values: Partial<BookingFormValues>, intent?: "book" | "now") => {
  const result = validateBookingForm({ ...form, ...values }, { now, intent });
  if (result.status === "valid") throw new Error("expected errors");
  return result.errors;
};

describe("validateBookingForm", () => {
  it("books from date, time and zone", () => {
    expect(validateBookingForm(form, { now })).toMatchObject({ status: "valid", value: { startsAt: new Date("2026-12-01T08:00:00Z"), repeat: null } });
  });

  it.each([
    ["daily", { every: 1, unit: "day" }],
    ["weekly", { every: 1, unit: "week" }],
    ["biweekly", { every: 2, unit: "week" }],
    ["fourweekly", { every: 4, unit: "week" }],
    ["monthly", { every: 1, unit: "month" }],
    ["yearly", { every: 1, unit: "year" }],
  ])("the %s preset repeats %j", (repeat, rule) => {
    expect(validateBookingForm({ ...form, repeat }, { now })).toMatchObject({ status: "valid", value: { repeat: rule, remainingOccurrences: 3 } });
    expect(presetOf(rule as never)).toBe(repeat);
  });

  it("a custom repetition uses its own fields; presets ignore them", () => {
    const custom = { ...form, repeat: "custom", repeatEvery: "3", repeatUnit: "day", occurrences: "10" };
    expect(validateBookingForm(custom, { now })).toMatchObject({ status: "valid", value: { repeat: { every: 3, unit: "day" }, remainingOccurrences: 9 } });
    expect(presetOf({ every: 3, unit: "day" })).toBe("custom");
    expect(presetOf(null)).toBe("none");
    expect(validateBookingForm({ ...form, repeat: "weekly", repeatEvery: "x" }, { now }).status).toBe("valid");
  });

  it.each([
    [{ date: "" }, { date: [ENGLISH_TEXTS.dateMissing] }],
    [{ date: "1.12.2026" }, { date: [ENGLISH_TEXTS.dateInvalid] }],
    [{ date: "2026-02-30" }, { date: [ENGLISH_TEXTS.dateNonexistent("2026-02-30")] }],
    [{ time: "" }, { time: [ENGLISH_TEXTS.timeMissing] }],
    [{ time: "9 am" }, { time: [ENGLISH_TEXTS.timeInvalid] }],
    [{ time: "24:00" }, { time: [ENGLISH_TEXTS.timeInvalid] }],
    [{ date: "2026-11-24" }, { when: [ENGLISH_TEXTS.startPast] }],
    [{ date: "2027-03-28", time: "02:30" }, { when: [ENGLISH_TEXTS.startNonexistent("Europe/Berlin")] }],
    [{ timeZone: "Mars/Olympus" }, { timeZone: [ENGLISH_TEXTS.timeZoneInvalid] }],
    [{ durationMinutes: "0" }, { durationMinutes: [ENGLISH_TEXTS.duration] }],
    [{ repeat: "weekly", occurrences: "1" }, { occurrences: [ENGLISH_TEXTS.count] }],
    [{ repeat: "weekly", occurrences: "" }, { occurrences: [ENGLISH_TEXTS.count] }],
    [
      { repeat: "custom", repeatEvery: "0", repeatUnit: "hour" },
      { repeatEvery: [ENGLISH_TEXTS.every], repeatUnit: [ENGLISH_TEXTS.unit] },
    ],
    [{ repeat: "hourly" }, { repeat: [ENGLISH_TEXTS.unit] }],
    [{ repeat: "constructor" }, { repeat: [ENGLISH_TEXTS.unit] }],
    [{ name: "" }, { name: [ENGLISH_TEXTS.nameMissing] }],
  ])("shows %j next to the field", (values, errors) => {
    expect(errorsOf(values)).toEqual(errors);
  });

  it("shows every error at once, even with a bad date", () => {
    expect(Object.keys(errorsOf({ name: "", date: "", timeZone: "x", repeat: "weekly", occurrences: "0" })).sort()).toEqual([
      "date",
      "name",
      "occurrences",
      "timeZone",
    ]);
  });

  it("opens a room now, with a default name, ignoring the date fields", () => {
    const result = validateBookingForm({ ...form, name: " ", date: "", time: "" }, { now, intent: "now" });
    expect(result).toMatchObject({ status: "valid", value: { name: INSTANT_CONFERENCE_NAME, startsAt: now, repeat: null } });
    expect(errorsOf({ timeZone: "nowhere" }, "now")).toEqual({ timeZone: [ENGLISH_TEXTS.timeZoneInvalid] });
  });
});

describe("readBookingForm", () => {
  it("reads strings and treats anything else as empty", () => {
    const data = new FormData();
    data.set("name", "Sync");
    data.set("date", new Blob(["x"]));
    expect(readBookingForm(data)).toMatchObject({ name: "Sync", date: "", time: "" });
  });
});
