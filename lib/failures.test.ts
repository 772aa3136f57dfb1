import { describe, expect, it } from "vitest";
import { ConfigError } from "./env";
import { classifyFailure, OtherSecretError, reportFailure } from "./failures";
import { isDatabaseError } from "./database-errors";
import { WriteConflict } from "./write-retry";

/** An error of Prisma's shape, as the MariaDB adapter reports it (from a class this module has never seen). */
function prismaError(name: string, { code, originalCode, cause }: { code?: string; originalCode?: string; cause?: string } = {}) {
  const error = new Error("Invalid `prisma.conference.findUnique()` invocation: secret-id-in-a-message");
  error.name = name;
  return Object.assign(error, { code, meta: { driverAdapterError: { cause: { originalCode, cause } } } });
}

function logged(error: unknown) {
  const lines: string[] = [];
  const failure = reportFailure("test door", error, (line) => lines.push(line));
  return { failure, lines };
}

describe("classifyFailure", () => {
  it("calls a database that cannot be reached, or refuses for a moment, unavailable", () => {
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { originalCode: "45028", cause: "pool timeout" }))).toEqual({ status: "unavailable" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { cause: "connect ECONNREFUSED 127.0.0.1:9" }))).toEqual({ status: "unavailable" });
    expect(classifyFailure(prismaError("PrismaClientInitializationError"))).toEqual({ status: "unavailable" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { originalCode: "1205" }))).toEqual({ status: "unavailable" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { originalCode: "1047" }))).toEqual({ status: "unavailable" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { code: "P2024" }))).toEqual({ status: "unavailable" });
    expect(classifyFailure(new WriteConflict("moved on"))).toEqual({ status: "unavailable" });
  });

  it("calls a server set up wrongly misconfigured, with the operator's sentence, and not a database error", () => {
    const otherSecret = new OtherSecretError();
    expect(classifyFailure(otherSecret)).toEqual({ status: "misconfigured", message: expect.stringContaining("PLANADO_SECRET") });
    expect(isDatabaseError(otherSecret)).toBe(false);
    // By name: the copy of this module in Next's bundle throws its own class.
    const foreign = Object.assign(new Error("Planado cannot start: PORT must be a number."), { name: "ConfigError" });
    expect(classifyFailure(foreign)).toEqual({ status: "misconfigured", message: "Planado cannot start: PORT must be a number." });
    expect(classifyFailure(new ConfigError("Planado cannot start: x.")).status).toBe("misconfigured");
  });

  it("calls everything else a bug, database errors of our own making included", () => {
    expect(classifyFailure(new TypeError("Cannot read properties of undefined"))).toEqual({ status: "bug" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { code: "P2002", originalCode: "1062" }))).toEqual({ status: "bug" });
    expect(classifyFailure(prismaError("PrismaClientValidationError"))).toEqual({ status: "bug" });
    expect(classifyFailure(prismaError("PrismaClientKnownRequestError", { originalCode: "1054" }))).toEqual({ status: "bug" }); // unknown column
    expect(classifyFailure("a string")).toEqual({ status: "bug" });
    expect(classifyFailure(undefined)).toEqual({ status: "bug" });
  });
});

describe("reportFailure", () => {
  it("logs a bug once, by its kind and codes, never its message", () => {
    const { failure, lines } = logged(prismaError("PrismaClientKnownRequestError", { code: "P2002", originalCode: "1062" }));
    expect(failure).toEqual({ status: "bug" });
    expect(lines).toEqual(["[planado] test door failed: bug: PrismaClientKnownRequestError P2002 (database error 1062)"]);
    expect(lines.join()).not.toContain("secret-id");
  });

  it("logs a misconfiguration once, with what the operator must do", () => {
    const { failure, lines } = logged(new OtherSecretError());
    expect(failure.status).toBe("misconfigured");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[planado\] test door failed: misconfigured: .*same PLANADO_SECRET\.$/);
  });

  it("logs nothing when the database is away: the 503 says it, and availability knows", () => {
    const { failure, lines } = logged(prismaError("PrismaClientKnownRequestError", { cause: "connect ECONNREFUSED 127.0.0.1:9" }));
    expect(failure).toEqual({ status: "unavailable" });
    expect(lines).toEqual([]);
  });
});
