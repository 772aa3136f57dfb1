import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

async function freshModule() {
  vi.resetModules();
  return import("./secret");
}

describe("calendarSecret", () => {
  it("uses CALENDAR_SECRET when it is set", async () => {
    const { calendarSecret } = await freshModule();
    const dir = mkdtempSync(join(tmpdir(), "planado-secret-"));
    expect(calendarSecret("x".repeat(40), dir)).toBe("x".repeat(40));
  });

  it("otherwise generates one on first use, keeps it private, and finds it again after a restart", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "planado-secret-")), "data");
    const first = (await freshModule()).calendarSecret(undefined, dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dir, "calendar-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    const afterRestart = (await freshModule()).calendarSecret(undefined, dir);
    expect(afterRestart).toBe(first);
  });

  it("differs between installations", async () => {
    const a = (await freshModule()).calendarSecret(undefined, mkdtempSync(join(tmpdir(), "planado-secret-")));
    const b = (await freshModule()).calendarSecret(undefined, mkdtempSync(join(tmpdir(), "planado-secret-")));
    expect(a).not.toBe(b);
  });
});
