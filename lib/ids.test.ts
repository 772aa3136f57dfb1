import { describe, expect, it } from "vitest";
import { base32, ID_PATTERN, isId, newConferenceIds, newId } from "./ids";

describe("base32", () => {
  it("matches the RFC 4648 test vectors, in lowercase without padding", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "my"],
      ["fo", "mzxq"],
      ["foo", "mzxw6"],
      ["foob", "mzxw6yq"],
      ["fooba", "mzxw6ytb"],
      ["foobar", "mzxw6ytboi"],
    ];
    for (const [input, output] of vectors) expect(base32(new TextEncoder().encode(input))).toBe(output);
  });

  it("encodes 16 bytes in 26 characters", () => {
    expect(base32(new Uint8Array(16))).toBe("a".repeat(26));
    expect(base32(new Uint8Array(16).fill(255))).toBe("7".repeat(25) + "4");
  });
});

describe("newId", () => {
  it("gives 26 lowercase letters and digits", () => {
    for (let i = 0; i < 100; i++) expect(newId()).toMatch(ID_PATTERN);
  });

  it("never repeats and uses the whole alphabet evenly (128 random bits)", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 25 characters carry 5 random bits each: every symbol should appear about equally.
    const counts = new Map<string, number>();
    for (const id of ids) for (const ch of id.slice(0, 25)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (ids.length * 25) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });

  it("gives a conference three independent ids", () => {
    const { invitationId, adminId, roomId } = newConferenceIds();
    expect(new Set([invitationId, adminId, roomId]).size).toBe(3);
  });
});

describe("isId", () => {
  it("accepts only well-formed ids", () => {
    expect(isId(newId())).toBe(true);
    expect(isId(newId().toUpperCase())).toBe(false);
    expect(isId("a".repeat(25))).toBe(false);
    expect(isId("a".repeat(27))).toBe(false);
    expect(isId("0".repeat(26))).toBe(false); // 0, 1, 8, 9 are not in the alphabet
    expect(isId(undefined)).toBe(false);
    expect(isId("' OR 1=1 --aaaaaaaaaaaaaaa")).toBe(false);
  });
});
