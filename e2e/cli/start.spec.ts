/**
 * The README's promise: `npm start` finds the database, creates and migrates it, serves the app and
 * prints where; bad configuration stops it with one clear line. Runs the real command.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { formatDatabaseUrl } from "../../lib/database-url";
import { freePort } from "../../scripts/lib/free-port";
import { projectDir } from "../../scripts/lib/paths";
import { throwawayName } from "../../scripts/lib/throwaway-database";
import { e2eDatabase, query } from "../support/database";

test.describe.configure({ mode: "serial" });

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function npmStart(env: Record<string, string>): Run {
  let out = "";
  let err = "";
  const child = spawn("npm", ["start", "--silent"], {
    cwd: projectDir,
    detached: true, // its own process group, so the test can stop npm, Next and all
    env: { ...process.env, NEXT_DIST_DIR: ".next-test", PUBLIC_URL: "", ...env },
  });
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const meaningfulLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

/** The processes of a process group, oldest first, with their command lines. */
function processesOfGroup(pgid: number): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      found.push({ pid: Number(entry), command: readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ") });
    } catch {
      // gone meanwhile
    }
  }
  return found.sort((a, b) => a.pid - b.pid);
}

test("a bad JITSI_URL stops npm start with one clear line", async () => {
  const run = npmStart({ JITSI_URL: "meet.jit.si", PORT: String(await freePort()) });
  expect(await run.exited).toBe(1);
  expect(meaningfulLines(run.stderr())).toEqual(['Planado cannot start: JITSI_URL must be an http(s) URL such as https://meet.jit.si (got "meet.jit.si").']);
});

test("a bad DATABASE_URL stops npm start with one clear line, password hidden", async () => {
  const run = npmStart({ DATABASE_URL: "postgresql://me:secret@localhost/planado", PORT: String(await freePort()) });
  expect(await run.exited).toBe(1);
  expect(meaningfulLines(run.stderr())).toEqual(["Planado cannot start: DATABASE_URL must start with mysql:// or mariadb:// (got postgresql://)."]);
});

test("npm start creates and migrates a new database, serves the app, and restarts without rebuilding", async () => {
  test.setTimeout(180_000);
  const database = throwawayName("planado_e2e");
  const port = await freePort();
  const env = { DATABASE_URL: formatDatabaseUrl({ ...e2eDatabase, database }), PORT: String(port) };
  // Like Ctrl-C in a terminal: the whole process group gets the signal, and nothing stays behind.
  const stop = async (run: Run) => {
    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/`).then(
            () => "still serving",
            () => "stopped",
          ),
        { timeout: 15_000 },
      )
      .toBe("stopped");
  };

  try {
    const first = npmStart(env);
    await expect.poll(first.stdout, { timeout: 120_000 }).toContain(`Planado is running: open http://localhost:${port}`);
    expect(first.stdout()).toContain(`Created the database ${database}.`);
    expect(first.stdout()).toMatch(/Applied \d+ migration\(s\): \d+_init, /);

    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Planado");
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: "ok", retriedWrites: 0 });
    const tables = await query<{ n: bigint }[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'conferences'", [
      database,
    ]);
    expect(Number(tables[0]!.n)).toBe(1);
    // What stays once it serves: npm, and the compiled server run by plain node (the set-up has exited;
    // no tsx, no esbuild, no launcher).
    const tree = processesOfGroup(first.child.pid!);
    expect(tree.map((p) => p.command)).toEqual([
      expect.stringMatching(/^npm start/),
      expect.stringMatching(/^node (--max-old-space-size=\d+ --max-semi-space-size=\d+ )\.\/\.next-test\/planado\/server\.mjs$/),
    ]);
    // Next takes the build's own configuration (server/built-next-config.ts), so nothing compiles
    // next.config.ts at run time: no native module is loaded at all (SWC, @swc/core and next-intl's
    // file watcher were, before: tens of MiB).
    const nativeModules = readFileSync(`/proc/${tree[1]!.pid}/maps`, "utf8").match(/\S+\.node$/gm) ?? [];
    expect([...new Set(nativeModules)]).toEqual([]);
    await stop(first);

    // The second start changes nothing and does not rebuild.
    const second = npmStart(env);
    await expect.poll(second.stdout, { timeout: 60_000 }).toContain("Planado is running");
    expect(second.stdout()).toContain("The database schema is up to date.");
    expect(second.stdout()).not.toContain("Building");
    await stop(second);
  } finally {
    await query(`DROP DATABASE IF EXISTS \`${database}\``);
  }
});

test("with nothing at DATABASE_URL, npm start serves from a private MariaDB, and Ctrl-C stops that too", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "planado-start-private-"));
  const port = await freePort();
  // A local address where nothing answers: the set-up starts a MariaDB of its own under PLANADO_DATA_DIR.
  const env = { DATABASE_URL: `mysql://root@127.0.0.1:${await freePort()}/planado_private`, PORT: String(port), PLANADO_DATA_DIR: dataDir };
  /** The MariaDB servers whose data is in the test's folder. */
  const privateDatabases = () =>
    readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
          return /(^|\/)(mariadbd|mysqld)\0/.test(command) && command.includes(dataDir);
        } catch {
          return false;
        }
      })
      .map(Number);
  try {
    const run = npmStart(env);
    await expect.poll(run.stdout, { timeout: 180_000 }).toContain("Planado is running");
    expect(run.stdout()).toContain(`Creating a private MariaDB in ${join(dataDir, "mariadb")}`);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const [database, ...more] = privateDatabases();
    expect(database, "a private MariaDB runs").toBeDefined();
    expect(more).toEqual([]);
    // Not in npm start's process group (a terminal's Ctrl-C must not kill it mid-write): the server
    // stops it, cleanly, when it stops.
    expect(processesOfGroup(run.child.pid!).map((p) => p.pid)).not.toContain(database);

    process.kill(-run.child.pid!, "SIGINT");
    await run.exited;
    await expect.poll(privateDatabases, { timeout: 30_000 }).toEqual([]);
    expect(readFileSync(join(dataDir, "mariadb", "mysqld.err"), "utf8")).toMatch(/Shutdown complete/);
  } finally {
    for (const pid of privateDatabases()) process.kill(pid, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
