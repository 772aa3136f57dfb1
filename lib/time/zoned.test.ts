import { describe, expect, it } from "vitest";
import { isValidTimeZone, timeZoneNames } from "./time-zones";
import { dateToLocal, isRealLocal, localToDate, resolveLocal, toLocal } from "./zoned";

const iso = (d: Date) => d.toISOString();

describe("resolveLocal", () => {
  it("resolves ordinary times in zones with whole, half and quarter hour offsets", () => {
    expect(iso(resolveLocal("2026-12-01T09:00", "Europe/Berlin").instant)).toBe("2026-12-01T08:00:00.000Z");
    expect(iso(resolveLocal("2026-07-01T09:00", "Europe/Berlin").instant)).toBe("2026-07-01T07:00:00.000Z");
    expect(iso(resolveLocal("2026-12-01T09:00", "Asia/Kathmandu").instant)).toBe("2026-12-01T03:15:00.000Z");
    expect(iso(resolveLocal("2026-12-01T09:00", "Asia/Kolkata").instant)).toBe("2026-12-01T03:30:00.000Z");
    expect(iso(resolveLocal("2026-12-01T09:00", "UTC").instant)).toBe("2026-12-01T09:00:00.000Z");
  });

  it("does not depend on the machine's own zone", () => {
    // Vitest runs under TZ=Asia/Kathmandu; the answer must be the conference zone's.
    expect(iso(resolveLocal("2026-06-15T18:30", "America/New_York").instant)).toBe("2026-06-15T22:30:00.000Z");
  });

  it("moves a time in a daylight-saving gap forward by the gap and says so", () => {
    expect(resolveLocal("2026-03-29T02:30", "Europe/Berlin")).toEqual({ instant: new Date("2026-03-29T01:30:00Z"), shifted: true });
    expect(resolveLocal("2026-03-08T02:15", "America/New_York")).toEqual({ instant: new Date("2026-03-08T07:15:00Z"), shifted: true });
    // Lord Howe Island moves its clocks by half an hour.
    expect(resolveLocal("2026-10-04T02:10", "Australia/Lord_Howe")).toMatchObject({ shifted: true });
    expect(resolveLocal("2026-03-29T03:00", "Europe/Berlin")).toEqual({ instant: new Date("2026-03-29T01:00:00Z"), shifted: false });
  });

  it("takes the first of two equal wall-clock times when clocks go back (RFC 5545)", () => {
    expect(resolveLocal("2026-10-25T02:30", "Europe/Berlin")).toEqual({ instant: new Date("2026-10-25T00:30:00Z"), shifted: false });
    expect(resolveLocal("2026-11-01T01:30", "America/New_York")).toEqual({ instant: new Date("2026-11-01T05:30:00Z"), shifted: false });
  });

  it("refuses dates that do not exist", () => {
    expect(() => resolveLocal("2026-02-30T09:00", "Europe/Berlin")).toThrow(RangeError);
  });
});

describe("toLocal", () => {
  it("gives the wall clock of an instant in a zone", () => {
    expect(toLocal(new Date("2026-03-29T01:30:00Z"), "Europe/Berlin")).toBe("2026-03-29T03:30");
    expect(toLocal(new Date("2026-12-01T03:15:00Z"), "Asia/Kathmandu")).toBe("2026-12-01T09:00");
    expect(toLocal(new Date("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30");
    expect(toLocal(new Date("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("2026-10-25T02:30");
  });
});

describe("isRealLocal", () => {
  it.each(["2026-02-28T09:00", "2028-02-29T00:00", "2026-12-31T23:59"])("%s exists", (local) => {
    expect(isRealLocal(local)).toBe(true);
  });
  it.each([
    "2026-02-29T09:00",
    "2026-02-30T09:00",
    "2026-04-31T09:00",
    "2026-13-01T09:00",
    "2026-12-01T24:00",
    "2026-12-01T09:60",
    "2026-12-1T09:00",
    "tomorrow",
    "",
  ])("%s does not", (local) => {
    expect(isRealLocal(local)).toBe(false);
  });
});

describe("time zones", () => {
  it("knows IANA zones and refuses others", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC", "Asia/Calcutta"]) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "", "Europe/Berlin; DROP TABLE", "x".repeat(65)]) expect(isValidTimeZone(zone)).toBe(false);
  });

  it("offers UTC and the usual zones", () => {
    const names = timeZoneNames();
    expect(names).toContain("UTC");
    expect(names).toContain("Europe/Berlin");
    expect(names).toContain("Asia/Kathmandu");
    expect(names).toContain("Europe/Kyiv");
    expect(names).not.toContain("Asia/Katmandu");
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(300);
  });
});

describe("wall-clock times in the database", () => {
  it("travel as the Date whose UTC fields are the wall clock", () => {
    expect(localToDate("2026-03-29T02:30").toISOString()).toBe("2026-03-29T02:30:00.000Z");
    expect(dateToLocal(localToDate("2026-03-29T02:30"))).toBe("2026-03-29T02:30");
  });
});
