import { describe, expect, it } from "vitest";
import { isDatabaseError, prismaErrorCode } from "./database-errors";

/** An error of Prisma's shape from a class this module has never seen (another copy's). */
class ForeignPrismaError extends Error {
  override name = "PrismaClientKnownRequestError";
  constructor(readonly code: string) {
    super("x");
  }
}

describe("database errors", () => {
  it("are told apart by their shape, whichever copy of Prisma made them", () => {
    expect(prismaErrorCode(new ForeignPrismaError("P2025"))).toBe("P2025");
    expect(prismaErrorCode(Object.assign(new Error("x"), { code: "P2002" }))).toBeUndefined();
    expect(prismaErrorCode("P2025")).toBeUndefined();
    expect(isDatabaseError(new ForeignPrismaError("P1001"))).toBe(true);
    expect(isDatabaseError(Object.assign(new Error("x"), { sqlState: "HY000" }))).toBe(true);
    expect(isDatabaseError(new TypeError("bug"))).toBe(false);
  });
});
