import { describe, expect, it } from "vitest";
import { createSweepTrigger } from "./trigger";

function setup(intervalMs = 60_000) {
  let now = 1_000_000;
  const runs: { finish: () => void; fail: (e: Error) => void }[] = [];
  const errors: unknown[] = [];
  const trigger = createSweepTrigger({
    intervalMs,
    clock: () => now,
    run: () =>
      new Promise<void>((resolve, reject) => {
        runs.push({ finish: resolve, fail: reject });
      }),
    onError: (error) => errors.push(error),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { trigger, runs, errors, settle, advance: (ms: number) => (now += ms) };
}

describe("createSweepTrigger", () => {
  it("starts a sweep on the first request, in the background", async () => {
    const { trigger, runs, settle } = setup();
    expect(trigger.poke()).toBe(true);
    expect(runs).toHaveLength(0); // not even started on the request's own tick
    await settle();
    expect(runs).toHaveLength(1);
    expect(trigger.busy()).toBe(true);
  });

  it("starts at most one sweep per interval", async () => {
    const { trigger, runs, settle, advance } = setup();
    trigger.poke();
    await settle();
    runs[0]!.finish();
    await settle();
    advance(59_999);
    expect(trigger.poke()).toBe(false);
    advance(1);
    expect(trigger.poke()).toBe(true);
    await settle();
    expect(runs).toHaveLength(2);
  });

  it("never runs two at once, even when a sweep outlasts the interval", async () => {
    const { trigger, runs, settle, advance } = setup();
    trigger.poke();
    await settle();
    advance(10 * 60_000);
    expect(trigger.poke()).toBe(false);
    expect(runs).toHaveLength(1);
    runs[0]!.finish();
    await settle();
    expect(trigger.busy()).toBe(false);
    expect(trigger.poke()).toBe(true);
  });

  it("reports a failing sweep and keeps going", async () => {
    const { trigger, runs, errors, settle, advance } = setup();
    trigger.poke();
    await settle();
    runs[0]!.fail(new Error("database down"));
    await settle();
    expect(errors).toEqual([new Error("database down")]);
    expect(trigger.busy()).toBe(false);
    advance(60_000);
    expect(trigger.poke()).toBe(true);
  });

  it("keeps a sweep that throws at once off the request", async () => {
    const errors: unknown[] = [];
    const trigger = createSweepTrigger({
      intervalMs: 1,
      clock: () => 0,
      run: () => {
        throw new Error("sync");
      },
      onError: (e) => errors.push(e),
    });
    expect(() => trigger.poke()).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual([new Error("sync")]);
  });
});
