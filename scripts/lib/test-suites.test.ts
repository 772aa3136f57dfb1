import { describe, expect, it } from "vitest";
import { parseSelection, SUITES } from "./test-suites";

describe("the test loops", () => {
  it("runs everything without arguments, as npm test", () => {
    expect(parseSelection([])).toEqual({ suite: SUITES.all, passThrough: [] });
  });

  it("runs one loop and hands the rest of the arguments to its runner", () => {
    expect(parseSelection(["unit", "lib/ids.test.ts", "-t", "ids"])).toEqual({ suite: SUITES.unit, passThrough: ["lib/ids.test.ts", "-t", "ids"] });
    expect(parseSelection(["e2e", "e2e/booking.spec.ts"])?.suite.playwright).toBe("e2e");
  });

  it("refuses what is not a loop (npm test takes no arguments: they would go to no runner in particular)", () => {
    expect(parseSelection(["lib/ids.test.ts"])).toBeUndefined();
    expect(parseSelection(["all", "x"])).toBeUndefined();
    expect(parseSelection(["toString"])).toBeUndefined();
  });

  it("has exactly one loop per runner part, and only npm test does everything", () => {
    const loops = Object.values(SUITES).filter((suite) => suite.name !== "all");
    expect(loops.every((suite) => !suite.checks && suite.vitest.length + (suite.playwright ? 1 : 0) === 1)).toBe(true);
    expect(SUITES.all).toMatchObject({ checks: true, vitest: ["unit", "integration"], playwright: "all", database: true });
  });
});
