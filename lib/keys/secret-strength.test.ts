import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MINIMUM_SECRET_BITS, secretBits, secretWeakness } from "./secret-strength";

describe("the server secret's strength", () => {
  it("passes what the documented commands and Planado itself make", () => {
    for (let i = 0; i < 200; i++) {
      expect(secretWeakness(randomBytes(32).toString("base64"))).toBeUndefined(); // openssl rand -base64 32
      expect(secretWeakness(randomBytes(32).toString("base64url"))).toBeUndefined(); // Planado's generated secret
      expect(secretWeakness(randomBytes(32).toString("hex"))).toBeUndefined(); // openssl rand -hex 32
    }
    expect(secretBits(randomBytes(32).toString("base64url"))).toBeGreaterThan(200);
  });

  it("refuses long secrets that are easy to guess, by what makes them so", () => {
    const weak = [
      "x".repeat(40), // a run
      "0123456789abcdef0123456789abcdefghijklmn", // sequences
      "test-secret-0123456789abcdef0123456789abcdef", // words and sequences
      "Sommer2026!".repeat(4), // a repeated unit
      "changeme-changeme-changeme-changeme-please",
      "planado-jitsi-secret-2026-planado-jitsi-secret", // words people use
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", // the alphabet
      "Sommer2026!Sommer2026!Sommer2026!Sommer2026!x", // a repeated piece, not quite the whole
      "MyCompanyJitsiServer2024!", // words
      "ILoveMySchoolVeryMuch!",
      "correct horse battery staple and more words", // a phrase
    ];
    for (const secret of weak) expect(secretWeakness(secret), secret).toMatch(/fewer than the 128 needed/);
  });

  it("says how weak without quoting the secret", () => {
    const secret = "passwordpasswordpassword1234567890";
    const said = secretWeakness(secret)!;
    expect(said).toMatch(/^it holds about \d+ bits of randomness/);
    expect(said).not.toContain("password1");
    expect(secretBits(secret)).toBeLessThan(MINIMUM_SECRET_BITS);
  });
});
