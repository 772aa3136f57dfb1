import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveKeys } from "./derive";
import { keysFrom } from "./server-secret";

const folder = () => join(mkdtempSync(join(tmpdir(), "planado-secret-")), "data");

describe("the server's secret", () => {
  it("is PLANADO_SECRET when it is set", () => {
    expect(keysFrom({ PLANADO_SECRET: "x".repeat(40), PLANADO_DATA_DIR: folder() })).toEqual(deriveKeys("x".repeat(40)));
  });

  it("is otherwise generated on first use, kept private, and found again after a restart", () => {
    const dir = folder();
    const first = keysFrom({ PLANADO_DATA_DIR: dir });
    const file = join(dir, "secret");
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(keysFrom({ PLANADO_DATA_DIR: dir })).toEqual(first);
    expect(keysFrom({ PLANADO_DATA_DIR: folder() }).fingerprint).not.toBe(first.fingerprint);
  });

  it("keeps signing calendars with the key they were signed with before: CALENDAR_SECRET, or its file", () => {
    expect(keysFrom({ PLANADO_SECRET: "x".repeat(40), CALENDAR_SECRET: "c".repeat(40), PLANADO_DATA_DIR: folder() }).calendar).toBe("c".repeat(40));
    const dir = folder();
    keysFrom({ PLANADO_DATA_DIR: dir }); // makes the folder
    writeFileSync(join(dir, "calendar-secret"), `${"k".repeat(43)}\n`);
    expect(keysFrom({ PLANADO_DATA_DIR: dir }).calendar).toBe("k".repeat(43));
  });
});
