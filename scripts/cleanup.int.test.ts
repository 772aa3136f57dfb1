import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatDatabaseUrl, parseDatabaseUrl } from "../lib/database-url";
import type { DatabaseCoordinates } from "../lib/database-url";
import { deriveKeys } from "../lib/keys/derive";
import { connect } from "./lib/database-server";
import { projectDir } from "./lib/paths";
import { createThrowawayDatabase } from "./lib/throwaway-database";
import type { ThrowawayDatabase } from "./lib/throwaway-database";

let database: ThrowawayDatabase;
beforeAll(async () => {
  database = await createThrowawayDatabase(parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates);
});
afterAll(async () => {
  await database.drop();
});

function cleanup(args: string[], databaseUrl = formatDatabaseUrl(database.coordinates)) {
  return spawnSync("npm", ["run", "--silent", "cleanup", "--", ...args], {
    cwd: projectDir,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

async function sql<T>(query: string, values: unknown[] = []): Promise<T> {
  const conn = await connect(database.coordinates);
  try {
    return await conn.query<T>(query, values);
  } finally {
    await conn.end();
  }
}

describe("npm run cleanup", () => {
  it("sweeps once and says what it did", async () => {
    const row = (i: string, startsAt: string, local: string, repeat: string | null, remaining: number) => [
      `inv${i}`.padEnd(26, "a"),
      `adm${i}`.padEnd(26, "a"),
      `roo${i}`.padEnd(26, "a"),
      startsAt,
      local,
      "Europe/Berlin",
      repeat ? 1 : null,
      repeat,
      remaining,
    ];
    for (const values of [
      row("1", "2026-12-01 08:00:00", "2026-12-01 09:00:00", null, 0), // over: deleted
      row("2", "2026-12-01 08:00:00", "2026-12-01 09:00:00", "week", 2), // over: moves to 8 December
      row("3", "2026-12-02 08:00:00", "2026-12-02 09:00:00", null, 0), // not over yet
    ]) {
      await sql(
        `INSERT INTO conferences (invitation_hash, admin_hash, room_hash, starts_at, local_start, time_zone, repeat_every, repeat_unit, remaining_occurrences)
         VALUES (UNHEX(SHA2(?, 256)), UNHEX(SHA2(?, 256)), UNHEX(SHA2(?, 256)), ?, ?, ?, ?, ?, ?)`,
        values,
      );
    }
    const run = cleanup(["--now", "2026-12-02T07:30:00Z"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("[planado] Cleanup at 2026-12-02T07:30:00.000Z: deleted 1 conference(s), moved 1 to their next meeting.");
    const rows = await sql<{ local_start: string; remaining_occurrences: number }[]>(
      "SELECT CAST(local_start AS CHAR) AS local_start, remaining_occurrences FROM conferences ORDER BY local_start DESC",
    );
    expect(rows).toEqual([
      { local_start: "2026-12-08 09:00:00", remaining_occurrences: 1 },
      { local_start: "2026-12-02 09:00:00", remaining_occurrences: 0 },
    ]);
  });

  it("refuses, in one sentence, to sweep a database set up with another secret", () => {
    expect(cleanup([]).status).toBe(0); // this secret sets the database up (or already did)
    const run = spawnSync("npm", ["run", "--silent", "cleanup"], {
      cwd: projectDir,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: formatDatabaseUrl(database.coordinates), PLANADO_SECRET: "EOM-vHrW9IwPIEAs2Fg2IYGSKFHk3TIlGC9x9dCsMik" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^Planado cannot sweep: its secret \(PLANADO_SECRET.*Give every server that shares the database the same PLANADO_SECRET\.$/,
    );
  });

  describe("with a weak PLANADO_SECRET", () => {
    const weak = "planado-secret-0123456789abcdef0123456789"; // long enough for the settings, easy to guess
    const sweepWith = (databaseUrl: string) =>
      spawnSync("npm", ["run", "--silent", "cleanup"], {
        cwd: projectDir,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: databaseUrl, PLANADO_SECRET: weak },
      });

    it("refuses to set up a new installation, in one sentence, and records nothing", async () => {
      const fresh = await createThrowawayDatabase(parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates);
      try {
        const run = sweepWith(formatDatabaseUrl(fresh.coordinates));
        expect(run.status).toBe(1);
        const lines = run.stderr.trim().split("\n");
        expect(lines).toEqual([
          expect.stringMatching(
            /^Planado cannot go on\. This server's secret .* is too weak for a new installation: it holds about \d+ bits .*openssl rand -base64 32/,
          ),
        ]);
        expect(run.stderr).not.toContain(weak);
        const conn = await connect(fresh.coordinates);
        try {
          expect(await conn.query("SELECT * FROM server_key")).toEqual([]);
        } finally {
          await conn.end();
        }
      } finally {
        await fresh.drop();
      }
    });

    it("keeps an installation set up with it working, and warns once how to move to a strong one", async () => {
      const existing = await createThrowawayDatabase(parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates);
      try {
        const conn = await connect(existing.coordinates);
        try {
          await conn.query("INSERT INTO server_key (id, fingerprint) VALUES (1, ?)", [deriveKeys(weak).fingerprint]);
        } finally {
          await conn.end();
        }
        const run = sweepWith(formatDatabaseUrl(existing.coordinates));
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/Cleanup at .*: deleted 0 conference/);
        expect(run.stderr.trim().split("\n")).toEqual([
          expect.stringMatching(/^\[planado\] warning: this server's secret .* is weak: .* set up a new installation beside this one/),
        ]);
        expect(run.stderr).not.toContain(weak);
      } finally {
        await existing.drop();
      }
    });
  });

  it("refuses a bad --now with one line", () => {
    const run = cleanup(["--now", "yesterday"]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("--now takes an ISO date and time, such as 2026-12-01T09:00:00Z.");
  });

  it("says in one line when the database does not answer", () => {
    const run = cleanup([], "mysql://planado@127.0.0.1:9/planado");
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Database error/);
  });
});
