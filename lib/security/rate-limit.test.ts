import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

function limiter(max: number, windowMs: number) {
  let now = 0;
  const l = new RateLimiter({ max, windowMs }, () => now);
  return { l, advance: (ms: number) => (now += ms) };
}

describe("RateLimiter", () => {
  it("allows max requests per window, then says how long to wait", () => {
    const { l } = limiter(3, 60_000);
    expect([l.take("a"), l.take("a"), l.take("a")]).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    expect(l.take("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it("refills steadily", () => {
    const { l, advance } = limiter(3, 60_000);
    for (let i = 0; i < 3; i++) l.take("a");
    advance(19_999);
    expect(l.take("a").allowed).toBe(false);
    advance(1);
    expect(l.take("a")).toEqual({ allowed: true });
    expect(l.take("a").allowed).toBe(false);
  });

  it("can check the allowance without using it", () => {
    const { l } = limiter(2, 60_000);
    expect(l.check("a")).toEqual({ allowed: true });
    l.take("a");
    l.take("a");
    expect(l.check("a")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(l.check("a")).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it("keeps clients apart", () => {
    const { l } = limiter(1, 60_000);
    expect(l.take("a").allowed).toBe(true);
    expect(l.take("b").allowed).toBe(true);
    expect(l.take("a").allowed).toBe(false);
  });

  it("does not limit when max is 0", () => {
    const { l } = limiter(0, 60_000);
    for (let i = 0; i < 1000; i++) expect(l.take("a").allowed).toBe(true);
    expect(l.size).toBe(0);
  });

  it("forgets a client once its allowance has refilled, so memory follows the clients of the last window", () => {
    const { l, advance } = limiter(5, 60_000);
    l.take("a");
    l.take("a");
    advance(30_000);
    l.take("b");
    expect(l.size).toBe(2);
    advance(30_000); // a: a whole window without a request
    l.take("c");
    expect(l.size).toBe(2);
    // …and a forgotten client gets its whole allowance, as it would have by then anyway.
    for (let i = 0; i < 5; i++) expect(l.take("a").allowed).toBe(true);
    expect(l.take("a").allowed).toBe(false);
  });

  it("stays bounded under a flood of clients", () => {
    const { l } = limiter(5, 60_000);
    for (let i = 0; i < 100_010; i++) l.take(`10.0.${i >> 8}.${i & 255}`);
    expect(l.size).toBe(100_000);
  });
});
