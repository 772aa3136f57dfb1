import { beforeEach, describe, expect, it } from "vitest";
import { resetProcessWide } from "./process-wide";
import { databaseAnswered, databaseFailed, isUnreachable, PROBE_INTERVAL_MS, shouldShedLoad } from "./availability";

beforeEach(() => {
  databaseAnswered();
  resetProcessWide("planadoAvailability");
});

describe("availability", () => {
  it("lets everything through while the database answers", () => {
    expect(shouldShedLoad(1000)).toBe(false);
    expect(shouldShedLoad(1001)).toBe(false);
  });

  it("sheds load once the database failed, letting one request through every few seconds", () => {
    databaseFailed(0);
    expect(shouldShedLoad(10)).toBe(true);
    expect(shouldShedLoad(PROBE_INTERVAL_MS - 1)).toBe(true);
    expect(shouldShedLoad(PROBE_INTERVAL_MS)).toBe(false); // the one that tries
    expect(shouldShedLoad(PROBE_INTERVAL_MS + 1)).toBe(true);
    // It fails slowly (the pool waits); the next try comes an interval after that failure.
    databaseFailed(PROBE_INTERVAL_MS + 2500);
    expect(shouldShedLoad(2 * PROBE_INTERVAL_MS + 2499)).toBe(true);
    expect(shouldShedLoad(2 * PROBE_INTERVAL_MS + 2500)).toBe(false);
  });

  it("recovers as soon as a query succeeds", () => {
    databaseFailed(0);
    expect(shouldShedLoad(2)).toBe(true);
    databaseAnswered();
    expect(shouldShedLoad(3)).toBe(false);
  });
});

describe("isUnreachable", () => {
  const prismaError = (cause: object) => Object.assign(new Error("x"), { name: "PrismaClientKnownRequestError", meta: { driverAdapterError: { cause } } });
  it("tells connection failures from query errors", () => {
    expect(isUnreachable(prismaError({ originalCode: "45028", cause: "connect ECONNREFUSED 127.0.0.1:9" }))).toBe(true);
    expect(isUnreachable(prismaError({ cause: "connect ECONNREFUSED 127.0.0.1:9" }))).toBe(true);
    expect(isUnreachable(Object.assign(new Error("no db"), { name: "PrismaClientInitializationError" }))).toBe(true);
    expect(isUnreachable(prismaError({ originalCode: "1062", originalMessage: "Duplicate entry" }))).toBe(false);
    expect(isUnreachable(new Error("something else"))).toBe(false);
    expect(isUnreachable("text")).toBe(false);
  });
});
