import { describe, expect, it } from "vitest";
import { isWriteConflict, retriedWrites, retryWrite, WriteConflict } from "./write-retry";
import type { RetryOptions } from "./write-retry";

/** An error shaped as Prisma's driver-adapter errors are, with the database's own number. */
function databaseError(code: number): Error {
  return Object.assign(new Error("refused"), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { cause: { originalCode: String(code) } } },
  });
}

const noWait = () => Promise.resolve();

/** How often retryWrite runs a write that always fails with `error` (which it then throws on). */
async function triesOf(error: Error, options: RetryOptions = {}): Promise<number> {
  let calls = 0;
  const failing = retryWrite(
    async () => {
      calls++;
      throw error;
    },
    { sleep: noWait, ...options },
  );
  await expect(failing).rejects.toBe(error);
  return calls;
}

describe("retryWrite", () => {
  it("runs a write again while the database refuses it as a conflict (deadlock, Galera certification)", async () => {
    const before = retriedWrites();
    let calls = 0;
    const result = await retryWrite(
      async () => {
        calls++;
        if (calls < 3) throw databaseError(1213);
        return "saved";
      },
      { sleep: noWait },
    );
    expect(result).toBe("saved");
    expect(calls).toBe(3);
    expect(retriedWrites() - before).toBe(2);
  });

  it("gives up after its attempts, with the database's error", async () => {
    expect(await triesOf(databaseError(1213), { attempts: 4 })).toBe(4);
  });

  it("does not retry any other error", async () => {
    expect(await triesOf(databaseError(1062))).toBe(1);
    // A lock wait timeout has waited 50 s already: the request fails rather than wait again.
    expect(await triesOf(databaseError(1205))).toBe(1);
    expect(isWriteConflict(new Error("x"))).toBe(false);
    expect(isWriteConflict(Object.assign(new Error("x"), { name: "PrismaClientKnownRequestError", code: "P2034" }))).toBe(true);
  });

  it("runs again a write that found the row changed under it (WriteConflict, the store's own)", async () => {
    expect(await triesOf(new WriteConflict("changed meanwhile"), { attempts: 3 })).toBe(3);
    // By name, not by class: the code is loaded twice in one process (see lib/process-wide.ts).
    expect(isWriteConflict(Object.assign(new Error("x"), { name: "WriteConflict" }))).toBe(true);
  });

  it("waits a random, growing time between tries", async () => {
    const waits: number[] = [];
    let calls = 0;
    await retryWrite(
      async () => {
        if (++calls < 5) throw databaseError(1213);
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toHaveLength(4);
    waits.forEach((ms, i) => expect(ms).toBeLessThanOrEqual(10 * 2 ** (i + 1)));
  });
});
