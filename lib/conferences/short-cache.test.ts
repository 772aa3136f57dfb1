import { describe, expect, it } from "vitest";
import { ShortCache } from "./short-cache";

function setup(ttl = 1000, max = 3) {
  let now = 0;
  let loads = 0;
  const cache = new ShortCache<string, number>(ttl, max, () => now);
  const load = (value: number) => () => {
    loads++;
    return Promise.resolve(value);
  };
  return { cache, load, loads: () => loads, advance: (ms: number) => (now += ms) };
}

describe("ShortCache", () => {
  it("loads once for many readers in the same moment", async () => {
    const { cache, load, loads } = setup();
    const values = await Promise.all(Array.from({ length: 2000 }, () => cache.get("a", load(1))));
    expect(new Set(values)).toEqual(new Set([1]));
    expect(loads()).toBe(1);
  });

  it("loads again after the TTL, or at once after forget/clear", async () => {
    const { cache, load, loads, advance } = setup();
    await cache.get("a", load(1));
    advance(999);
    expect(await cache.get("a", load(2))).toBe(1);
    advance(1);
    expect(await cache.get("a", load(3))).toBe(3);
    cache.forget("a");
    expect(await cache.get("a", load(4))).toBe(4);
    cache.clear();
    expect(await cache.get("a", load(5))).toBe(5);
    expect(loads()).toBe(4);
  });

  it("does not remember a failure", async () => {
    const { cache, load } = setup();
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", load(7))).toBe(7);
  });

  it("stays bounded", async () => {
    const { cache, load } = setup(1000, 3);
    for (const key of ["a", "b", "c", "d", "e"]) await cache.get(key, load(1));
    expect(cache.size).toBe(3);
  });

  it("lets go of what expired as new entries come, so it holds only the last TTL's worth", async () => {
    const { cache, load, advance } = setup(1000, 100);
    for (const key of ["a", "b", "c"]) await cache.get(key, load(1));
    advance(600);
    await cache.get("d", load(1));
    expect(cache.size).toBe(4);
    advance(500); // a, b and c have expired; d has not
    await cache.get("e", load(1));
    expect(cache.size).toBe(2);
  });
});
