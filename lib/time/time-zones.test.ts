import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, TIME_ZONES } from "./time-zones";

describe("canonicalTimeZone", () => {
  it("maps any letter case and the old aliases to one canonical name", () => {
    expect(canonicalTimeZone("eUROPE/bERLIN")).toBe("Europe/Berlin");
    expect(canonicalTimeZone(" europe/berlin ")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("europe/kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("utc")).toBe("UTC");
  });

  it("refuses what names no zone, without handing odd strings to Intl", () => {
    for (const bad of ["Mars/Olympus", "", "Europe/Berlin\u0000", "Europe/Berlin; DROP", "x".repeat(65), "Etc/GMT+5", 42, null, undefined]) {
      expect(canonicalTimeZone(bad), String(bad)).toBeUndefined();
    }
  });

  it("gives one of a fixed, small set of names, however a zone is spelled", () => {
    const known = new Set(TIME_ZONES);
    const spelling = fc
      .tuple(fc.constantFrom(...TIME_ZONES), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
      .map(([zone, upper]) => [...zone].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(""));
    fc.assert(
      fc.property(spelling, (text) => {
        const zone = canonicalTimeZone(text);
        expect(zone !== undefined && known.has(zone)).toBe(true);
        expect(zone!.toLowerCase()).toBe(text.toLowerCase());
      }),
      { numRuns: 3000 },
    );
    expect(known.size).toBeLessThan(500);
  });
});
