import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MigrationError, readMigrations } from "./migrate";
import { migrationsDir } from "./paths";

describe("readMigrations", () => {
  it("lists folders with a migration.sql, oldest first, with Prisma's checksum", () => {
    const dir = mkdtempSync(join(tmpdir(), "planado-migrations-"));
    for (const [name, sql] of [
      ["20260102000000_second", "SELECT 2;"],
      ["20260101000000_first", "SELECT 1;\n"],
    ]) {
      mkdirSync(join(dir, name!));
      writeFileSync(join(dir, name!, "migration.sql"), sql!);
    }
    mkdirSync(join(dir, "20260103000000_empty"));
    writeFileSync(join(dir, "migration_lock.toml"), 'provider = "mysql"\n');

    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(migrations[0]!.checksum).toBe(createHash("sha256").update("SELECT 1;\n").digest("hex"));
    expect(migrations[0]!.sql).toBe("SELECT 1;\n");
  });

  it("refuses a missing folder with a clear error", () => {
    expect(() => readMigrations("/nonexistent/migrations")).toThrow(MigrationError);
  });

  it("finds the project's own migrations", () => {
    expect(readMigrations(migrationsDir).length).toBeGreaterThan(0);
  });
});
