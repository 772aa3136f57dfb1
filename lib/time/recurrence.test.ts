import { describe, expect, it } from "vitest";
import { nextOccurrence, occurrencesAfter, stepLocal } from "./recurrence";
import type { Repeat } from "./recurrence";

const weekly: Repeat = { every: 1, unit: "week" };
const take = (start: string, zone: string, repeat: Repeat, n: number) =>
  [...occurrencesAfter(start, zone, repeat, n)].map((o) => [o.local, o.instant.toISOString()]);

describe("weekly and daily series keep their time of day across daylight saving", () => {
  it("Europe/Berlin in spring: 09:00 stays 09:00 while the UTC instant moves by an hour", () => {
    expect(take("2026-03-23T09:00", "Europe/Berlin", weekly, 2)).toEqual([
      ["2026-03-30T09:00", "2026-03-30T07:00:00.000Z"],
      ["2026-04-06T09:00", "2026-04-06T07:00:00.000Z"],
    ]);
    expect(nextOccurrence("2026-03-28T09:00", "Europe/Berlin", { every: 1, unit: "day" })).toEqual({
      local: "2026-03-29T09:00",
      instant: new Date("2026-03-29T07:00:00Z"),
    });
  });

  it("America/New_York in autumn", () => {
    expect(take("2026-10-26T18:00", "America/New_York", weekly, 2)).toEqual([
      ["2026-11-02T18:00", "2026-11-02T23:00:00.000Z"],
      ["2026-11-09T18:00", "2026-11-09T23:00:00.000Z"],
    ]);
  });

  it("a zone with a quarter-hour offset and no daylight saving", () => {
    expect(take("2026-12-01T09:00", "Asia/Kathmandu", { every: 2, unit: "week" }, 1)).toEqual([["2026-12-15T09:00", "2026-12-15T03:15:00.000Z"]]);
  });

  it("Australia/Lord_Howe, whose clocks move by half an hour", () => {
    // DST starts on 4 October 2026: +10:30 becomes +11:00.
    expect(take("2026-09-30T10:00", "Australia/Lord_Howe", weekly, 1)).toEqual([["2026-10-07T10:00", "2026-10-06T23:00:00.000Z"]]);
  });

  it("a meeting in the gap moves forward that one time, and the series returns to its time", () => {
    const daily: Repeat = { every: 1, unit: "day" };
    expect(take("2026-03-28T02:30", "Europe/Berlin", daily, 2)).toEqual([
      ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // 03:30 CEST, the wall clock skipped 02:30
      ["2026-03-30T02:30", "2026-03-30T00:30:00.000Z"],
    ]);
  });
});

describe("month ends and leap days follow RFC 5545: dates that do not exist are skipped", () => {
  it("monthly on the 31st meets only in months with 31 days", () => {
    expect(take("2026-01-31T10:00", "Europe/Berlin", { every: 1, unit: "month" }, 4).map(([local]) => local)).toEqual([
      "2026-03-31T10:00",
      "2026-05-31T10:00",
      "2026-07-31T10:00",
      "2026-08-31T10:00",
    ]);
  });

  it("monthly on the 30th skips February only", () => {
    expect(take("2027-01-30T10:00", "UTC", { every: 1, unit: "month" }, 2).map(([l]) => l)).toEqual(["2027-03-30T10:00", "2027-04-30T10:00"]);
  });

  it("every 2 months on the 31st keeps to its lattice", () => {
    expect(take("2026-07-31T10:00", "UTC", { every: 2, unit: "month" }, 3).map(([l]) => l)).toEqual([
      "2027-01-31T10:00", // September and November have no 31st
      "2027-03-31T10:00",
      "2027-05-31T10:00",
    ]);
  });

  it("monthly across the year end", () => {
    expect(stepLocal("2026-11-15T10:00", { every: 1, unit: "month" }, 2)).toBe("2027-01-15T10:00");
    expect(stepLocal("2026-12-15T10:00", { every: 13, unit: "month" }, 1)).toBe("2028-01-15T10:00");
  });

  it("yearly on 29 February meets in leap years", () => {
    expect(take("2028-02-29T12:00", "Europe/Berlin", { every: 1, unit: "year" }, 2).map(([l]) => l)).toEqual(["2032-02-29T12:00", "2036-02-29T12:00"]);
  });

  it("a step that lands on a missing date has no occurrence", () => {
    expect(stepLocal("2026-01-31T10:00", { every: 1, unit: "month" }, 1)).toBeUndefined();
    expect(stepLocal("2028-02-29T10:00", { every: 1, unit: "year" }, 1)).toBeUndefined();
    expect(stepLocal("2028-02-29T10:00", { every: 1, unit: "year" }, 4)).toBe("2032-02-29T10:00");
  });
});

describe("occurrencesAfter", () => {
  it("yields at most the limit", () => {
    expect(take("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 0)).toEqual([]);
    expect(take("2026-12-01T09:00", "UTC", { every: 1, unit: "day" }, 5)).toHaveLength(5);
  });
});
