import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parseDatabaseUrl } from "../../lib/database-url";
import type { DatabaseCoordinates } from "../../lib/database-url";
import { connect, ensureDatabaseExists, probeServer, resolveServer } from "./database-server";
import { freePort } from "./free-port";
import { throwawayName } from "./throwaway-database";

const server = parseDatabaseUrl(inject("serverUrl")) as DatabaseCoordinates;

describe("probeServer", () => {
  it("says a running server answers", async () => {
    expect(await probeServer(server)).toEqual({ status: "answers" });
  });

  it("tells an absent server from a refusal", async () => {
    const absent = await probeServer({ ...server, host: "127.0.0.1", port: await freePort() });
    expect(absent).toMatchObject({ status: "unreachable" });
    const refused = await probeServer({ ...server, user: "nobody_here", password: "wrong" });
    expect(refused).toMatchObject({ status: "refused" });
    expect((refused as { reason: string }).reason).toMatch(/Access denied/);
  });
});

describe("resolveServer", () => {
  it("uses the server DATABASE_URL names when it answers", async () => {
    const resolved = await resolveServer(server, () => {});
    expect(resolved).toEqual({ coordinates: server });
  });

  it("says in one sentence when a server refuses the login", async () => {
    const wrong = { ...server, user: "nobody_here", password: "secret-password" };
    const error = await resolveServer(wrong, () => {}).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^The database server at mysql:\/\/nobody_here:\*\*\*\*@.* refused Planado: .*Access denied.*DATABASE_URL\.$/);
    expect((error as Error).message).not.toContain("secret-password");
  });

  it("does not start a private server in place of a remote one", async () => {
    const remote = { ...server, host: "db.invalid", port: 3306 };
    await expect(resolveServer(remote, () => {})).rejects.toThrow(
      /^No database server answers at mysql:\/\/.*@db\.invalid:3306\/.*Start it, or set DATABASE_URL/,
    );
  });

  describe("when nothing answers on this machine", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "planado-private-"));
    const before = process.env.PLANADO_DATA_DIR;
    process.env.PLANADO_DATA_DIR = dataDir;
    const stops: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const stop of stops.reverse()) await stop();
      process.env.PLANADO_DATA_DIR = before;
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("starts a private MariaDB in the data folder, then reuses it", async () => {
      const lines: string[] = [];
      const wanted = { host: "127.0.0.1", port: await freePort(), user: "root", password: "", database: throwawayName("planado_test") };
      const first = await resolveServer(wanted, (line) => lines.push(line));
      stops.push(() => first.privateServer!.stop());
      expect(first.privateServer?.startedHere).toBe(true);
      expect(first.coordinates.database).toBe(wanted.database);
      expect(first.coordinates.port).not.toBe(wanted.port);
      expect(lines.join("\n")).toMatch(/using a private MariaDB/);
      expect(statSync(join(dataDir, "mariadb", "planado.json")).mode & 0o077).toBe(0);

      // The database does not exist yet: it is created, and the login works.
      expect(await ensureDatabaseExists(first.coordinates)).toBe(true);
      expect(await ensureDatabaseExists(first.coordinates)).toBe(false);
      const conn = await connect(first.coordinates);
      const [row] = await conn.query<{ db: string }[]>("SELECT DATABASE() AS db");
      await conn.end();
      expect(row!.db).toBe(wanted.database);

      // A second start finds it running and leaves it to its owner.
      const second = await resolveServer(wanted, () => {});
      expect(second.privateServer?.startedHere).toBe(false);
      expect(second.coordinates).toEqual(first.coordinates);
    }, 60_000);
  });
});
